package kspec.data;

import java.nio.file.Files;
import java.nio.file.Path;
import kspec.data.io.DatasetReader;
import kspec.data.io.NamedDatasets;
import kspec.data.io.ReadOptions;
import kspec.data.synthetic.SyntheticManifolds;
import kspec.data.synthetic.SyntheticSpec;

/**
 * Where data sets come from, in one call: a file (NPY, IDX or CSV, {@link DatasetReader}), a named
 * data set ({@code fashion-mnist:train}, {@link NamedDatasets}) or a synthetic manifold sampled from
 * a spec ({@code sphere:d=4,ambient=50}, {@link SyntheticManifolds}). Preprocessing is a separate
 * step ({@link kspec.data.preprocess.Preprocessing}).
 */
public final class Datasets {

    /** Points sampled from a synthetic manifold unless another sample size is given. */
    public static final int DEFAULT_SYNTHETIC_POINTS = 2000;

    private Datasets() {
    }

    /**
     * As {@link #open(String, ReadOptions, int, long)} with the default read options,
     * {@value #DEFAULT_SYNTHETIC_POINTS} points for a synthetic manifold, and seed 0.
     */
    public static Dataset open(String source) {
        return open(source, ReadOptions.defaults(), DEFAULT_SYNTHETIC_POINTS, 0);
    }

    /**
     * Resolves {@code source} in this order: a named data set, an existing file, a synthetic
     * manifold spec.
     *
     * @param source          a named data set, a file path, or a synthetic manifold spec
     * @param read            how to read a file (format, labels, CSV columns); unused otherwise
     * @param syntheticPoints the sample size of a synthetic manifold; unused otherwise
     * @param seed            the seed of a synthetic sample; unused otherwise
     * @return the data as read or sampled, before any preprocessing
     * @throws DataException when the source is none of the three, or cannot be read
     */
    public static Dataset open(String source, ReadOptions read, int syntheticPoints, long seed) {
        if (NamedDatasets.isNamed(source)) {
            return NamedDatasets.load(source);
        }
        Path path = Path.of(source);
        if (Files.exists(path)) {
            return DatasetReader.read(path, read);
        }
        if (SyntheticSpec.looksSynthetic(source)) {
            return SyntheticManifolds.sample(SyntheticSpec.parse(source), syntheticPoints, seed);
        }
        throw new DataException("no such file: " + source + " (and not a synthetic manifold such as sphere:d=4,ambient=50, "
                + "nor a named data set such as fashion-mnist:train); check the path");
    }

    /** @return whether {@link #open} would sample {@code source} as a synthetic manifold */
    public static boolean isSynthetic(String source) {
        return !NamedDatasets.isNamed(source) && !Files.exists(Path.of(source)) && SyntheticSpec.looksSynthetic(source);
    }
}
