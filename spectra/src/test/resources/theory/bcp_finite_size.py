"""Monte-Carlo reference for LearningCurveTheoryTest.predictedExponentAgreesWithScienceTableAtFiniteSize.

Ridgeless kernel regression on M = 6000 power-law modes, lambda_k = k^-1.5 (b = 1.5), target
coefficients with task power lambda_k * w_k^2 = k^-a and random signs; features psi_k ~ N(0, lambda_k).
The min-norm interpolant w_hat = Psi^T (Psi Psi^T)^-1 y on the first D points has test loss
sum_k lambda_k (w_k - w_hat_k)^2. Losses are averaged over draws in log space and the slope of
log L on log D over D = 32..512 is reported, with a bootstrap-over-draws standard error.

Run (numpy 2.4.6, ~5 minutes on 2 shared cores): python3 bcp_finite_size.py
Output of that run:
    a = 2.0, b = 1.5: slope -1.028 (se 0.007)
    a = 1.5, b = 1.5: slope -0.577 (se 0.005)
"""
import numpy as np

M, B, SIZES, DRAWS = 6000, 1.5, [32, 64, 128, 256, 512], 100
k = np.arange(1, M + 1)
lam = k ** -B
for a in (2.0, 1.5):
    magnitude = np.sqrt(k ** -a / lam)
    rng = np.random.default_rng(1)
    logs = np.zeros((DRAWS, len(SIZES)))
    for s in range(DRAWS):
        w = magnitude * rng.choice([-1, 1], M)
        psi = rng.standard_normal((max(SIZES), M)) * np.sqrt(lam)
        y = psi @ w
        for j, d in enumerate(SIZES):
            p = psi[:d]
            w_hat = p.T @ np.linalg.solve(p @ p.T, y[:d])
            logs[s, j] = np.log(np.sum(lam * (w - w_hat) ** 2))
    x = np.log(SIZES)
    slope = np.polyfit(x, logs.mean(0), 1)[0]
    boot = [np.polyfit(x, logs[rng.integers(0, DRAWS, DRAWS)].mean(0), 1)[0] for _ in range(1000)]
    print(f"a = {a}, b = {B}: slope {slope:.3f} (se {np.std(boot):.3f})")
