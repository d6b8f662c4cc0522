package doseengine.geometry.io.dicom;

/**
 * Data element tags (group &lt;&lt; 16 | element) the engine reads or writes, named after the DICOM keyword
 * (PS3.6 table 6-1). Their VR and keyword live in {@link DicomDictionary}, the one table.
 */
public final class Tag {
    private Tag() {}

    // File meta information, PS3.10 7.1
    public static final int FILE_META_INFORMATION_GROUP_LENGTH = 0x00020000;
    public static final int FILE_META_INFORMATION_VERSION = 0x00020001;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;
    public static final int SOURCE_APPLICATION_ENTITY_TITLE = 0x00020016;

    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int IMAGE_TYPE = 0x00080008;
    public static final int INSTANCE_CREATION_DATE = 0x00080012;
    public static final int INSTANCE_CREATION_TIME = 0x00080013;
    public static final int INSTANCE_CREATOR_UID = 0x00080014;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int SERIES_DATE = 0x00080021;
    public static final int ACQUISITION_DATE = 0x00080022;
    public static final int CONTENT_DATE = 0x00080023;
    public static final int STUDY_TIME = 0x00080030;
    public static final int SERIES_TIME = 0x00080031;
    public static final int ACQUISITION_TIME = 0x00080032;
    public static final int CONTENT_TIME = 0x00080033;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int MANUFACTURER = 0x00080070;
    public static final int INSTITUTION_NAME = 0x00080080;
    public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    public static final int STATION_NAME = 0x00081010;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int SERIES_DESCRIPTION = 0x0008103E;
    public static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    public static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
    public static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    public static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    public static final int REFERENCED_SOP_SEQUENCE = 0x00081199;

    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;

    public static final int SLICE_THICKNESS = 0x00180050;
    public static final int KVP = 0x00180060;
    public static final int SPACING_BETWEEN_SLICES = 0x00180088;
    public static final int SOFTWARE_VERSIONS = 0x00181020;
    public static final int PATIENT_POSITION = 0x00185100;

    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int STUDY_ID = 0x00200010;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int ACQUISITION_NUMBER = 0x00200012;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int IMAGE_POSITION_PATIENT = 0x00200032;
    public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    public static final int FRAME_OF_REFERENCE_UID = 0x00200052;
    public static final int POSITION_REFERENCE_INDICATOR = 0x00201040;
    public static final int SLICE_LOCATION = 0x00201041;

    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int PLANAR_CONFIGURATION = 0x00280006;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int FRAME_INCREMENT_POINTER = 0x00280009;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int PIXEL_SPACING = 0x00280030;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int HIGH_BIT = 0x00280102;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int SMALLEST_IMAGE_PIXEL_VALUE = 0x00280106;
    public static final int LARGEST_IMAGE_PIXEL_VALUE = 0x00280107;
    public static final int WINDOW_CENTER = 0x00281050;
    public static final int WINDOW_WIDTH = 0x00281051;
    public static final int RESCALE_INTERCEPT = 0x00281052;
    public static final int RESCALE_SLOPE = 0x00281053;
    public static final int RESCALE_TYPE = 0x00281054;

