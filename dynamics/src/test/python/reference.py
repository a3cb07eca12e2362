#!/usr/bin/env python3
"""Independent reference numbers for kspec's dynamics theory (Bordelon, Atanasov & Pehlevan 2024,
arXiv 2402.01092), written without kspec's code and with different numerical methods:

* kappa(s): mpmath.findroot (Muller/secant, 30 digits) started from the large-s asymptote
  s + c0 (1/D + 1/P), instead of kspec's Newton continuation along its contour;
* H_k(t): mpmath.invertlaplace with de Hoog, Knight & Stokes' accelerated Fourier series (a
  vertical Bromwich line), instead of kspec's fixed Talbot contour;
* L(t), Lhat(t): the two-frequency correlation system summed mode by mode (no partial fractions)
  on Weideman & Trefethen's parabolic contour s(u) = mu (1 + i u)^2 (Math. Comp. 76, 2007),
  instead of kspec's Talbot contour;
* t -> infinity: s^2 C0(s, s) at s = 1e-20 in 50-digit arithmetic (the final-value theorem applied
  to the same system), instead of kspec's closed final-value formulas.

Settings unused by kspec's other tests: a = 1.8, b = 1.4, M = 1500 modes (lambda_k = k^-b, task
power k^-a). Writes CSV rows: quantity,width,data,x,y,mode,value  (x, y: time, or Re/Im of s;
width/data 'inf' for infinity; for kappa 'value' is 're im').

Run: python3 reference.py > ../resources/kspec/dynamics/theory/reference.csv   (about 2-5 minutes)
Versions used for the committed numbers: Python 3.11, numpy 2.4.6, mpmath 1.3.0.
"""
import sys

import mpmath as mp
import numpy as np

A, B, M = 1.8, 1.4, 1500
K = np.arange(1, M + 1, dtype=float)
LAM = K ** (-B)
POW = K ** (-A)
C0 = LAM.sum()
INF = float("inf")


def inv(x):
    return 0.0 if x == INF else 1.0 / x


# ---------------------------------------------------------------- kappa, in mpmath
LAM_MP = [mp.mpf(k) ** (-mp.mpf(B)) for k in range(1, M + 1)]


def kappa_mp(s, P, D, guess=None):
    s = mp.mpmathify(s)
    iP, iD = mp.mpf(inv(P)), mp.mpf(inv(D))

    def f(k):
        df = mp.fsum(l / (l + k) for l in LAM_MP)
        return k * (1 - df * iD) * (1 - df * iP) - s

    if guess is None:
        guess = s + mp.mpf(C0) * (iP + iD)
    return mp.findroot(f, (guess, guess * (1 + mp.mpf("1e-3"))), solver="muller")


def kappa_at(s, P, D):
    """kappa at s, followed in 60 steps along the horizontal line from Re s = 50 (where kappa ~ s)."""
    k = None
    for j in range(61):
        k = kappa_mp(mp.mpc(50 + (s.real - 50) * j / 60, s.imag), P, D, k)
    return k


# ---------------------------------------------------------------- H_k(t) by de Hoog (mpmath)
def transfer(P, D, t, modes):
    cache = {}

    def make(mode):
        lam = LAM_MP[mode]

        def F(s):
            key = (mp.nstr(s.real, 25), mp.nstr(s.imag, 25))
            if key not in cache:
                prev = cache.get("last")
                k = kappa_mp(s, P, D, prev)
                cache["last"] = k
                cache[key] = k
            k = cache[key]
            return k / (s * (k + lam))
        return F

    return [float(mp.invertlaplace(make(m), t, method="dehoog")) for m in modes]


# ---------------------------------------------------------------- L(t) on a parabola (numpy)
def kappa_np(s, P, D, guess):
    iP, iD = inv(P), inv(D)
    k = guess
    for _ in range(100):
        q = LAM / (LAM + k)
        df = q.sum()
        dfp = -(q / (LAM + k)).sum()
        rd, rp = 1 - df * iD, 1 - df * iP
        f = k * rd * rp - s
        fp = rd * rp - k * dfp * (rp * iD + rd * iP)
        step = f / fp
        k = k - step
        if abs(step) < 1e-15 * abs(k):
            return k
    raise RuntimeError("no convergence at s = %r" % s)


