"""Independent reference for kspec.scaling.laws: scipy fits of the same objectives on a second run table.

Writes ../resources/laws/synthetic_isoflop.csv (a run table drawn from Hoffmann et al.'s published
law L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 on 9 isoFLOP budgets x 8 sizes, sizes jittered by 5%,
log-normal loss noise of sd 0.01, seed 20240416) and prints the optima that LawsReferenceTest asserts. Run from this directory:

    python3 laws_reference.py > ../resources/laws/reference.txt

numpy 2.4.6, scipy 1.17.1. The fits are written from the papers' definitions (Hoffmann et al. 2022,
arXiv 2203.15556, App. D.2; Kaplan et al. 2020, arXiv 2001.08361), not from kspec's code:
scipy.optimize.minimize(method="L-BFGS-B") with the analytic gradient, keeping the lowest objective:
for the Chinchilla law from the 243 points of Hoffmann's grid with a, b in {0, 10, 20}, e in {-1, 0, 1},
alpha, beta in {0, 1, 2} (the full 4,500 take scipy ~20 CPU minutes here; kspec runs all 4,500 and must
reach at least this optimum), for Kaplan's laws from the grids kspec documents.
"""
import itertools

import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp, softmax

DELTA = 1e-3
rng = np.random.default_rng(20240416)

# --- the table: 9 isoFLOP budgets x 8 model sizes around each budget's optimum ------------------
E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.34, 0.28
budgets = np.array([6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21])
G = (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA))
a_exp = BETA / (ALPHA + BETA)
rows = []
for c in budgets:
    n_opt = G * (c / 6) ** a_exp
    for f in np.geomspace(1 / 6, 6, 8):
        n = n_opt * f * np.exp(rng.normal(0, 0.05))
        d = c / (6 * n)
        loss = (E + A / n ** ALPHA + B / d ** BETA) * np.exp(rng.normal(0, 0.01))
        steps = d / 2.0 ** 19  # batches of 0.5M tokens
        rows.append((n, d, c, steps, loss))
rows = np.array(rows)
with open("../resources/laws/synthetic_isoflop.csv", "w") as out:
    out.write("params,tokens,flops,steps,loss\n")
    for r in rows:
        out.write(",".join(repr(float(v)) for v in r) + "\n")

N, D, S, L = rows[:, 0], rows[:, 1], rows[:, 3], rows[:, 4]
lnN, lnD, lnS, y = np.log(N), np.log(D), np.log(S), np.log(L)


def huber_sum(pred, grad_pred):
    """The summed Huber objective divided by DELTA (same minimiser; values of order one, so that
    L-BFGS-B's tolerances, relative to max(|f|, 1), do not stop it early)."""
    r = pred - y
    rho = np.where(np.abs(r) <= DELTA, 0.5 * r * r, DELTA * (np.abs(r) - 0.5 * DELTA))
    psi = np.clip(r, -DELTA, DELTA)
    return rho.sum() / DELTA, grad_pred @ psi / DELTA


def chinchilla(p):
    a, b, e, al, be = p
    t = np.stack([a - al * lnN, b - be * lnD, np.full_like(lnN, e)])
    w = softmax(t, axis=0)
    grad = np.stack([w[0], w[1], w[2], -w[0] * lnN, -w[1] * lnD])
    return huber_sum(logsumexp(t, axis=0), grad)


def kaplan_n(p):
    kappa, al = p
    return huber_sum(kappa - al * lnN, np.stack([np.ones_like(lnN), -lnN]))


def kaplan_nd(p):
    n, d, an, ad = p
    u = np.stack([(an / ad) * (n - lnN), d - lnD])
    lse = logsumexp(u, axis=0)
    w = softmax(u, axis=0)
    grad = np.stack([an * w[0], ad * w[1], w[0] * (n - lnN), lse - w[0] * u[0]])
    return huber_sum(ad * lse, grad)


def kaplan_ns(p):
    n, s, an, as_ = p
    u = np.stack([an * (n - lnN), as_ * (s - lnS)])
    w = softmax(u, axis=0)
    grad = np.stack([an * w[0], as_ * w[1], w[0] * (n - lnN), w[1] * (s - lnS)])
    return huber_sum(logsumexp(u, axis=0), grad)


def best_of(fun, starts):
    best = None
    for x0 in starts:
        with np.errstate(all="ignore"):
            res = minimize(fun, np.array(x0, float), jac=True, method="L-BFGS-B",
                           options={"ftol": 1e-13, "gtol": 1e-10, "maxiter": 2000})
        if np.isfinite(res.fun) and (best is None or res.fun < best.fun):
            best = res
    return best


grids = {
    "chinchilla": (chinchilla, [(a, b, e, al, be) for al, be, e, a, b in itertools.product(
        [0, 1, 2], [0, 1, 2], [-1, 0, 1], [0, 10, 20], [0, 10, 20])]),
    "kaplan-n": (kaplan_n, list(itertools.product([0, 1, 2, 4], [0.05, 0.1, 0.2, 0.5]))),
    "kaplan-nd": (kaplan_nd, list(itertools.product([25, 30, 35], [20, 25, 30], [0.05, 0.1, 0.3], [0.05, 0.1, 0.3]))),
    "kaplan-ns": (kaplan_ns, list(itertools.product([25, 30, 35], [5, 8, 11], [0.05, 0.1, 0.3], [0.3, 0.7, 1.5]))),
}
for name, (fun, starts) in grids.items():
    res = best_of(fun, starts)
    p = res.x
    if name == "chinchilla":
        reported = {"A": np.exp(p[0]), "B": np.exp(p[1]), "E": np.exp(p[2]), "alpha": p[3], "beta": p[4]}
    elif name == "kaplan-n":
        reported = {"N_c": np.exp(p[0] / p[1]), "alpha_N": p[1]}
    elif name == "kaplan-nd":
        reported = {"N_c": np.exp(p[0]), "D_c": np.exp(p[1]), "alpha_N": p[2], "alpha_D": p[3]}
    else:
        reported = {"N_c": np.exp(p[0]), "S_c": np.exp(p[1]), "alpha_N": p[2], "alpha_S": p[3]}
    print(name, "objective", repr(float(res.fun * DELTA)), " ".join(f"{k} {float(v)!r}" for k, v in reported.items()))
