#!/usr/bin/env python3
"""Reads the output of bench/compare.sh (stdin) and prints the kspec/peer ratio per task and size.

Kernel build ratios come from KernelBenchmark's main (which runs both sides itself); for the other
tasks the JMH average (kspec) is divided by the peer's median or mean as the peer prints it.
"""
import json
import re
import sys

text = sys.stdin.read()
rows = []
for m in re.finditer(r"^(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s", text, re.M):
    rows.append(("kernel build (depth-3 ReLU NTK)", int(m.group(1)), float(m.group(2)) * 1e3, float(m.group(3)) * 1e3))


def jmh(name):
    return {int(m.group(1)): float(m.group(2))
            for m in re.finditer(name + r"\s+(?:\S+\s+)?(\d+)\s+avgt\s+\d+\s+([\d.]+)", text)}


eig = {}
for line in text.splitlines():
    if line.startswith('{"n"'):
        d = json.loads(line)
        eig[d["n"]] = d["eigvalsh_ms_mean"]
for n, ms in sorted(jmh(r"EigenBenchmark\.eigenvalues").items()):
    if n in eig:
        rows.append(("eigenvalues (LAPACK vs eigvalsh)", n, ms, eig[n]))
knn = {int(n): float(ms) for n, ms in re.findall(r"numpy-blocked: n=(\d+) .*?: ([\d.]+) ms", text)}
for n, ms in sorted(jmh(r"KnnBenchmark\.knnTwoNnMle").items()):
    if n in knn:
        rows.append(("kNN k=20 + TwoNN + MLE", n, ms, knn[n]))
curve = {int(n): float(ms) for n, ms in re.findall(r"^n=(\d+) median ([\d.]+) ms", text, re.M)}
for n, ms in sorted(jmh(r"CurveBenchmark\.nestedSubsets").items()):
    if n in curve:
        rows.append(("learning curve, one seed", n, ms, curve[n]))

print(f"{'task':36} {'n':>6} {'kspec ms':>10} {'peer ms':>10} {'kspec/peer':>10}")
for task, n, ours, theirs in rows:
    print(f"{task:36} {n:6d} {ours:10.1f} {theirs:10.1f} {ours / theirs:10.2f}")
