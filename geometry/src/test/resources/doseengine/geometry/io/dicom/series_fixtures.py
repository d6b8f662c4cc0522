# Writes DICOM fixtures for the series readers' tests with pydicom, independently of the codec under test.
# usage: series_fixtures.py KIND OUT_DIR [options...]
import os
import random
import shutil
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"
NM_IMAGE = "1.2.840.10008.5.1.4.1.1.20"
PET_IMAGE = "1.2.840.10008.5.1.4.1.1.128"
ROOT = "2.25.1234567"
STUDY = ROOT + ".1"
FRAME = ROOT + ".2"
counter = [100]


def uid():
    counter[0] += 1
    return "%s.%d" % (ROOT, counter[0])


def base(modality, sop_class, series_uid, description):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = uid()
    meta.ImplementationClassUID = ROOT + ".9"
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.PatientName = "Test^Series"
    ds.PatientID = "P-0042"
    ds.PatientBirthDate = "19600101"
    ds.PatientSex = "F"
    ds.StudyInstanceUID = STUDY
    ds.StudyDate = "20240301"
    ds.StudyTime = "080000"
    ds.StudyID = "S1"
    ds.AccessionNumber = "A77"
    ds.ReferringPhysicianName = "Ref^Doc"
    ds.StudyDescription = "Series reader study"
    ds.SeriesInstanceUID = series_uid
    ds.SeriesDescription = description
    ds.Modality = modality
    ds.SeriesDate = "20240301"
    ds.SeriesTime = "100000"
    ds.FrameOfReferenceUID = FRAME
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    return ds


def save(ds, path, syntax):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.file_meta.TransferSyntaxUID = syntax
    ds.is_little_endian = syntax != ExplicitVRBigEndian
    ds.is_implicit_VR = syntax == ImplicitVRLittleEndian
    ds.save_as(path, write_like_original=False)


def ct_hu(rows, cols, k):
    j, i = np.mgrid[0:rows, 0:cols]
    return 2 * ((i * 7 + j * 13 + k * 101) % 1000) - 1000  # even, -1000..998


