# Writes an RT Structure Set from scratch with pydicom and, independently of the codec under test, the voxel
# masks its ROIs must give on an axis-aligned grid: a voxel belongs to a ROI when its centre is inside the ROI's
# closed planar contours of its slice by the even-odd rule (PS3.3 C.8.8.6.3: an inner contour is a hole, disjoint
# contours are islands); a contour goes to the slice nearest its plane; POINT contours enclose nothing.
# usage: rtstruct_fixture.py OUT_DIR NX NY NZ SX SY SZ OX OY OZ
# writes OUT_DIR/rs.dcm and OUT_DIR/<roi name>.mask (one byte per voxel, 0 or 1, i fastest, then j, then k);
# prints "ROI_NAME CLOSED_CONTOURS INSIDE_VOXELS" per ROI.
import math
import os
import sys

import numpy as np
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

RT_STRUCT = "1.2.840.10008.5.1.4.1.1.481.3"
ROOT = "2.25.7654321"
FRAME = ROOT + ".2"

out = sys.argv[1]
nx, ny, nz = (int(v) for v in sys.argv[2:5])
sx, sy, sz, ox, oy, oz = (float(v) for v in sys.argv[5:11])


def polygon(ci, cj, radii, phase=0.0):
    """Corners around grid point (ci, cj) at radius radii[n] (in voxels of x), in mm, rounded to 0.01 mm."""
    pts = []
    for n, r in enumerate(radii):
        a = phase + 2 * math.pi * n / len(radii)
        pts.append((round(ox + (ci + r * math.cos(a)) * sx, 2), round(oy + (cj + r * math.sin(a) * sx / sy) * sy, 2)))
    return pts


def box(i0, j0, i1, j1):
    """A rectangle between grid coordinates (i0, j0) and (i1, j1), corners in mm."""
    return [(ox + i0 * sx, oy + j0 * sy), (ox + i1 * sx, oy + j0 * sy), (ox + i1 * sx, oy + j1 * sy),
            (ox + i0 * sx, oy + j1 * sy)]


def z_of(k):
    return round(oz + k * sz, 2)


# (ROI name, [(geometric type, z in mm, [(x, y) mm...])])
liver = []
for k in range(nz):
    # An irregular 9-gon whose size changes from slice to slice, reaching past the right edge of the grid on
    # slice 5 (clipped there).
    radii = [5.3 + 0.4 * k, 6.1, 4.7 + 0.3 * k, 5.9, 6.6 - 0.2 * k, 5.2, 4.4, 6.3, 5.7]
    ci = 8.3 + (3.4 if k == 5 else 0.0) * 2
    liver.append(("CLOSED_PLANAR", z_of(k), polygon(ci, 7.4, radii, phase=0.13 * k)))
# the hole: a second contour inside the first on slice 3, drawn clockwise
liver.append(("CLOSED_PLANAR", z_of(3), list(reversed(polygon(8.6, 7.1, [2.3, 1.9, 2.6, 2.1, 1.7], phase=0.4)))))

tumour = [
    ("CLOSED_PLANAR", z_of(2), polygon(12.2, 8.9, [3.1, 2.6, 3.4, 2.9, 2.2, 3.3], phase=0.2)),
    ("CLOSED_PLANAR", z_of(3), polygon(12.6, 9.3, [3.6, 2.8, 3.2, 3.0, 2.5, 3.7, 2.9], phase=0.5)),
    # drawn 1.1 mm above slice 4, 1.9 mm below slice 5: it belongs to slice 4
    ("CLOSED_PLANAR", round(z_of(4) + 1.1, 2), polygon(12.9, 9.6, [2.7, 2.4, 3.0, 2.2, 2.8], phase=0.9)),
    # a marker: encloses nothing
    ("POINT", z_of(3), [(round(ox + 12.6 * sx, 2), round(oy + 9.3 * sy, 2))]),
]

two_islands = [
    ("CLOSED_PLANAR", z_of(1), polygon(3.4, 3.2, [2.2, 1.8, 2.5, 2.0], phase=0.3)),
    ("CLOSED_PLANAR", z_of(1), box(13.35, 10.2, 17.6, 14.45)),
]

rois = [("liver", liver), ("tumour", tumour), ("two_islands", two_islands)]

# Voxel centres in mm; the masks are computed here in patient coordinates, not grid indices.
xs = ox + np.arange(nx) * sx
ys = oy + np.arange(ny) * sy
X, Y = np.meshgrid(xs, ys)  # [j, i]