def losses(P, D, t, n=24):
    """test and train loss by the parabolic contour s(u) = mu (1 + iu)^2, u = h k, k = -n..n."""
    h = 3.0 / n
    mu = np.pi * n / (12.0 * t)
    u = h * np.arange(-n, n + 1)
    s = mu * (1 + 1j * u) ** 2
    ds = 2j * mu * (1 + 1j * u)
    # kappa from u = 0 outwards, with small sub-steps
    kap = np.empty(len(u), complex)
    mid = n
    kap[mid] = kappa_np(s[mid], P, D, s[mid] + C0 * (inv(P) + inv(D)))
    for direction in (1, -1):
        j = mid
        while 0 <= j + direction < len(u):
            k = kap[j]
            for sub in range(1, 17):
                k = kappa_np(s[j] + (s[j + direction] - s[j]) * sub / 16, P, D, k)
            kap[j + direction] = k
            j += direction
    H = kap[:, None] / (s[:, None] * (kap[:, None] + LAM[None, :]))
    df = (LAM[None, :] / (kap[:, None] + LAM[None, :])).sum(1)
    RD, RP = 1 - df * inv(D), 1 - df * inv(P)
    w = h / (2j * np.pi) * np.exp(s * t) * ds
    test = train = 0j
    for i in range(len(u)):
        hh = H[i][None, :] * H
        S1, S2 = hh @ LAM, hh @ (LAM * LAM)
        T1, T2 = hh @ POW, hh @ (LAM * POW)
        rhoD, rhoP = RD[i] * RD, RP[i] * RP
        a11 = 1 - rhoD * rhoP * S2 * inv(D)
        a12 = -rhoP * S1 * inv(P)
        a21 = -s[i] * s * rhoD * S1 * inv(D)
        a22 = 1 - rhoD * rhoP * S2 * inv(P)
        c0 = (T1 * a22 - a12 * rhoD * T2) / (a11 * a22 - a12 * a21)
        test += w[i] * np.sum(w * c0)
        train += w[i] * np.sum(w * c0 * rhoD)
    return float(test.real), float(train.real)


# ---------------------------------------------------------------- t -> infinity in mpmath
POW_MP = [mp.mpf(k) ** (-mp.mpf(A)) for k in range(1, M + 1)]


def final_losses(P, D, s=mp.mpf("1e-20")):
    """lim s^2 C0(s, s) and s^2 C1(s, s), at one tiny real s (equal frequencies)."""
    iP, iD = mp.mpf(inv(P)), mp.mpf(inv(D))
    # start from kappa_min (df = min(P, D)), bracketed, so that the root is on the s > 0 branch
    m = min(P, D)
    kmin = mp.findroot(lambda x: mp.fsum(l / (l + x) for l in LAM_MP) - m, (mp.mpf("1e-12"), mp.mpf(1000)),
                       solver="illinois")
    k = kappa_mp(s, P, D, kmin * (1 + mp.mpf("1e-10")))
    df = mp.fsum(l / (l + k) for l in LAM_MP)
    rd, rp = 1 - df * iD, 1 - df * iP
    h = [k / (s * (k + l)) for l in LAM_MP]
    S1 = mp.fsum(l * x * x for l, x in zip(LAM_MP, h))
    S2 = mp.fsum(l * l * x * x for l, x in zip(LAM_MP, h))
    T1 = mp.fsum(p * x * x for p, x in zip(POW_MP, h))
    T2 = mp.fsum(l * p * x * x for l, p, x in zip(LAM_MP, POW_MP, h))
    rhoD, rhoP = rd * rd, rp * rp
    a11 = 1 - rhoD * rhoP * S2 * iD
    a12 = -rhoP * S1 * iP
    a21 = -s * s * rhoD * S1 * iD
    a22 = 1 - rhoD * rhoP * S2 * iP
    c0 = (T1 * a22 - a12 * rhoD * T2) / (a11 * a22 - a12 * a21)
    return float(s * s * c0), float(s * s * c0 * rhoD)


def name(x):
    return "inf" if x == INF else "%g" % x


def main():
    mp.mp.dps = 30
    out = sys.stdout
    out.write("quantity,width,data,x,y,mode,value\n")
    sizes = [(70, 300), (300, 70), (120, INF), (INF, 90)]
    for P, D in [(70, 300), (120, INF)]:
        for s in [mp.mpc("0.3", "0.2"), mp.mpc("0.01", "0.05"), mp.mpc("-0.5", "2")]:
            k = kappa_at(s, P, D)
            out.write("kappa,%s,%s,%s,%s,,%r %r\n" % (name(P), name(D), mp.nstr(s.real, 6), mp.nstr(s.imag, 6),
                                                       float(k.real), float(k.imag)))
    for P, D in sizes:
        for t in [0.7, 7.0, 70.0, 700.0]:
            for mode, value in zip([1, 5, 40], transfer(P, D, t, [0, 4, 39])):
                out.write("transfer,%s,%s,%g,,%d,%r\n" % (name(P), name(D), t, mode, value))
            test, train = losses(P, D, t)
            out.write("test,%s,%s,%g,,,%r\n" % (name(P), name(D), t, test))
            out.write("train,%s,%s,%g,,,%r\n" % (name(P), name(D), t, train))
        out.flush()
    mp.mp.dps = 50
    for P, D in sizes + [(45, 180), (180, 45)]:
        test, train = final_losses(P, D)
        out.write("finalTest,%s,%s,inf,,,%r\n" % (name(P), name(D), test))
        out.write("finalTrain,%s,%s,inf,,,%r\n" % (name(P), name(D), train))
    out.flush()


if __name__ == "__main__":
    main()