def ct_series(out, series_uid, description, n, rows=12, cols=16, tilt=None, odd_rows_at=None, names=None):
    """Slices 2.5 mm apart from z = 40, pixel spacing 0.8 (rows) x 0.6 (columns), mixed syntaxes and rescales."""
    syntaxes = [ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian]
    order = list(range(n))
    random.Random(11).shuffle(order)
    paths = []
    for k in range(n):
        r = rows + 2 if k == odd_rows_at else rows
        ds = base("CT", CT_IMAGE, series_uid, description)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
        ds.Rows, ds.Columns = r, cols
        ds.PixelSpacing = [0.8, 0.6]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [-20.0, -30.0, 40.0 + 2.5 * k]
        ds.SliceThickness = 2.5
        ds.InstanceNumber = n - k
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 16, 15
        if tilt is not None:
            ds.GantryDetectorTilt = tilt
        hu = ct_hu(r, cols, k)
        if k % 2 == 0:
            ds.RescaleSlope, ds.RescaleIntercept = 1, -1024
            ds.PixelRepresentation = 0
            stored = (hu + 1024).astype(np.uint16)
        else:
            ds.RescaleSlope, ds.RescaleIntercept = 2, -1000
            ds.PixelRepresentation = 1
            stored = ((hu + 1000) // 2 - 300).astype(np.int16)  # some negative stored values
            ds.RescaleIntercept = -400
        syntax = syntaxes[k % 3]
        dtype = stored.dtype.newbyteorder(">" if syntax == ExplicitVRBigEndian else "<")
        ds.PixelData = stored.astype(dtype).tobytes()
        name = names[k] if names else "sub%d/%s/IMG%04d" % (k % 2, "deep" if k % 3 == 0 else ".", order[k])
        path = os.path.normpath(os.path.join(out, name))
        save(ds, path, syntax)
        paths.append(path)
    return paths


def activity_pattern(rows, cols, k):
    j, i = np.mgrid[0:rows, 0:cols]
    return (i * 3 + j * 5 + k * 17) % 251 + 1


def radiopharmaceutical(ds, admin="20240301080000", half_life=574300.0, dose=7.4e9):
    item = Dataset()
    code = Dataset()
    code.CodeValue = "C-145A4"
    code.CodingSchemeDesignator = "SRT"
    code.CodeMeaning = "^177^Lutetium"
    item.RadionuclideCodeSequence = Sequence([code])
    item.RadiopharmaceuticalStartDateTime = admin
    item.RadionuclideTotalDose = dose
    if half_life is not None:
        item.RadionuclideHalfLife = half_life
    ds.RadiopharmaceuticalInformationSequence = Sequence([item])


def nm(out, with_position=True, spacing=4.0):
    """6 frames 12 x 16, RWVM Bq/ml slope 0.25, frames stored in the slice order 2,1,3,4,6,5."""
    rows, cols, n = 12, 16, 6
    ds = base("NM", NM_IMAGE, ROOT + ".30", "SPECT recon")
    ds.ImageType = ["ORIGINAL", "PRIMARY", "RECON TOMO", "EMISSION"]
    ds.Rows, ds.Columns = rows, cols
    ds.NumberOfFrames = n
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    ds.PixelSpacing = [4.8, 4.4]
    ds.SpacingBetweenSlices = spacing
    ds.SliceThickness = abs(spacing)
    ds.AcquisitionDate = "20240302"
    ds.AcquisitionTime = "093000"
    ds.FrameIncrementPointer = 0x00540080
    slice_of_frame = [2, 1, 3, 4, 6, 5]
    ds.SliceVector = slice_of_frame
    ds.NumberOfSlices = n
    det = Dataset()
    if with_position:
        det.ImagePositionPatient = [-30.0, -25.0, -12.0]
        det.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    det.FocalDistance = 0
    ds.DetectorInformationSequence = Sequence([det])
    rwvm = Dataset()
    units = Dataset()
    units.CodeValue = "Bq/ml"
    units.CodingSchemeDesignator = "UCUM"
    units.CodeMeaning = "becquerels/milliliter"
    rwvm.MeasurementUnitsCodeSequence = Sequence([units])
    rwvm.LUTExplanation = "Bq/ml"
    rwvm.LUTLabel = "BQML"
    rwvm.RealWorldValueFirstValueMapped = 0
    rwvm.RealWorldValueLastValueMapped = 65535
    rwvm.RealWorldValueIntercept = 0.0
    rwvm.RealWorldValueSlope = 0.25
    ds.RealWorldValueMappingSequence = Sequence([rwvm])
    radiopharmaceutical(ds, dose=7400.0)  # NM Isotope Module: MBq
    frames = [activity_pattern(rows, cols, slice_of_frame[f] - 1) for f in range(n)]
    ds.PixelData = np.stack(frames).astype("<u2").tobytes()
    save(ds, os.path.join(out, "nm", "recon.dcm"), ExplicitVRLittleEndian)


def pet(out, units="BQML", decay="ADMIN", n=5, intercept=3):
    """Slices 12 x 16, 3.27 mm apart, Bq/ml = stored * (0.5 + 0.1 k) + 3; injection 2 h before the series time."""
    rows, cols = 12, 16
    series = ROOT + ".40"
    for k in range(n):
        ds = base("PT", PET_IMAGE, series, "PET " + units)
        ds.ImageType = ["ORIGINAL", "PRIMARY"]
        ds.Rows, ds.Columns = rows, cols
        ds.PixelSpacing = [4.0, 4.0]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [-32.0, -24.0, 100.0 - 3.27 * k]
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
        ds.Units = units
        ds.DecayCorrection = decay
        ds.SeriesDate, ds.SeriesTime = "20240301", "100000"
        ds.AcquisitionDate, ds.AcquisitionTime = "20240301", "100000"
        ds.ActualFrameDuration = 120000
        ds.RescaleSlope = 0.5 + 0.1 * k
        ds.RescaleIntercept = intercept
        radiopharmaceutical(ds, admin="20240301080000", half_life=6586.2, dose=3.7e8)
        ds.PixelData = activity_pattern(rows, cols, k).astype("<u2").tobytes()
        save(ds, os.path.join(out, "pet", "PT%03d.dcm" % ((k * 3) % n)), ExplicitVRLittleEndian)


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "ct":
        ct_series(out, ROOT + ".10", "CT body", 8)
        with open(os.path.join(out, "README.txt"), "w") as f:
            f.write("not a DICOM file\n")
    elif kind == "ct-missing":
        paths = ct_series(out, ROOT + ".10", "CT body", 8)
        os.remove(paths[4])
    elif kind == "ct-duplicate":
        paths = ct_series(out, ROOT + ".10", "CT body", 8)
        ds = pydicom.dcmread(paths[3])
        ds.SOPInstanceUID = uid()
        ds.save_as(os.path.join(out, "copy.dcm"))
    elif kind == "ct-tilt":
        ct_series(out, ROOT + ".10", "CT body", 8, tilt=15)
    elif kind == "ct-rows":
        ct_series(out, ROOT + ".10", "CT body", 8, odd_rows_at=5)
    elif kind == "ct-two":
        ct_series(out, ROOT + ".10", "CT body", 8)
        ct_series(os.path.join(out, "second"), ROOT + ".11", "CT second", 4)
    elif kind == "ct-truncated":
        paths = ct_series(out, ROOT + ".10", "CT body", 8)
        size = os.path.getsize(paths[6])
        with open(paths[6], "r+b") as f:
            f.truncate(size - 100)
    elif kind == "nm":
        nm(out, spacing=float(sys.argv[3]) if len(sys.argv) > 3 else 4.0)
    elif kind == "nm-no-position":
        nm(out, with_position=False)
    elif kind == "pet":
        pet(out)
    elif kind == "pet-negative":
        pet(out, intercept=-100)
    elif kind == "pet-counts":
        pet(out, units="CNTS", decay="START")
    else:
        raise SystemExit("unknown kind " + kind)


main()