def crossings_inside(pts):
    """Even-odd test of every voxel centre of a slice against one polygon: a ray towards +x counts the edges it
    crosses (an edge counts when one end is above the centre's y and the other not)."""
    inside = np.zeros(X.shape, dtype=bool)
    n = len(pts)
    for a in range(n):
        (x0, y0), (x1, y1) = pts[a - 1], pts[a]
        straddles = (y0 > Y) != (y1 > Y)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_cross = x0 + (Y - y0) * (x1 - x0) / (y1 - y0)
        inside ^= straddles & (X < x_cross)
    return inside


def distance_to_edges(pts):
    """Smallest distance of any voxel centre of a slice to the polygon's edges, in mm."""
    best = np.full(X.shape, np.inf)
    n = len(pts)
    for a in range(n):
        (x0, y0), (x1, y1) = pts[a - 1], pts[a]
        dx, dy = x1 - x0, y1 - y0
        t = np.clip(((X - x0) * dx + (Y - y0) * dy) / (dx * dx + dy * dy), 0, 1)
        best = np.minimum(best, np.hypot(X - (x0 + t * dx), Y - (y0 + t * dy)))
    return best


meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = RT_STRUCT
meta.MediaStorageSOPInstanceUID = ROOT + ".300"
meta.ImplementationClassUID = ROOT + ".9"
meta.TransferSyntaxUID = ExplicitVRLittleEndian
ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
ds.is_little_endian, ds.is_implicit_VR = True, False
ds.SOPClassUID = RT_STRUCT
ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
ds.Modality = "RTSTRUCT"
ds.PatientName = "Test^Contours"
ds.PatientID = "P-0077"
ds.PatientBirthDate = ""
ds.PatientSex = ""
ds.StudyInstanceUID = ROOT + ".1"
ds.StudyDate, ds.StudyTime, ds.StudyID = "20240301", "080000", "S1"
ds.AccessionNumber = ""
ds.ReferringPhysicianName = ""
ds.SeriesInstanceUID = ROOT + ".30"
ds.SeriesNumber = 3
ds.OperatorsName = ""
ds.FrameOfReferenceUID = FRAME
ds.PositionReferenceIndicator = ""
ds.Manufacturer = "pydicom fixture"
ds.StructureSetLabel = "pydicom contours"
ds.StructureSetDate, ds.StructureSetTime = "20240301", "090000"
frame = Dataset()
frame.FrameOfReferenceUID = FRAME
ds.ReferencedFrameOfReferenceSequence = Sequence([frame])

roi_items, contour_items, observations = [], [], []
masks = {}
for number, (name, contours) in enumerate(rois, start=1):
    item = Dataset()
    item.ROINumber = number
    item.ReferencedFrameOfReferenceUID = FRAME
    item.ROIName = name
    item.ROIGenerationAlgorithm = "MANUAL"
    roi_items.append(item)

    seq = []
    for type_, z, pts in contours:
        c = Dataset()
        c.ContourGeometricType = type_
        c.NumberOfContourPoints = len(pts)
        c.ContourData = ["%.2f" % v for p in pts for v in (p[0], p[1], z)]
        seq.append(c)
    rc = Dataset()
    rc.ReferencedROINumber = number
    rc.ROIDisplayColor = [40 * number, 255 - 60 * number, 90]
    rc.ContourSequence = Sequence(seq)
    contour_items.append(rc)

    obs = Dataset()
    obs.ObservationNumber = number
    obs.ReferencedROINumber = number
    obs.RTROIInterpretedType = "ORGAN" if name != "tumour" else "GTV"
    obs.ROIInterpreter = ""
    observations.append(obs)

    mask = np.zeros((nz, ny, nx), dtype=bool)
    closed = 0
    for type_, z, pts in contours:
        if type_ != "CLOSED_PLANAR":
            continue
        closed += 1
        k = int(math.floor((z - oz) / sz + 0.5))  # nearest slice
        if not 0 <= k < nz:
            continue
        # The fixture must not put a voxel centre on (or within rounding of) an edge, where "inside" is a
        # convention rather than geometry.
        assert distance_to_edges(pts).min() > 1e-3, "%s: a voxel centre lies on a contour edge" % name
        mask[k] ^= crossings_inside(pts)
    masks[name] = mask
    print(name, closed, int(mask.sum()))

ds.StructureSetROISequence = Sequence(roi_items)
ds.ROIContourSequence = Sequence(contour_items)
ds.RTROIObservationsSequence = Sequence(observations)
os.makedirs(out, exist_ok=True)
ds.save_as(os.path.join(out, "rs.dcm"), write_like_original=False)
for name, mask in masks.items():
    with open(os.path.join(out, name + ".mask"), "wb") as f:
        f.write(mask.astype(np.uint8).tobytes())  # C order of [k, j, i]: i fastest
