package kspec.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * A data set: n points in R^dim as float64 rows, optional integer class labels, optional
 * real-valued targets (n × t), a name and its {@link Provenance}.
 *
 * <p>The points matrix is shared, not copied: at 60,000 × 784 a copy costs 376 MB. Treat the
 * matrix returned by {@link #points()} as read-only; every transformation returns a new Dataset.
 */
public final class Dataset {

    private final String name;
    private final DMatrixRMaj points;
    private final int[] labels;
    private final DMatrixRMaj targets;
    private final Provenance provenance;

    private Dataset(String name, DMatrixRMaj points, int[] labels, DMatrixRMaj targets, Provenance provenance) {
        this.name = Objects.requireNonNull(name, "name");
        this.points = Objects.requireNonNull(points, "points");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        if (labels != null && labels.length != points.numRows) {
            throw new DataException("labels count " + labels.length + " != number of rows " + points.numRows
                    + " in " + name + "; pass the labels file that belongs to this data");
        }
        if (targets != null && targets.numRows != points.numRows) {
            throw new DataException("targets count " + targets.numRows + " != number of rows " + points.numRows
                    + " in " + name + "; pass the targets that belong to this data");
        }
        this.labels = labels;
        this.targets = targets;
    }

    /**
     * @param points n × dim, row-major. Shared, not copied; must not be modified afterwards.
     */
    public static Dataset of(String name, DMatrixRMaj points, Provenance provenance) {
        return new Dataset(name, points, null, null, provenance);
    }

    /** @return a copy carrying class labels (one per row). {@code labels} is copied. */
    public Dataset withLabels(int[] labels) {
        return new Dataset(name, points, labels == null ? null : labels.clone(), targets, provenance);
    }

    /** @return a copy carrying real-valued targets, n × t. {@code targets} is shared, not copied. */
    public Dataset withTargets(DMatrixRMaj targets) {
        return new Dataset(name, points, labels, targets, provenance);
    }

    /** @return a copy with new points (same row count unless labels/targets are absent) and a provenance step. */
    public Dataset withPoints(DMatrixRMaj newPoints, String step) {
        return new Dataset(name, newPoints, labels, targets, provenance.with(step));
    }

    public String name() {
        return name;
    }

    /** @return number of points (rows) */
    public int n() {
        return points.numRows;
    }

    /** @return ambient dimension (columns) */
    public int dim() {
        return points.numCols;
    }

    /** @return the n × dim points. Shared: do not modify. */
    public DMatrixRMaj points() {
        return points;
    }

    /** @return a copy of row {@code i} */
    public double[] row(int i) {
        int d = points.numCols;
        return Arrays.copyOfRange(points.data, i * d, (i + 1) * d);
    }

    /** @return a copy of the labels, if any */
    public Optional<int[]> labels() {
        return Optional.ofNullable(labels).map(int[]::clone);
    }

    /** @return the n × t targets, if any. Shared: do not modify. */
    public Optional<DMatrixRMaj> targets() {
        return Optional.ofNullable(targets);
    }

    public Provenance provenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return name + " (" + n() + " × " + dim() + (labels != null ? ", labelled" : "")
                + (targets != null ? ", " + targets.numCols + " target(s)" : "") + ")";
    }
}
