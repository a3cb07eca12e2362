/**
 * JMH benchmarks of kspec's expensive stages (kernel builds, eigen-decompositions, kNN, fits,
 * learning curves, readers, native copies), with seeded inputs and a HOW TO RUN block in each class.
 *
 * <p>Results, peer comparisons and the measurements behind the library's size thresholds are in
 * bench/README.md; nothing else may depend on this package.
 */
package kspec.bench;
