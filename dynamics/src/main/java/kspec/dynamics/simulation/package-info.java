/**
 * The exact finite model the theory describes, simulated over seeded draws with standard errors:
 * start from {@link kspec.dynamics.simulation.FiniteModelSimulator#run}.
 */
package kspec.dynamics.simulation;
