package kspec.scaling.laws;

import java.util.List;
import java.util.Locale;
import kspec.data.DataException;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;

/**
 * The logarithms a law is fitted on: x<sub>ij</sub> = log of input j of run i, y<sub>i</sub> = log L<sub>i</sub>.
 * Refuses tables that cannot determine the law: fewer runs than parameters, or an input that takes
 * a single value (then its term cannot be told from the others).
 */
final class LawData {

    final double[][] x;
    final double[] y;

    private LawData(double[][] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * @param parameters the number of fitted parameters (the law's, plus the scale if fitted)
     * @throws DataException if the table lacks an input, has fewer runs than parameters, or an
     *     input with a single value
     */
    static LawData of(RunTable runs, LossLaw law, int parameters) {
        String purpose = "the law " + law.formula();
        List<RunRole> inputs = law.inputs();
        int n = runs.size();
        double[][] columns = new double[inputs.size()][];
        for (int j = 0; j < inputs.size(); j++) {
            columns[j] = runs.values(inputs.get(j), purpose);
        }
        double[] loss = runs.values(RunRole.LOSS, purpose);
        if (n < parameters) {
            throw new DataException(runs.source() + ": " + n + " runs cannot determine the " + parameters
                    + " parameters of " + law.formula() + "; give at least " + parameters + " runs (several times more for "
                    + "meaningful intervals)");
        }
        for (int j = 0; j < inputs.size(); j++) {
            double first = columns[j][0];
            boolean single = true;
            for (double v : columns[j]) {
                single &= v == first;
            }
            if (single) {
                throw new DataException(String.format(Locale.ROOT, "%s: every run has the same %s (%.6g), so %s cannot "
                        + "separate its dependence on it; add runs with other values", runs.source(),
                        inputs.get(j).description(), first, law.formula()));
            }
        }
        double[][] x = new double[n][inputs.size()];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inputs.size(); j++) {
                x[i][j] = Math.log(columns[j][i]);
            }
            y[i] = Math.log(loss[i]);
        }
        return new LawData(x, y);
    }

    int size() {
        return y.length;
    }
}