    // NM and PET images, their units and radiopharmaceutical (PS3.3 C.8.4, C.8.9, C.7.6.16.2.11)
    public static final int ACQUISITION_DATE_TIME = 0x0008002A;
    public static final int CODE_VALUE = 0x00080100;
    public static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    public static final int CODE_MEANING = 0x00080104;
    public static final int RADIONUCLIDE = 0x00180030;
    public static final int RADIOPHARMACEUTICAL_START_TIME = 0x00181072;
    public static final int RADIONUCLIDE_TOTAL_DOSE = 0x00181074;
    public static final int RADIONUCLIDE_HALF_LIFE = 0x00181075;
    public static final int RADIOPHARMACEUTICAL_START_DATE_TIME = 0x00181078;
    public static final int GANTRY_DETECTOR_TILT = 0x00181120;
    public static final int ACTUAL_FRAME_DURATION = 0x00181242;
    public static final int MEASUREMENT_UNITS_CODE_SEQUENCE = 0x004008EA;
    public static final int REAL_WORLD_VALUE_MAPPING_SEQUENCE = 0x00409096;
    public static final int LUT_LABEL = 0x00409210;
    public static final int REAL_WORLD_VALUE_INTERCEPT = 0x00409224;
    public static final int REAL_WORLD_VALUE_SLOPE = 0x00409225;
    public static final int ENERGY_WINDOW_VECTOR = 0x00540010;
    public static final int RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE = 0x00540016;
    public static final int DETECTOR_VECTOR = 0x00540020;
    public static final int DETECTOR_INFORMATION_SEQUENCE = 0x00540022;
    public static final int PHASE_VECTOR = 0x00540030;
    public static final int ROTATION_VECTOR = 0x00540050;
    public static final int R_R_INTERVAL_VECTOR = 0x00540060;
    public static final int TIME_SLOT_VECTOR = 0x00540070;
    public static final int SLICE_VECTOR = 0x00540080;
    public static final int NUMBER_OF_SLICES = 0x00540081;
    public static final int ANGULAR_VIEW_VECTOR = 0x00540090;
    public static final int TIME_SLICE_VECTOR = 0x00540100;
    public static final int RADIONUCLIDE_CODE_SEQUENCE = 0x00540300;
    public static final int UNITS = 0x00541001;
    public static final int DECAY_CORRECTION = 0x00541102;

    // RT Dose, PS3.3 C.8.8.3
    public static final int DOSE_UNITS = 0x30040002;
    public static final int DOSE_TYPE = 0x30040004;
    public static final int DOSE_SUMMATION_TYPE = 0x3004000A;
    public static final int GRID_FRAME_OFFSET_VECTOR = 0x3004000C;
    public static final int DOSE_GRID_SCALING = 0x3004000E;

    // RT Structure Set, PS3.3 C.8.8.5 - C.8.8.8
    public static final int STRUCTURE_SET_LABEL = 0x30060002;
    public static final int STRUCTURE_SET_NAME = 0x30060004;
    public static final int STRUCTURE_SET_DATE = 0x30060008;
    public static final int STRUCTURE_SET_TIME = 0x30060009;
    public static final int REFERENCED_FRAME_OF_REFERENCE_SEQUENCE = 0x30060010;
    public static final int RT_REFERENCED_STUDY_SEQUENCE = 0x30060012;
    public static final int RT_REFERENCED_SERIES_SEQUENCE = 0x30060014;
    public static final int CONTOUR_IMAGE_SEQUENCE = 0x30060016;
    public static final int STRUCTURE_SET_ROI_SEQUENCE = 0x30060020;
    public static final int ROI_NUMBER = 0x30060022;
    public static final int REFERENCED_FRAME_OF_REFERENCE_UID = 0x30060024;
    public static final int ROI_NAME = 0x30060026;
    public static final int ROI_DESCRIPTION = 0x30060028;
    public static final int ROI_DISPLAY_COLOR = 0x3006002A;
    public static final int ROI_GENERATION_ALGORITHM = 0x30060036;
    public static final int ROI_CONTOUR_SEQUENCE = 0x30060039;
    public static final int CONTOUR_SEQUENCE = 0x30060040;
    public static final int CONTOUR_GEOMETRIC_TYPE = 0x30060042;
    public static final int NUMBER_OF_CONTOUR_POINTS = 0x30060046;
    public static final int CONTOUR_NUMBER = 0x30060048;
    public static final int CONTOUR_DATA = 0x30060050;
    public static final int RT_ROI_OBSERVATIONS_SEQUENCE = 0x30060080;
    public static final int OBSERVATION_NUMBER = 0x30060082;
    public static final int REFERENCED_ROI_NUMBER = 0x30060084;
    public static final int RT_ROI_INTERPRETED_TYPE = 0x300600A4;
    public static final int ROI_INTERPRETER = 0x300600A6;

