"""Fixture for kspec.spectra.eigen.NumpyFixtureTest: a 60 x 60 RBF kernel matrix and its numpy eigenvalues.

Run from this directory:  python3 make_rbf60.py
Recipe: numpy.random.default_rng(20261122).uniform(0, 1, size=(60, 3)) points x_i;
K_ij = exp(-|x_i - x_j|^2 / (2 * 0.5^2)), symmetrized exactly; eigenvalues by numpy.linalg.eigvalsh
(LAPACK dsyevd through numpy's BLAS), written in DESCENDING order with 17 significant digits.
"""
import numpy as np

rng = np.random.default_rng(20261122)
x = rng.uniform(0.0, 1.0, size=(60, 3))
d2 = ((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2)
k = np.exp(-d2 / (2 * 0.5 ** 2))
k = 0.5 * (k + k.T)
w = np.linalg.eigvalsh(k)[::-1]
header = f"numpy {np.__version__} eigvalsh; see make_rbf60.py"
np.savetxt("rbf60_matrix.csv", k, fmt="%.17g", delimiter=",", header=header)
np.savetxt("rbf60_eigvalsh.csv", w, fmt="%.17g", header=header)
