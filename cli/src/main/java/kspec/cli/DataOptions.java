package kspec.cli;

import java.nio.file.Path;
import kspec.core.stats.SeedStream;
import kspec.data.DataException;
import kspec.data.Dataset;
import kspec.data.Datasets;
import kspec.data.io.DataFormat;
import kspec.data.io.NamedDatasets;
import kspec.data.io.ReadOptions;
import kspec.data.preprocess.NonFinitePolicy;
import kspec.data.preprocess.Preprocessing;
import kspec.data.preprocess.SphereProjection;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The data options every subcommand shares: where the data come from (a file, a named data set,
 * or a synthetic manifold spec), how to read it, and which preprocessing to apply.
 */
final class DataOptions {

    /** The built-in default data: 2,000 points uniform on S^4 embedded in R^50. */
    static final String DEFAULT_DATA = "sphere:d=4,ambient=50";

    @Option(names = "--data", paramLabel = "PATH|SPEC", defaultValue = DEFAULT_DATA,
            description = {"Data: a file (.npy, .idx[.gz], *-ubyte[.gz], .csv), a named data set "
                    + "(fashion-mnist:train, fashion-mnist:test) or a synthetic manifold "
                    + "(sphere|cube|torus|swissroll|gaussian[:d=D,ambient=A]). Default: ${DEFAULT-VALUE}."})
    String data;

    @Option(names = "--labels", paramLabel = "PATH", description = "Labels file (IDX or integer NPY), one per row.")
    Path labels;

    @Option(names = "--format", paramLabel = "npy|idx|csv", converter = FormatConverter.class,
            description = "Override format detection by extension.")
    DataFormat format;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX", description = "CSV: the column holding class labels.")
    String labelColumn;

    @Option(names = "--target-column", paramLabel = "NAME|INDEX", description = "CSV: the column holding a real-valued target.")
    String targetColumn;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV: field delimiter (default: detected).")
    Character delimiter;

    @Option(names = "--n", paramLabel = "N",
            description = "Number of points: a seeded random subset of a file, or the sample size of a synthetic manifold (default "
                    + Datasets.DEFAULT_SYNTHETIC_POINTS + ").")
    Integer n;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed for every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stratify", description = "Make the --n subset keep the class proportions of the labels.")
    boolean stratify;

    @Option(names = "--scale", paramLabel = "FACTOR",
            description = "Multiply every value by FACTOR (e.g. 0.00392156862745098 = 1/255 maps bytes to [0,1]).")
    Double scale;

    @Option(names = "--center", description = "Subtract the column means.")
    boolean center;

    @Option(names = "--standardize", description = "Divide each column by its standard deviation (after centering).")
    boolean standardize;

    @Option(names = "--sphere", paramLabel = "none|unit|sqrt-dim", converter = SphereConverter.class,
            description = "Project each point onto a sphere: unit (x/|x|) or sqrt-dim (x/|x|*sqrt(dim), so x.x/dim = 1). Default: none.")
    SphereProjection sphere = SphereProjection.NONE;

    @Option(names = "--allow-nonfinite", paramLabel = "drop|zero", converter = NonFiniteConverter.class,
            description = "What to do with NaN/Inf values: drop their rows, or set them to zero. Default: refuse.")
    NonFinitePolicy nonFinite = NonFinitePolicy.REFUSE;

    /** @return the data as read (or sampled), before any preprocessing */
    Dataset read() {
        if (n != null) {
            OptionRanges.atLeast("--n", n, 1, "the number of points");
        }
        if (scale != null && (!Double.isFinite(scale) || scale == 0)) {
            throw new UsageException("--scale must be a finite non-zero factor, got " + scale);
        }
        refuseFileOptionsWithoutFile();
        return read(data, SeedStream.DATA.seed(seed));
    }

    /** @return the files this run reads: the data file and the labels file, where given */
    Path[] inputFiles() {
        return new Path[] {Path.of(data), labels};
    }

    /** The reading options apply to a data file; a synthetic or named data set would silently ignore them. */
    private void refuseFileOptionsWithoutFile() {
        boolean named = NamedDatasets.isNamed(data);
        if (!named && !Datasets.isSynthetic(data)) {
            return;
        }
        String given = labels != null ? "--labels" : format != null ? "--format" : labelColumn != null ? "--label-column"
                : targetColumn != null ? "--target-column" : delimiter != null ? "--delimiter" : null;
        if (given != null) {
            throw new UsageException(given + " applies to a data file, but --data " + data + " is "
                    + (named ? "a named data set (it brings its own labels)" : "a synthetic manifold")
                    + "; drop " + given + " or pass the data file it belongs to");
        }
    }

    private Dataset read(String source, long sampleSeed) {
        return Datasets.open(source, new ReadOptions(format, labels, labelColumn, targetColumn, delimiter),
                n == null ? Datasets.DEFAULT_SYNTHETIC_POINTS : n, sampleSeed);
    }

    /** @return whether --data names a synthetic manifold, for which --n is the sample size rather than a subset */
    boolean isSynthetic() {
        return Datasets.isSynthetic(data);
    }

    /**
     * A second data set (e.g. test points) read like --data and given the same per-point
     * preprocessing (non-finite policy, scale, sphere projection), all of it; a synthetic spec is
     * sampled and preprocessed from {@link SeedStream#SECOND_SAMPLE} so that its points differ from the main data's.
     *
     * @throws IllegalArgumentException with --center or --standardize, whose statistics would differ between the sets
     */
    Dataset loadOther(String source) {
        if (center || standardize) {
            throw new IllegalArgumentException("--center/--standardize would use different statistics for the two data sets; "
                    + "preprocess both files beforehand, or drop the option");
        }
        Preprocessing perPoint = new Preprocessing(null, false, scale, false, false, sphere, nonFinite);
        long sample = SeedStream.SECOND_SAMPLE.seed(seed);
        return perPoint.apply(read(source, sample), sample);
    }

    /** @return the preprocessing the options ask for */
    Preprocessing preprocessing() {
        Integer subset = isSynthetic() ? null : n;
        return new Preprocessing(subset, stratify, scale, center, standardize, sphere, nonFinite);
    }

    /** @return the data read and preprocessed, refusing non-finite values unless --allow-nonfinite says otherwise */
    Dataset load() {
        return preprocessing().apply(read(), SeedStream.DATA.seed(seed));
    }

    /** Parses --format; an unknown name is a usage error (exit code 2). */
    static final class FormatConverter implements ITypeConverter<DataFormat> {
        @Override
        public DataFormat convert(String value) {
            try {
                return DataFormat.parse(value);
            } catch (DataException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses --sphere none|unit|sqrt-dim. */
    static final class SphereConverter implements ITypeConverter<SphereProjection> {
        @Override
        public SphereProjection convert(String value) {
            try {
                return SphereProjection.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses --allow-nonfinite drop|zero. */
    static final class NonFiniteConverter implements ITypeConverter<NonFinitePolicy> {
        @Override
        public NonFinitePolicy convert(String value) {
            try {
                return NonFinitePolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