    // Further attributes of CT, MR, RT Dose, RT Structure Set and RT Plan objects (PS3.6 table 6-1)
    public static final int CONVERSION_TYPE = 0x00080064;
    public static final int TIMEZONE_OFFSET_FROM_UTC = 0x00080201;
    public static final int INSTITUTIONAL_DEPARTMENT_NAME = 0x00081040;
    public static final int NAME_OF_PHYSICIANS_READING_STUDY = 0x00081060;
    public static final int OPERATORS_NAME = 0x00081070;
    public static final int TYPE_OF_PATIENT_ID = 0x00100022;
    public static final int OTHER_PATIENT_I_DS_SEQUENCE = 0x00101002;
    public static final int PATIENT_AGE = 0x00101010;
    public static final int PATIENT_SIZE = 0x00101020;
    public static final int PATIENT_WEIGHT = 0x00101030;
    public static final int ADDITIONAL_PATIENT_HISTORY = 0x001021B0;
    public static final int CONTRAST_BOLUS_AGENT = 0x00180010;
    public static final int SCANNING_SEQUENCE = 0x00180020;
    public static final int SEQUENCE_VARIANT = 0x00180021;
    public static final int SCAN_OPTIONS = 0x00180022;
    public static final int MR_ACQUISITION_TYPE = 0x00180023;
    public static final int REPETITION_TIME = 0x00180080;
    public static final int ECHO_TIME = 0x00180081;
    public static final int NUMBER_OF_AVERAGES = 0x00180083;
    public static final int IMAGING_FREQUENCY = 0x00180084;
    public static final int IMAGED_NUCLEUS = 0x00180085;
    public static final int ECHO_NUMBERS = 0x00180086;
    public static final int DATA_COLLECTION_DIAMETER = 0x00180090;
    public static final int ECHO_TRAIN_LENGTH = 0x00180091;
    public static final int DEVICE_SERIAL_NUMBER = 0x00181000;
    public static final int CONTRAST_BOLUS_ROUTE = 0x00181040;
    public static final int RECONSTRUCTION_DIAMETER = 0x00181100;
    public static final int DISTANCE_SOURCE_TO_DETECTOR = 0x00181110;
    public static final int DISTANCE_SOURCE_TO_PATIENT = 0x00181111;
    public static final int TABLE_HEIGHT = 0x00181130;
    public static final int EXPOSURE_TIME = 0x00181150;
    public static final int X_RAY_TUBE_CURRENT = 0x00181151;
    public static final int EXPOSURE = 0x00181152;
    public static final int FILTER_TYPE = 0x00181160;
    public static final int FOCAL_SPOTS = 0x00181190;
    public static final int CONVOLUTION_KERNEL = 0x00181210;
    public static final int FLIP_ANGLE = 0x00181314;
    public static final int PATIENT_ORIENTATION = 0x00200020;
    public static final int LATERALITY = 0x00200060;
    public static final int IMAGE_COMMENTS = 0x00204000;
    public static final int PIXEL_PADDING_VALUE = 0x00280120;
    public static final int ROI_VOLUME = 0x3006002C;
    public static final int ROI_OBSERVATION_LABEL = 0x30060085;
    public static final int ROI_OBSERVATION_DESCRIPTION = 0x30060088;
    public static final int ROI_PHYSICAL_PROPERTIES_SEQUENCE = 0x300600B0;
    public static final int ROI_PHYSICAL_PROPERTY = 0x300600B2;
    public static final int ROI_PHYSICAL_PROPERTY_VALUE = 0x300600B4;
    public static final int RT_PLAN_LABEL = 0x300A0002;
    public static final int RT_PLAN_NAME = 0x300A0003;
    public static final int RT_PLAN_DATE = 0x300A0006;
    public static final int RT_PLAN_TIME = 0x300A0007;
    public static final int PLAN_INTENT = 0x300A000A;
    public static final int RT_PLAN_GEOMETRY = 0x300A000C;
    public static final int DOSE_REFERENCE_SEQUENCE = 0x300A0010;
    public static final int DOSE_REFERENCE_NUMBER = 0x300A0012;
    public static final int DOSE_REFERENCE_STRUCTURE_TYPE = 0x300A0014;
    public static final int DOSE_REFERENCE_DESCRIPTION = 0x300A0016;
    public static final int DOSE_REFERENCE_POINT_COORDINATES = 0x300A0018;
    public static final int DOSE_REFERENCE_TYPE = 0x300A0020;
    public static final int DELIVERY_MAXIMUM_DOSE = 0x300A0023;
    public static final int TARGET_PRESCRIPTION_DOSE = 0x300A0026;
    public static final int ORGAN_AT_RISK_MAXIMUM_DOSE = 0x300A002C;
    public static final int RT_PLAN_RELATIONSHIP = 0x300A0055;
    public static final int FRACTION_GROUP_SEQUENCE = 0x300A0070;
    public static final int FRACTION_GROUP_NUMBER = 0x300A0071;
    public static final int NUMBER_OF_FRACTIONS_PLANNED = 0x300A0078;
    public static final int NUMBER_OF_BEAMS = 0x300A0080;
    public static final int BEAM_DOSE_SPECIFICATION_POINT = 0x300A0082;
    public static final int BEAM_DOSE = 0x300A0084;
    public static final int BEAM_METERSET = 0x300A0086;
    public static final int NUMBER_OF_BRACHY_APPLICATION_SETUPS = 0x300A00A0;
    public static final int BEAM_SEQUENCE = 0x300A00B0;
    public static final int TREATMENT_MACHINE_NAME = 0x300A00B2;
    public static final int PRIMARY_DOSIMETER_UNIT = 0x300A00B3;
    public static final int SOURCE_AXIS_DISTANCE = 0x300A00B4;
    public static final int BEAM_LIMITING_DEVICE_SEQUENCE = 0x300A00B6;
    public static final int RT_BEAM_LIMITING_DEVICE_TYPE = 0x300A00B8;
    public static final int NUMBER_OF_LEAF_JAW_PAIRS = 0x300A00BC;
    public static final int BEAM_NUMBER = 0x300A00C0;
    public static final int BEAM_NAME = 0x300A00C2;
    public static final int BEAM_TYPE = 0x300A00C4;
    public static final int RADIATION_TYPE = 0x300A00C6;
    public static final int TREATMENT_DELIVERY_TYPE = 0x300A00CE;
    public static final int NUMBER_OF_WEDGES = 0x300A00D0;
    public static final int NUMBER_OF_COMPENSATORS = 0x300A00E0;
    public static final int NUMBER_OF_BOLI = 0x300A00ED;
    public static final int NUMBER_OF_BLOCKS = 0x300A00F0;
    public static final int CUMULATIVE_DOSE_REFERENCE_COEFFICIENT = 0x300A010C;
    public static final int FINAL_CUMULATIVE_METERSET_WEIGHT = 0x300A010E;
    public static final int NUMBER_OF_CONTROL_POINTS = 0x300A0110;
    public static final int CONTROL_POINT_SEQUENCE = 0x300A0111;
    public static final int CONTROL_POINT_INDEX = 0x300A0112;
    public static final int NOMINAL_BEAM_ENERGY = 0x300A0114;
    public static final int DOSE_RATE_SET = 0x300A0115;
    public static final int BEAM_LIMITING_DEVICE_POSITION_SEQUENCE = 0x300A011A;
    public static final int LEAF_JAW_POSITIONS = 0x300A011C;
    public static final int GANTRY_ANGLE = 0x300A011E;
    public static final int GANTRY_ROTATION_DIRECTION = 0x300A011F;
    public static final int BEAM_LIMITING_DEVICE_ANGLE = 0x300A0120;
    public static final int BEAM_LIMITING_DEVICE_ROTATION_DIRECTION = 0x300A0121;
    public static final int PATIENT_SUPPORT_ANGLE = 0x300A0122;
    public static final int PATIENT_SUPPORT_ROTATION_DIRECTION = 0x300A0123;
    public static final int TABLE_TOP_ECCENTRIC_ANGLE = 0x300A0125;
    public static final int TABLE_TOP_ECCENTRIC_ROTATION_DIRECTION = 0x300A0126;
    public static final int TABLE_TOP_VERTICAL_POSITION = 0x300A0128;
    public static final int TABLE_TOP_LONGITUDINAL_POSITION = 0x300A0129;
    public static final int TABLE_TOP_LATERAL_POSITION = 0x300A012A;
    public static final int ISOCENTER_POSITION = 0x300A012C;
    public static final int SOURCE_TO_SURFACE_DISTANCE = 0x300A0130;
    public static final int CUMULATIVE_METERSET_WEIGHT = 0x300A0134;
    public static final int PATIENT_SETUP_SEQUENCE = 0x300A0180;
    public static final int PATIENT_SETUP_NUMBER = 0x300A0182;
    public static final int SETUP_TECHNIQUE_DESCRIPTION = 0x300A01B2;
    public static final int REFERENCED_RT_PLAN_SEQUENCE = 0x300C0002;
    public static final int REFERENCED_BEAM_SEQUENCE = 0x300C0004;
    public static final int REFERENCED_BEAM_NUMBER = 0x300C0006;
    public static final int REFERENCED_FRACTION_GROUP_SEQUENCE = 0x300C0020;
    public static final int REFERENCED_FRACTION_GROUP_NUMBER = 0x300C0022;
    public static final int REFERENCED_DOSE_REFERENCE_SEQUENCE = 0x300C0050;
    public static final int REFERENCED_DOSE_REFERENCE_NUMBER = 0x300C0051;
    public static final int REFERENCED_STRUCTURE_SET_SEQUENCE = 0x300C0060;
    public static final int REFERENCED_PATIENT_SETUP_NUMBER = 0x300C006A;
    public static final int APPROVAL_STATUS = 0x300E0002;
    public static final int DATA_SET_TRAILING_PADDING = 0xFFFCFFFC;
    // Written by the RT Dose, RT Structure Set, CT and NM writers
    public static final int COUNTS_ACCUMULATED = 0x00180070;
    public static final int COLLIMATOR_TYPE = 0x00181181;
    public static final int RADIOPHARMACEUTICAL = 0x00180031;
    public static final int LUT_EXPLANATION = 0x00283003;
    public static final int REAL_WORLD_VALUE_LAST_VALUE_MAPPED = 0x00409211;
    public static final int REAL_WORLD_VALUE_FIRST_VALUE_MAPPED = 0x00409216;
    public static final int NUMBER_OF_ENERGY_WINDOWS = 0x00540011;
    public static final int ENERGY_WINDOW_INFORMATION_SEQUENCE = 0x00540012;
    public static final int NUMBER_OF_DETECTORS = 0x00540021;
    public static final int NUMBER_OF_ROTATIONS = 0x00540051;
    public static final int ROTATION_INFORMATION_SEQUENCE = 0x00540052;
    public static final int PATIENT_ORIENTATION_CODE_SEQUENCE = 0x00540410;
    public static final int PATIENT_GANTRY_RELATIONSHIP_CODE_SEQUENCE = 0x00540414;

    public static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    public static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
    public static final int PIXEL_DATA = 0x7FE00010;

    // Item and delimitation tags, PS3.5 7.5
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION_ITEM = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION_ITEM = 0xFFFEE0DD;

    /** The group number (upper 16 bits). */
    public static int group(int tag) { return tag >>> 16; }

    /** The element number (lower 16 bits). */
    public static int element(int tag) { return tag & 0xFFFF; }

    /** Whether the tag is private (odd group, PS3.5 7.8). */
    public static boolean isPrivate(int tag) { return (group(tag) & 1) == 1; }

    /** {@code "(0028,0010) Rows"}, or {@code "(gggg,eeee)"} when the keyword is not known. */
    public static String describe(int tag) {
        String hex = String.format("(%04X,%04X)", group(tag), element(tag));
        String keyword = DicomDictionary.keywordOf(tag);
        return keyword == null ? hex : hex + " " + keyword;
    }
}
