/**
 * What every module shares, with its own packages for linear algebra ({@link kspec.core.linalg}),
 * statistics ({@link kspec.core.stats}), concurrency and progress reporting.
 *
 * <p>Here: {@link kspec.core.ParameterException} and its {@link kspec.core.ParameterMessage}, the
 * error of a library call whose fix is another value of a parameter; the message names the parameter
 * as a Java caller knows it, and a front end (the CLI) can name it its own way.
 */
package kspec.core;
