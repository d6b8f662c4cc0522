package doseengine.geometry.io.dicom;

import static doseengine.geometry.io.dicom.Vr.*;

import java.util.HashMap;
import java.util.Map;

/**
 * The one table of VR and keyword of every tag in {@link Tag} (PS3.6 table 6-1, 7-1). Implicit VR little endian
 * (PS3.5 A.1) carries no VR, so the reader takes it from here; what is not here is read as UN and kept as bytes.
 */
public final class DicomDictionary {
    private record Entry(Vr vr, String keyword) {}

    private static final Map<Integer, Entry> TABLE = new HashMap<>();

    private DicomDictionary() {}

    private static void e(int tag, Vr vr, String keyword) {
        if (TABLE.put(tag, new Entry(vr, keyword)) != null) {
            throw new IllegalStateException("tag listed twice: " + keyword);
        }
    }

    static {
        e(Tag.FILE_META_INFORMATION_GROUP_LENGTH, UL, "FileMetaInformationGroupLength");
        e(Tag.FILE_META_INFORMATION_VERSION, OB, "FileMetaInformationVersion");
        e(Tag.MEDIA_STORAGE_SOP_CLASS_UID, UI, "MediaStorageSOPClassUID");
        e(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, UI, "MediaStorageSOPInstanceUID");
        e(Tag.TRANSFER_SYNTAX_UID, UI, "TransferSyntaxUID");
        e(Tag.IMPLEMENTATION_CLASS_UID, UI, "ImplementationClassUID");
        e(Tag.IMPLEMENTATION_VERSION_NAME, SH, "ImplementationVersionName");
        e(Tag.SOURCE_APPLICATION_ENTITY_TITLE, AE, "SourceApplicationEntityTitle");

        e(Tag.SPECIFIC_CHARACTER_SET, CS, "SpecificCharacterSet");
        e(Tag.IMAGE_TYPE, CS, "ImageType");
        e(Tag.INSTANCE_CREATION_DATE, DA, "InstanceCreationDate");
        e(Tag.INSTANCE_CREATION_TIME, TM, "InstanceCreationTime");
        e(Tag.INSTANCE_CREATOR_UID, UI, "InstanceCreatorUID");
        e(Tag.SOP_CLASS_UID, UI, "SOPClassUID");
        e(Tag.SOP_INSTANCE_UID, UI, "SOPInstanceUID");
        e(Tag.STUDY_DATE, DA, "StudyDate");
        e(Tag.SERIES_DATE, DA, "SeriesDate");
        e(Tag.ACQUISITION_DATE, DA, "AcquisitionDate");
        e(Tag.CONTENT_DATE, DA, "ContentDate");
        e(Tag.STUDY_TIME, TM, "StudyTime");
        e(Tag.SERIES_TIME, TM, "SeriesTime");
        e(Tag.ACQUISITION_TIME, TM, "AcquisitionTime");
        e(Tag.CONTENT_TIME, TM, "ContentTime");
        e(Tag.ACCESSION_NUMBER, SH, "AccessionNumber");
        e(Tag.MODALITY, CS, "Modality");
        e(Tag.MANUFACTURER, LO, "Manufacturer");
        e(Tag.INSTITUTION_NAME, LO, "InstitutionName");
        e(Tag.REFERRING_PHYSICIAN_NAME, PN, "ReferringPhysicianName");
        e(Tag.STATION_NAME, SH, "StationName");
        e(Tag.STUDY_DESCRIPTION, LO, "StudyDescription");
        e(Tag.SERIES_DESCRIPTION, LO, "SeriesDescription");
        e(Tag.MANUFACTURER_MODEL_NAME, LO, "ManufacturerModelName");
        e(Tag.REFERENCED_SERIES_SEQUENCE, SQ, "ReferencedSeriesSequence");
        e(Tag.REFERENCED_SOP_CLASS_UID, UI, "ReferencedSOPClassUID");
        e(Tag.REFERENCED_SOP_INSTANCE_UID, UI, "ReferencedSOPInstanceUID");
        e(Tag.REFERENCED_SOP_SEQUENCE, SQ, "ReferencedSOPSequence");

        e(Tag.PATIENT_NAME, PN, "PatientName");
        e(Tag.PATIENT_ID, LO, "PatientID");
        e(Tag.PATIENT_BIRTH_DATE, DA, "PatientBirthDate");
        e(Tag.PATIENT_SEX, CS, "PatientSex");

        e(Tag.SLICE_THICKNESS, DS, "SliceThickness");
        e(Tag.KVP, DS, "KVP");
        e(Tag.SPACING_BETWEEN_SLICES, DS, "SpacingBetweenSlices");
        e(Tag.SOFTWARE_VERSIONS, LO, "SoftwareVersions");
        e(Tag.PATIENT_POSITION, CS, "PatientPosition");

        e(Tag.STUDY_INSTANCE_UID, UI, "StudyInstanceUID");
        e(Tag.SERIES_INSTANCE_UID, UI, "SeriesInstanceUID");
        e(Tag.STUDY_ID, SH, "StudyID");
        e(Tag.SERIES_NUMBER, IS, "SeriesNumber");
        e(Tag.ACQUISITION_NUMBER, IS, "AcquisitionNumber");
        e(Tag.INSTANCE_NUMBER, IS, "InstanceNumber");
        e(Tag.IMAGE_POSITION_PATIENT, DS, "ImagePositionPatient");
        e(Tag.IMAGE_ORIENTATION_PATIENT, DS, "ImageOrientationPatient");
        e(Tag.FRAME_OF_REFERENCE_UID, UI, "FrameOfReferenceUID");
        e(Tag.POSITION_REFERENCE_INDICATOR, LO, "PositionReferenceIndicator");
        e(Tag.SLICE_LOCATION, DS, "SliceLocation");

        e(Tag.SAMPLES_PER_PIXEL, US, "SamplesPerPixel");
        e(Tag.PHOTOMETRIC_INTERPRETATION, CS, "PhotometricInterpretation");
        e(Tag.PLANAR_CONFIGURATION, US, "PlanarConfiguration");
        e(Tag.NUMBER_OF_FRAMES, IS, "NumberOfFrames");
        e(Tag.FRAME_INCREMENT_POINTER, AT, "FrameIncrementPointer");
        e(Tag.ROWS, US, "Rows");
        e(Tag.COLUMNS, US, "Columns");
        e(Tag.PIXEL_SPACING, DS, "PixelSpacing");
        e(Tag.BITS_ALLOCATED, US, "BitsAllocated");
        e(Tag.BITS_STORED, US, "BitsStored");
        e(Tag.HIGH_BIT, US, "HighBit");
        e(Tag.PIXEL_REPRESENTATION, US, "PixelRepresentation");
        // US or SS by Pixel Representation (PS3.6); the bytes are kept either way and little endian needs no swap.
        e(Tag.SMALLEST_IMAGE_PIXEL_VALUE, US, "SmallestImagePixelValue");
        e(Tag.LARGEST_IMAGE_PIXEL_VALUE, US, "LargestImagePixelValue");
        e(Tag.WINDOW_CENTER, DS, "WindowCenter");
        e(Tag.WINDOW_WIDTH, DS, "WindowWidth");
        e(Tag.RESCALE_INTERCEPT, DS, "RescaleIntercept");
        e(Tag.RESCALE_SLOPE, DS, "RescaleSlope");
        e(Tag.RESCALE_TYPE, LO, "RescaleType");

        e(Tag.DOSE_UNITS, CS, "DoseUnits");
        e(Tag.DOSE_TYPE, CS, "DoseType");
        e(Tag.DOSE_SUMMATION_TYPE, CS, "DoseSummationType");
        e(Tag.GRID_FRAME_OFFSET_VECTOR, DS, "GridFrameOffsetVector");
        e(Tag.DOSE_GRID_SCALING, DS, "DoseGridScaling");

        e(Tag.STRUCTURE_SET_LABEL, SH, "StructureSetLabel");
        e(Tag.STRUCTURE_SET_NAME, LO, "StructureSetName");
        e(Tag.STRUCTURE_SET_DATE, DA, "StructureSetDate");
        e(Tag.STRUCTURE_SET_TIME, TM, "StructureSetTime");
        e(Tag.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE, SQ, "ReferencedFrameOfReferenceSequence");
        e(Tag.RT_REFERENCED_STUDY_SEQUENCE, SQ, "RTReferencedStudySequence");
        e(Tag.RT_REFERENCED_SERIES_SEQUENCE, SQ, "RTReferencedSeriesSequence");
        e(Tag.CONTOUR_IMAGE_SEQUENCE, SQ, "ContourImageSequence");
        e(Tag.STRUCTURE_SET_ROI_SEQUENCE, SQ, "StructureSetROISequence");
        e(Tag.ROI_NUMBER, IS, "ROINumber");
        e(Tag.REFERENCED_FRAME_OF_REFERENCE_UID, UI, "ReferencedFrameOfReferenceUID");
        e(Tag.ROI_NAME, LO, "ROIName");
        e(Tag.ROI_DESCRIPTION, ST, "ROIDescription");
        e(Tag.ROI_DISPLAY_COLOR, IS, "ROIDisplayColor");
        e(Tag.ROI_GENERATION_ALGORITHM, CS, "ROIGenerationAlgorithm");
        e(Tag.ROI_CONTOUR_SEQUENCE, SQ, "ROIContourSequence");
        e(Tag.CONTOUR_SEQUENCE, SQ, "ContourSequence");
        e(Tag.CONTOUR_GEOMETRIC_TYPE, CS, "ContourGeometricType");
        e(Tag.NUMBER_OF_CONTOUR_POINTS, IS, "NumberOfContourPoints");
        e(Tag.CONTOUR_NUMBER, IS, "ContourNumber");
        e(Tag.CONTOUR_DATA, DS, "ContourData");
        e(Tag.RT_ROI_OBSERVATIONS_SEQUENCE, SQ, "RTROIObservationsSequence");
        e(Tag.OBSERVATION_NUMBER, IS, "ObservationNumber");
        e(Tag.REFERENCED_ROI_NUMBER, IS, "ReferencedROINumber");
        e(Tag.RT_ROI_INTERPRETED_TYPE, CS, "RTROIInterpretedType");
        e(Tag.ROI_INTERPRETER, PN, "ROIInterpreter");

        e(Tag.CONVERSION_TYPE, CS, "ConversionType");
        e(Tag.TIMEZONE_OFFSET_FROM_UTC, SH, "TimezoneOffsetFromUTC");
        e(Tag.INSTITUTIONAL_DEPARTMENT_NAME, LO, "InstitutionalDepartmentName");
        e(Tag.NAME_OF_PHYSICIANS_READING_STUDY, PN, "NameOfPhysiciansReadingStudy");
        e(Tag.OPERATORS_NAME, PN, "OperatorsName");
        e(Tag.TYPE_OF_PATIENT_ID, CS, "TypeOfPatientID");
        e(Tag.OTHER_PATIENT_I_DS_SEQUENCE, SQ, "OtherPatientIDsSequence");
        e(Tag.PATIENT_AGE, AS, "PatientAge");
        e(Tag.PATIENT_SIZE, DS, "PatientSize");
        e(Tag.PATIENT_WEIGHT, DS, "PatientWeight");
        e(Tag.ADDITIONAL_PATIENT_HISTORY, LT, "AdditionalPatientHistory");
        e(Tag.CONTRAST_BOLUS_AGENT, LO, "ContrastBolusAgent");
        e(Tag.SCANNING_SEQUENCE, CS, "ScanningSequence");
        e(Tag.SEQUENCE_VARIANT, CS, "SequenceVariant");
        e(Tag.SCAN_OPTIONS, CS, "ScanOptions");
        e(Tag.MR_ACQUISITION_TYPE, CS, "MRAcquisitionType");
        e(Tag.REPETITION_TIME, DS, "RepetitionTime");
        e(Tag.ECHO_TIME, DS, "EchoTime");
        e(Tag.NUMBER_OF_AVERAGES, DS, "NumberOfAverages");
        e(Tag.IMAGING_FREQUENCY, DS, "ImagingFrequency");
        e(Tag.IMAGED_NUCLEUS, SH, "ImagedNucleus");
        e(Tag.ECHO_NUMBERS, IS, "EchoNumbers");
        e(Tag.DATA_COLLECTION_DIAMETER, DS, "DataCollectionDiameter");
        e(Tag.ECHO_TRAIN_LENGTH, IS, "EchoTrainLength");
        e(Tag.DEVICE_SERIAL_NUMBER, LO, "DeviceSerialNumber");
        e(Tag.CONTRAST_BOLUS_ROUTE, LO, "ContrastBolusRoute");
        e(Tag.RECONSTRUCTION_DIAMETER, DS, "ReconstructionDiameter");
        e(Tag.DISTANCE_SOURCE_TO_DETECTOR, DS, "DistanceSourceToDetector");
        e(Tag.DISTANCE_SOURCE_TO_PATIENT, DS, "DistanceSourceToPatient");
        e(Tag.GANTRY_DETECTOR_TILT, DS, "GantryDetectorTilt");
        e(Tag.TABLE_HEIGHT, DS, "TableHeight");
        e(Tag.EXPOSURE_TIME, IS, "ExposureTime");
        e(Tag.X_RAY_TUBE_CURRENT, IS, "XRayTubeCurrent");
        e(Tag.EXPOSURE, IS, "Exposure");
        e(Tag.FILTER_TYPE, SH, "FilterType");
        e(Tag.FOCAL_SPOTS, DS, "FocalSpots");
        e(Tag.CONVOLUTION_KERNEL, SH, "ConvolutionKernel");
        e(Tag.FLIP_ANGLE, DS, "FlipAngle");
        e(Tag.PATIENT_ORIENTATION, CS, "PatientOrientation");
        e(Tag.LATERALITY, CS, "Laterality");
        e(Tag.IMAGE_COMMENTS, LT, "ImageComments");
        e(Tag.PIXEL_PADDING_VALUE, US, "PixelPaddingValue");
        e(Tag.ROI_VOLUME, DS, "ROIVolume");
        e(Tag.ROI_OBSERVATION_LABEL, SH, "ROIObservationLabel");
        e(Tag.ROI_OBSERVATION_DESCRIPTION, ST, "ROIObservationDescription");
        e(Tag.ROI_PHYSICAL_PROPERTIES_SEQUENCE, SQ, "ROIPhysicalPropertiesSequence");
        e(Tag.ROI_PHYSICAL_PROPERTY, CS, "ROIPhysicalProperty");
        e(Tag.ROI_PHYSICAL_PROPERTY_VALUE, DS, "ROIPhysicalPropertyValue");
        e(Tag.RT_PLAN_LABEL, SH, "RTPlanLabel");
        e(Tag.RT_PLAN_NAME, LO, "RTPlanName");
        e(Tag.RT_PLAN_DATE, DA, "RTPlanDate");
        e(Tag.RT_PLAN_TIME, TM, "RTPlanTime");
        e(Tag.PLAN_INTENT, CS, "PlanIntent");
        e(Tag.RT_PLAN_GEOMETRY, CS, "RTPlanGeometry");
        e(Tag.DOSE_REFERENCE_SEQUENCE, SQ, "DoseReferenceSequence");
        e(Tag.DOSE_REFERENCE_NUMBER, IS, "DoseReferenceNumber");
        e(Tag.DOSE_REFERENCE_STRUCTURE_TYPE, CS, "DoseReferenceStructureType");
        e(Tag.DOSE_REFERENCE_DESCRIPTION, LO, "DoseReferenceDescription");
        e(Tag.DOSE_REFERENCE_POINT_COORDINATES, DS, "DoseReferencePointCoordinates");
        e(Tag.DOSE_REFERENCE_TYPE, CS, "DoseReferenceType");
        e(Tag.DELIVERY_MAXIMUM_DOSE, DS, "DeliveryMaximumDose");
        e(Tag.TARGET_PRESCRIPTION_DOSE, DS, "TargetPrescriptionDose");
        e(Tag.ORGAN_AT_RISK_MAXIMUM_DOSE, DS, "OrganAtRiskMaximumDose");
        e(Tag.RT_PLAN_RELATIONSHIP, CS, "RTPlanRelationship");
        e(Tag.FRACTION_GROUP_SEQUENCE, SQ, "FractionGroupSequence");
        e(Tag.FRACTION_GROUP_NUMBER, IS, "FractionGroupNumber");
        e(Tag.NUMBER_OF_FRACTIONS_PLANNED, IS, "NumberOfFractionsPlanned");
        e(Tag.NUMBER_OF_BEAMS, IS, "NumberOfBeams");
        e(Tag.BEAM_DOSE_SPECIFICATION_POINT, DS, "BeamDoseSpecificationPoint");
        e(Tag.BEAM_DOSE, DS, "BeamDose");
        e(Tag.BEAM_METERSET, DS, "BeamMeterset");
        e(Tag.NUMBER_OF_BRACHY_APPLICATION_SETUPS, IS, "NumberOfBrachyApplicationSetups");
        e(Tag.BEAM_SEQUENCE, SQ, "BeamSequence");
        e(Tag.TREATMENT_MACHINE_NAME, SH, "TreatmentMachineName");
        e(Tag.PRIMARY_DOSIMETER_UNIT, CS, "PrimaryDosimeterUnit");
        e(Tag.SOURCE_AXIS_DISTANCE, DS, "SourceAxisDistance");
        e(Tag.BEAM_LIMITING_DEVICE_SEQUENCE, SQ, "BeamLimitingDeviceSequence");
        e(Tag.RT_BEAM_LIMITING_DEVICE_TYPE, CS, "RTBeamLimitingDeviceType");
        e(Tag.NUMBER_OF_LEAF_JAW_PAIRS, IS, "NumberOfLeafJawPairs");
        e(Tag.BEAM_NUMBER, IS, "BeamNumber");
        e(Tag.BEAM_NAME, LO, "BeamName");
        e(Tag.BEAM_TYPE, CS, "BeamType");
        e(Tag.RADIATION_TYPE, CS, "RadiationType");
        e(Tag.TREATMENT_DELIVERY_TYPE, CS, "TreatmentDeliveryType");
        e(Tag.NUMBER_OF_WEDGES, IS, "NumberOfWedges");
        e(Tag.NUMBER_OF_COMPENSATORS, IS, "NumberOfCompensators");
        e(Tag.NUMBER_OF_BOLI, IS, "NumberOfBoli");
        e(Tag.NUMBER_OF_BLOCKS, IS, "NumberOfBlocks");
        e(Tag.CUMULATIVE_DOSE_REFERENCE_COEFFICIENT, DS, "CumulativeDoseReferenceCoefficient");
        e(Tag.FINAL_CUMULATIVE_METERSET_WEIGHT, DS, "FinalCumulativeMetersetWeight");
        e(Tag.NUMBER_OF_CONTROL_POINTS, IS, "NumberOfControlPoints");
        e(Tag.CONTROL_POINT_SEQUENCE, SQ, "ControlPointSequence");
        e(Tag.CONTROL_POINT_INDEX, IS, "ControlPointIndex");
        e(Tag.NOMINAL_BEAM_ENERGY, DS, "NominalBeamEnergy");
        e(Tag.DOSE_RATE_SET, DS, "DoseRateSet");
        e(Tag.BEAM_LIMITING_DEVICE_POSITION_SEQUENCE, SQ, "BeamLimitingDevicePositionSequence");
        e(Tag.LEAF_JAW_POSITIONS, DS, "LeafJawPositions");
        e(Tag.GANTRY_ANGLE, DS, "GantryAngle");
        e(Tag.GANTRY_ROTATION_DIRECTION, CS, "GantryRotationDirection");
        e(Tag.BEAM_LIMITING_DEVICE_ANGLE, DS, "BeamLimitingDeviceAngle");
        e(Tag.BEAM_LIMITING_DEVICE_ROTATION_DIRECTION, CS, "BeamLimitingDeviceRotationDirection");
        e(Tag.PATIENT_SUPPORT_ANGLE, DS, "PatientSupportAngle");
        e(Tag.PATIENT_SUPPORT_ROTATION_DIRECTION, CS, "PatientSupportRotationDirection");
        e(Tag.TABLE_TOP_ECCENTRIC_ANGLE, DS, "TableTopEccentricAngle");
        e(Tag.TABLE_TOP_ECCENTRIC_ROTATION_DIRECTION, CS, "TableTopEccentricRotationDirection");
        e(Tag.TABLE_TOP_VERTICAL_POSITION, DS, "TableTopVerticalPosition");
        e(Tag.TABLE_TOP_LONGITUDINAL_POSITION, DS, "TableTopLongitudinalPosition");
        e(Tag.TABLE_TOP_LATERAL_POSITION, DS, "TableTopLateralPosition");
        e(Tag.ISOCENTER_POSITION, DS, "IsocenterPosition");
        e(Tag.SOURCE_TO_SURFACE_DISTANCE, DS, "SourceToSurfaceDistance");
        e(Tag.CUMULATIVE_METERSET_WEIGHT, DS, "CumulativeMetersetWeight");
        e(Tag.PATIENT_SETUP_SEQUENCE, SQ, "PatientSetupSequence");
        e(Tag.PATIENT_SETUP_NUMBER, IS, "PatientSetupNumber");
        e(Tag.SETUP_TECHNIQUE_DESCRIPTION, ST, "SetupTechniqueDescription");
        e(Tag.REFERENCED_RT_PLAN_SEQUENCE, SQ, "ReferencedRTPlanSequence");
        e(Tag.REFERENCED_BEAM_SEQUENCE, SQ, "ReferencedBeamSequence");
        e(Tag.REFERENCED_BEAM_NUMBER, IS, "ReferencedBeamNumber");
        e(Tag.REFERENCED_FRACTION_GROUP_SEQUENCE, SQ, "ReferencedFractionGroupSequence");
        e(Tag.REFERENCED_FRACTION_GROUP_NUMBER, IS, "ReferencedFractionGroupNumber");
        e(Tag.REFERENCED_DOSE_REFERENCE_SEQUENCE, SQ, "ReferencedDoseReferenceSequence");
        e(Tag.REFERENCED_DOSE_REFERENCE_NUMBER, IS, "ReferencedDoseReferenceNumber");
        e(Tag.REFERENCED_STRUCTURE_SET_SEQUENCE, SQ, "ReferencedStructureSetSequence");
        e(Tag.REFERENCED_PATIENT_SETUP_NUMBER, IS, "ReferencedPatientSetupNumber");
        e(Tag.APPROVAL_STATUS, CS, "ApprovalStatus");
        e(Tag.DATA_SET_TRAILING_PADDING, OB, "DataSetTrailingPadding");
        // NM and PET images, their units and radiopharmaceutical
        e(Tag.ACQUISITION_DATE_TIME, DT, "AcquisitionDateTime");
        e(Tag.CODE_VALUE, SH, "CodeValue");
        e(Tag.CODING_SCHEME_DESIGNATOR, SH, "CodingSchemeDesignator");
        e(Tag.CODE_MEANING, LO, "CodeMeaning");
        e(Tag.RADIONUCLIDE, LO, "Radionuclide");
        e(Tag.COUNTS_ACCUMULATED, IS, "CountsAccumulated");
        e(Tag.COLLIMATOR_TYPE, CS, "CollimatorType");
        e(Tag.RADIOPHARMACEUTICAL, LO, "Radiopharmaceutical");
        e(Tag.RADIOPHARMACEUTICAL_START_TIME, TM, "RadiopharmaceuticalStartTime");
        e(Tag.RADIONUCLIDE_TOTAL_DOSE, DS, "RadionuclideTotalDose");
        e(Tag.RADIONUCLIDE_HALF_LIFE, DS, "RadionuclideHalfLife");
        e(Tag.RADIOPHARMACEUTICAL_START_DATE_TIME, DT, "RadiopharmaceuticalStartDateTime");
        e(Tag.ACTUAL_FRAME_DURATION, IS, "ActualFrameDuration");
        e(Tag.MEASUREMENT_UNITS_CODE_SEQUENCE, SQ, "MeasurementUnitsCodeSequence");
        e(Tag.REAL_WORLD_VALUE_MAPPING_SEQUENCE, SQ, "RealWorldValueMappingSequence");
        e(Tag.LUT_LABEL, SH, "LUTLabel");
        e(Tag.REAL_WORLD_VALUE_INTERCEPT, FD, "RealWorldValueIntercept");
        e(Tag.REAL_WORLD_VALUE_SLOPE, FD, "RealWorldValueSlope");
        e(Tag.ENERGY_WINDOW_VECTOR, US, "EnergyWindowVector");
        e(Tag.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, SQ, "RadiopharmaceuticalInformationSequence");
        e(Tag.DETECTOR_VECTOR, US, "DetectorVector");
        e(Tag.DETECTOR_INFORMATION_SEQUENCE, SQ, "DetectorInformationSequence");
        e(Tag.PHASE_VECTOR, US, "PhaseVector");
        e(Tag.ROTATION_VECTOR, US, "RotationVector");
        e(Tag.R_R_INTERVAL_VECTOR, US, "RRIntervalVector");
        e(Tag.TIME_SLOT_VECTOR, US, "TimeSlotVector");
        e(Tag.SLICE_VECTOR, US, "SliceVector");
        e(Tag.NUMBER_OF_SLICES, US, "NumberOfSlices");
        e(Tag.ANGULAR_VIEW_VECTOR, US, "AngularViewVector");
        e(Tag.TIME_SLICE_VECTOR, US, "TimeSliceVector");
        e(Tag.RADIONUCLIDE_CODE_SEQUENCE, SQ, "RadionuclideCodeSequence");
        e(Tag.LUT_EXPLANATION, LO, "LUTExplanation");
        e(Tag.REAL_WORLD_VALUE_LAST_VALUE_MAPPED, US, "RealWorldValueLastValueMapped");
        e(Tag.REAL_WORLD_VALUE_FIRST_VALUE_MAPPED, US, "RealWorldValueFirstValueMapped");
        e(Tag.NUMBER_OF_ENERGY_WINDOWS, US, "NumberOfEnergyWindows");
        e(Tag.ENERGY_WINDOW_INFORMATION_SEQUENCE, SQ, "EnergyWindowInformationSequence");
        e(Tag.NUMBER_OF_DETECTORS, US, "NumberOfDetectors");
        e(Tag.NUMBER_OF_ROTATIONS, US, "NumberOfRotations");
        e(Tag.ROTATION_INFORMATION_SEQUENCE, SQ, "RotationInformationSequence");
        e(Tag.PATIENT_ORIENTATION_CODE_SEQUENCE, SQ, "PatientOrientationCodeSequence");
        e(Tag.PATIENT_GANTRY_RELATIONSHIP_CODE_SEQUENCE, SQ, "PatientGantryRelationshipCodeSequence");
        e(Tag.UNITS, CS, "Units");
        e(Tag.DECAY_CORRECTION, CS, "DecayCorrection");

        e(Tag.FLOAT_PIXEL_DATA, OF, "FloatPixelData");
        e(Tag.DOUBLE_FLOAT_PIXEL_DATA, OD, "DoubleFloatPixelData");
        e(Tag.PIXEL_DATA, OW, "PixelData");
    }

    /**
     * The VR implicit VR little endian implies: the table's, UL for group lengths (gggg,0000), LO for private
     * creators (gggg,0010-00FF, PS3.5 7.8.1), UN for everything else.
     */
    public static Vr vrOf(int tag) {
        Entry e = TABLE.get(tag);
        if (e != null) {
            return e.vr();
        }
        int element = Tag.element(tag);
        if (element == 0) {
            return UL;
        }
        if (Tag.isPrivate(tag) && element >= 0x10 && element <= 0xFF) {
            return LO;
        }
        return UN;
    }

    /** The keyword, or null when the tag is not in the table. */
    public static String keywordOf(int tag) {
        Entry e = TABLE.get(tag);
        return e == null ? null : e.keyword();
    }
}
