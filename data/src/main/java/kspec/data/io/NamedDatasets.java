package kspec.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kspec.data.DataException;
import kspec.data.Dataset;
import kspec.data.Provenance;

/**
 * Data sets known by name instead of path: {@code fashion-mnist:train} (60,000 images) and
 * {@code fashion-mnist:test} (10,000 images) of Xiao, Rasul &amp; Vollgraf, "Fashion-MNIST: a
 * Novel Image Dataset for Benchmarking Machine Learning Algorithms", 2017, arXiv:1708.07747.
 *
 * <p>The files come from the Debian package {@code dataset-fashion-mnist}, which installs
 * {@code /usr/share/datasets/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz}; the
 * environment variable {@value #DIR_VARIABLE} overrides the directory (plain or {@code .gz} files).
 * Points are the raw pixel values 0..255 as float64, n × 784; scaling is a separate step.
 */
public final class NamedDatasets {

    /** Environment variable naming a directory that holds the four Fashion-MNIST IDX files. */
    public static final String DIR_VARIABLE = "KSPEC_FASHION_MNIST_DIR";
    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String PREFIX = "fashion-mnist:";

    private NamedDatasets() {
    }

    /** @return true if {@code spec} names a built-in data set ({@code fashion-mnist:…}), not a path */
    public static boolean isNamed(String spec) {
        return spec != null && spec.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * @param spec {@code fashion-mnist:train} or {@code fashion-mnist:test}
     * @return the images as n × 784 raw pixel values with their class labels 0..9
     * @throws DataException for an unknown name or when the files are not installed
     */
    public static Dataset load(String spec) {
        String override = System.getenv(DIR_VARIABLE);
        boolean overridden = override != null && !override.isBlank();
        return load(spec, overridden ? Path.of(override) : DEBIAN_DIR, overridden);
    }

    /** @param overridden whether {@code dir} came from {@value #DIR_VARIABLE} (for the message) */
    static Dataset load(String spec, Path dir, boolean overridden) {
        if (!isNamed(spec)) {
            throw new DataException("'" + spec + "' is not a named data set; use fashion-mnist:train or fashion-mnist:test");
        }
        String split = spec.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT);
        String filePrefix = switch (split) {
            case "train" -> "train";
            case "test" -> "t10k";
            default -> throw new DataException("unknown Fashion-MNIST split '" + split
                    + "'; use fashion-mnist:train or fashion-mnist:test");
        };
        Path images = locate(dir, filePrefix + "-images-idx3-ubyte", overridden);
        Path labels = locate(dir, filePrefix + "-labels-idx1-ubyte", overridden);
        IdxArray imageArray = IdxReader.read(images);
        int[] labelValues = IdxReader.read(labels).asLabels();
        if (labelValues.length != imageArray.shape()[0]) {
            throw new DataException(labels + " has " + labelValues.length + " labels but " + images + " has "
                    + imageArray.shape()[0] + " images; reinstall dataset-fashion-mnist");
        }
        String name = PREFIX + split;
        return Dataset.of(name, imageArray.asMatrix(), Provenance.of(name, DataFormat.IDX.id(), imageArray.dtype()))
                .withLabels(labelValues);
    }

    private static Path locate(Path dir, String base, boolean overridden) {
        for (String candidate : new String[] {base + ".gz", base}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        String where = overridden ? " (from " + DIR_VARIABLE + ")" : "";
        throw new DataException("Fashion-MNIST file " + base + ".gz not found in " + dir + where
                + "; run `sudo apt-get install dataset-fashion-mnist` or set " + DIR_VARIABLE
                + " to a directory holding the four IDX files");
    }
}
