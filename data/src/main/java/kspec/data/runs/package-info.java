/**
 * Tables of training runs — model size, tokens, steps, FLOPs, final loss, family — for fitting
 * scaling laws to them.
 *
 * <p>Start from {@link kspec.data.runs.RunTableReader#read} (CSV or JSON) with
 * {@link kspec.data.runs.RunColumns} naming the columns, or build a {@link kspec.data.runs.RunTable}
 * directly; C = 6ND fills in a missing FLOP or token column. The fits are in kspec.scaling.laws.
 */
package kspec.data.runs;
