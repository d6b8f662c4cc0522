# Writes an uncompressed CT series with pydicom for the compressed-series test, independently of the codec under
# test, and the HU pydicom reads back from those originals (stored value x Rescale Slope + Rescale Intercept,
# PS3.3 C.11.1.1.2). The test then recompresses files in place with dcmtk, as a PACS export does.
# usage: ct_compressed_fixture.py OUT_DIR
# writes OUT_DIR/series/*.dcm (explicit VR little endian, shuffled names) and OUT_DIR/hu.f8 (float64 HU, i
# fastest, then j, then k with k in the order of increasing z); prints "RELATIVE_PATH CODEC" per file, CODEC being
# jpeg-sv1, rle or none.
import os
import random
import sys

import numpy as np
import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"
ROOT = "2.25.5550001"
ROWS, COLS, SLICES = 48, 64, 10

# (Bits Stored, Pixel Representation, Rescale Slope, Rescale Intercept): the usual 12-bit scanner output, a
# signed 16-bit one, and a full-range unsigned 16-bit one; all give HU in short range.
FORMATS = [(12, 0, 2, -4096), (16, 1, 1, 0), (16, 0, 1, -32768)]
CODECS = ["jpeg-sv1"] * 3 + ["rle"] * 3 + ["jpeg-sv1"] * 3 + ["none"]

out = sys.argv[1]
rng = np.random.default_rng(20240301)
names = ["IM%04d" % (7 * n + 3) for n in range(SLICES)]
random.Random(3).shuffle(names)


def stored_slice(k, bits, signed):
    """A body-like slice (air, soft tissue with noise, a bone ring) with the extremes of the stored range next to
    each other on row 0 and full-range noise on row 1: differences of 2^16 - 1 between neighbours are the hardest
    case of lossless JPEG's Huffman coding (PS3.5 A.4.1, ITU T.81 H.1.2.2)."""
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    j, i = np.mgrid[0:ROWS, 0:COLS]
    r = np.hypot((i - 31.5 - k) / 27.0, (j - 23.5) / 19.0)
    level = np.where(r < 0.8, lo + (hi - lo) * 0.52, np.where(r < 0.95, lo + (hi - lo) * 0.8, lo + (hi - lo) * 0.1))
    a = level + rng.normal(0, (hi - lo) * 0.01, level.shape)
    a[0, :] = np.where(i[0] % 2 == 0, lo, hi)
    a[1, :] = rng.integers(lo, hi, size=COLS, endpoint=True)
    a[ROWS - 1, COLS - 1] = hi
    return np.clip(np.rint(a), lo, hi).astype(np.int16 if signed else np.uint16)


paths = []
for k in range(SLICES):
    bits, signed, slope, intercept = FORMATS[k % len(FORMATS)]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CT_IMAGE
    meta.MediaStorageSOPInstanceUID = "%s.%d" % (ROOT, 100 + k)
    meta.ImplementationClassUID = ROOT + ".9"
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID = CT_IMAGE
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Modality = "CT"
    ds.PatientName, ds.PatientID = "Test^Compressed", "P-0099"
    ds.StudyInstanceUID = ROOT + ".1"
    ds.SeriesInstanceUID = ROOT + ".10"
    ds.SeriesDescription = "CT compressed"
    ds.FrameOfReferenceUID = ROOT + ".2"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.InstanceNumber = k + 1
    ds.ImagePositionPatient = [-150.0, -110.0, -62.5 + 3.0 * k]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [1.25, 0.9]  # row spacing (y), column spacing (x)
    ds.SliceThickness = 3.0
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = ROWS, COLS
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, bits, bits - 1, signed
    ds.RescaleSlope, ds.RescaleIntercept, ds.RescaleType = slope, intercept, "HU"
    ds.PixelData = stored_slice(k, bits, signed).astype(np.dtype(np.int16 if signed else np.uint16).newbyteorder("<")).tobytes()
    rel = os.path.join("series", "deep" if k % 4 == 1 else "", names[k])
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)
    paths.append(path)
    print(os.path.normpath(rel), CODECS[k])

# The reference HU, read back by pydicom from the files as written (before any recompression).
hu = []
for path in paths:
    d = pydicom.dcmread(path)
    hu.append(d.pixel_array.astype(np.float64) * float(d.RescaleSlope) + float(d.RescaleIntercept))
with open(os.path.join(out, "hu.f8"), "wb") as f:
    f.write(np.stack(hu).astype("<f8").tobytes())
