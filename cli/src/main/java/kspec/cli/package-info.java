/**
 * The {@code kspec} command line (picocli): one subcommand per analysis ({@code duality},
 * {@code curve}, {@code kernel}, {@code spectrum}, {@code dimension}, {@code bench}, {@code info}),
 * their shared data and architecture options, and the text, JSON, CSV and plot outputs.
 *
 * <p>Start from {@link kspec.cli.Kspec}. This is the only package that knows command-line flags and
 * the only one that may use picocli (README.md, "Modules").
 */
package kspec.cli;
