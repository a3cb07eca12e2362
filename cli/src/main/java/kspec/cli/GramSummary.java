package kspec.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The figures printed for a kernel matrix: shape, trace, diagonal range and, for a square K(X),
 * the symmetry error max|K − Kᵀ| / max|K|.
 */
record GramSummary(int rows, int cols, double trace, double minDiagonal, double maxDiagonal, double symmetryError) {

    static GramSummary of(DMatrixRMaj k, boolean square) {
        int diag = Math.min(k.numRows, k.numCols);
        double trace = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < diag; i++) {
            double v = k.get(i, i);
            trace += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double asym = Double.NaN;
        if (square) {
            double worst = 0;
            double scale = 0;
            int n = k.numRows;
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    worst = Math.max(worst, Math.abs(k.data[i * n + j] - k.data[j * n + i]));
                    scale = Math.max(scale, Math.abs(k.data[i * n + j]));
                }
            }
            asym = scale == 0 ? 0 : worst / scale;
        }
        return new GramSummary(k.numRows, k.numCols, trace, min, max, asym);
    }

    Map<String, Object> toJson(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("rows", rows);
        m.put("cols", cols);
        m.put("trace", trace);
        m.put("minDiagonal", minDiagonal);
        m.put("maxDiagonal", maxDiagonal);
        m.put("symmetryError", Double.isNaN(symmetryError) ? null : symmetryError);
        return m;
    }
}
