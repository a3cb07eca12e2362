#!/usr/bin/env python3
"""Generates the NPY test fixtures of kspec.manifold.io.NpyReaderTest / NpyWriterTest.

Run once from this directory:  python3 make_fixtures.py
Every good fixture NAME.npy comes with NAME.expected.txt, the independent expected source for
the Java test: line 1 is "shape d0 d1 ...", then one value per line in C (row-major) order,
written with Python's repr(float(x)) (shortest exact decimal of the float64 value). Values are
seeded random (floats) or chosen to hit each integer type's extremes, so the test cannot pass
by accident.
"""
import io
import numpy as np
from numpy.lib import format as npformat

rng = np.random.default_rng(20261122)


def expected(name, arr):
    with open(name + ".expected.txt", "w") as f:
        f.write("shape " + " ".join(str(d) for d in arr.shape) + "\n")
        for x in np.ascontiguousarray(arr).reshape(-1):
            f.write(repr(float(x)) + "\n")


def save(name, arr, version=None):
    with open(name + ".npy", "wb") as f:
        npformat.write_array(f, arr, version=version)
    expected(name, arr)


def values(dtype, shape):
    """Values for dtype: seeded normals for floats; the type's min and max, 0, 1, -1, then a ramp for ints."""
    n = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt.kind == "f":
        return (rng.standard_normal(n) * 1000.0).astype(dt).reshape(shape)
    if dt.kind == "b":
        return (np.arange(n) % 3 == 0).reshape(shape)
    info = np.iinfo(dt)
    hi = int(info.max)
    if dt.itemsize == 8:
        hi = 2**53 if dt.kind == "i" else 2**64 - 2**11  # exactly representable in float64
    lo = int(info.min)
    seq = [lo, hi, 0, 1]
    if dt.kind == "i":
        seq.append(-1)
    while len(seq) < n:
        seq.append((len(seq) * 37) % 100 - (50 if dt.kind == "i" else 0))
    return np.array(seq[:n], dtype=object).astype(dt).reshape(shape)


# every dtype in little- and big-endian order (single bytes have no order: '|')
for code in ["f8", "f4", "i2", "u2", "i4", "u4", "i8", "u8"]:
    for order, tag in [("<", "le"), (">", "be")]:
        save(f"{code}_{tag}", values(order + code, (3, 4)))
for code in ["u1", "i1", "b1"]:
    save(code, values("|" + code, (3, 4)))

# Fortran order, ranks 2, 3, 4
save("f8_le_fortran", np.asfortranarray(values("<f8", (3, 4))))
save("i4_be_fortran_rank3", np.asfortranarray(values(">i4", (2, 3, 4))))
save("f4_le_fortran_rank4", np.asfortranarray(values("<f4", (2, 3, 2, 2))))

# ranks 1, 3, 4 in C order
save("f8_rank1", values("<f8", (7,)))
save("u1_rank3", values("|u1", (2, 3, 4)))
save("f8_rank4", values("<f8", (2, 2, 3, 2)))

# format versions 2.0 and 3.0 (3.0 = UTF-8 header; forced here for a plain dtype)
save("f8_v2", values("<f8", (3, 4)), version=(2, 0))
save("i2_be_v3", values(">i2", (3, 4)), version=(3, 0))

# labels for the 3-row arrays, and a mismatched count
save("labels3_i8", np.array([2, 0, 1], dtype="<i8"))
save("labels5_u1", np.array([0, 1, 2, 3, 4], dtype="|u1"))
save("labels3_f8", np.array([0.5, 1.0, 2.0], dtype="<f8"))

# NpyWriter comparison: np.save of <f8 C-order arrays (NpyWriterTest rebuilds them from the .expected.txt)
a = values("<f8", (5, 3))
np.save("writer_5x3.npy", a)
expected("writer_5x3", a)
v = values("<f8", (11,))
np.save("writer_vec11.npy", v)
expected("writer_vec11", v)
big = np.arange(1000 * 2, dtype="<f8").reshape(1000, 2) * 0.5  # 4-digit first axis: different header spacing
np.save("writer_arange_1000x2.npy", big)  # values: flat index * 0.5, no .expected.txt needed

# bad files
good = io.BytesIO()
npformat.write_array(good, values("<f8", (3, 4)))
raw = good.getvalue()
with open("bad_truncated.npy", "wb") as f:  # header for 3x4 <f8 (96 data bytes), only 50 follow
    f.write(raw[:128 + 50])
with open("bad_lying_long.npy", "wb") as f:  # header says (2, 4) but 3x4 of data follow
    f.write(raw[:128].replace(b"(3, 4)", b"(2, 4)") + raw[128:])
with open("bad_lying_short.npy", "wb") as f:  # header says (5, 4) but 3x4 of data follow
    f.write(raw[:128].replace(b"(3, 4)", b"(5, 4)") + raw[128:])
np.save("bad_complex.npy", np.arange(4, dtype="<c16"))
np.save("bad_unicode.npy", np.array(["abc", "de"], dtype="<U3"))
np.save("bad_object.npy", np.array([1, "x", None], dtype=object), allow_pickle=True)
np.save("bad_structured.npy", np.zeros(3, dtype=[("x", "<f8"), ("y", "<i4")]))
open("bad_empty.npy", "wb").close()
with open("bad_magic.npy", "wb") as f:
    f.write(b"x,y\n1,2\n3,4\n")
with open("bad_header_cut.npy", "wb") as f:  # ends inside the header dict
    f.write(raw[:40])

print("numpy", np.__version__)
