package kspec.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test fixtures under {@code src/test/resources/io/} and their numpy-written expected values. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * The values a generating script wrote next to a fixture: line 1 {@code shape d0 d1 …}, then
     * one {@code repr(float(x))} per line in row-major order.
     */
    record Expected(long[] shape, double[] values) {
        int rows() {
            return shape.length == 0 ? 1 : (int) shape[0];
        }

        int cols() {
            return values.length / Math.max(1, rows());
        }
    }

    static Path resource(String relative) {
        URL url = Fixtures.class.getResource("/io/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing test resource io/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Expected expected(String relative) {
        try {
            List<String> lines = Files.readAllLines(resource(relative + ".expected.txt"));
            String[] dims = lines.get(0).split(" ");
            long[] shape = new long[dims.length - 1];
            for (int i = 1; i < dims.length; i++) {
                shape[i - 1] = Long.parseLong(dims[i]);
            }
            double[] values = lines.subList(1, lines.size()).stream().mapToDouble(Double::parseDouble).toArray();
            return new Expected(shape, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
