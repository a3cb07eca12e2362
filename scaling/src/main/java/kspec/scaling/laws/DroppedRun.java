package kspec.scaling.laws;

/**
 * A run left out of a fit as one of the highest-loss runs.
 *
 * @param where  its place in the source, e.g. "runs.csv line 7"
 * @param params its model size N (NaN if the table has none)
 * @param tokens its training tokens D (NaN if the table has none)
 * @param loss   its loss
 */
public record DroppedRun(String where, double params, double tokens, double loss) {
}
