package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import kspec.kernels.Architecture;
import kspec.kernels.KernelKind;
import kspec.kernels.SphericalHarmonicSpectrum;
import kspec.spectra.fit.FitWindow;
import kspec.spectra.fit.LogLogFits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java example of README.md ("Use kspec from Java") is extracted, compiled with the system Java
 * compiler against this module's test classpath (which holds every library module) and run, so the
 * README cannot drift from the API.
 *
 * <p>What it must print, and why:
 * <ul>
 *   <li>α_K of the depth-2 ReLU NTK of 1,000 points on the unit sphere S⁴: its 95% interval must hold
 *       the exponent of the exact population spectrum (spherical harmonics, docs/sphere-spectra.md §1)
 *       fitted over the same ranks, and α_K must lie above the asymptote 1/d = 0.25, which ranks this
 *       low do not reach (docs/sphere-spectra.md §4–§5);</li>
 *   <li>TwoNN d: its 95% interval must hold the true d = 4, and d itself lie within 0.5 of it (on the
 *       sphere TwoNN has no visible bias at d = 4, docs/intrinsic-dimension.md §4, and its standard
 *       error at n = 1000 is about 1.3·d/√n ≈ 0.16).</li>
 * </ul>
 */
class ReadmeExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile(
            "## Use kspec from Java\\n.*?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");
    private static final Pattern ALPHA = Pattern.compile(
            "alphaK = (\\S+)\\s+95% \\[(\\S+), (\\S+)\\]\\s+ranks (\\d+)\\.\\.(\\d+)");
    private static final Pattern DIMENSION = Pattern.compile("TwoNN d = (\\S+)\\s+95% \\[(\\S+), (\\S+)\\]");

    /** The example's data and network, as README.md writes them. */
    private static final int SPHERE_DIM = 4;
    private static final int AMBIENT_DIM = 50;
    private static final String NETWORK = "Dense(1.4142135623730951) Relu Dense(1.4142135623730951) Relu "
            + "Dense(1.4142135623730951)";

    @TempDir
    Path dir;

    @Test
    void readmeExampleCompilesRunsAndPrintsSaneNumbers() throws Exception {
        String source = readmeExample();
        Matcher className = CLASS_NAME.matcher(source);
        assertTrue(className.find(), "the README example declares no public class");
        String name = className.group(1);

        compile(source, name);
        String printed = run(name);

        Matcher alpha = ALPHA.matcher(printed);
        assertTrue(alpha.find(), "no alphaK line in:\n" + printed);
        double alphaK = parse(alpha.group(1));
        double alphaLo = parse(alpha.group(2));
        double alphaHi = parse(alpha.group(3));
        double exact = exactAlpha(Integer.parseInt(alpha.group(4)), Integer.parseInt(alpha.group(5)));
        assertTrue(alphaLo <= exact && exact <= alphaHi, "exact spectrum over the same ranks: " + exact + "\n" + printed);
        assertTrue(alphaK > 1.0 / SPHERE_DIM, "alphaK at or below the asymptote 1/d:\n" + printed);

        Matcher dimension = DIMENSION.matcher(printed);
        assertTrue(dimension.find(), "no TwoNN line in:\n" + printed);
        double d = parse(dimension.group(1));
        assertEquals(SPHERE_DIM, d, 0.5, printed);
        assertTrue(parse(dimension.group(2)) <= SPHERE_DIM && SPHERE_DIM <= parse(dimension.group(3)), printed);
    }

    private static String readmeExample() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path readme = module.toAbsolutePath().getParent().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8).replace("\r\n", "\n");
        Matcher block = JAVA_BLOCK.matcher(text);
        assertTrue(block.find(), readme + " has no ```java block under \"## Use kspec from Java\"");
        return block.group(1);
    }

    private void compile(String source, String className) throws IOException {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "no system Java compiler (tests need a JDK, not a JRE)");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", testClassPath(), "-d", dir.toString(),
                    "-Xlint:all", "-Werror");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(file)).call();
            assertTrue(ok, "the README example does not compile: " + diagnostics.getDiagnostics());
        }
    }

    private String run(String className) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader());
             PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(capture);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * The 1/i-weighted least-squares exponent of the exact population spectrum of the example's NTK on
     * the unit sphere (spherical harmonics, docs/sphere-spectra.md §1) over the same ranks.
     */
    private static double exactAlpha(int iMin, int iMax) {
        double[] exact = SphericalHarmonicSpectrum.of(Architecture.parse(NETWORK), KernelKind.NTK, SPHERE_DIM,
                AMBIENT_DIM, 1.0).descending(iMax);
        return LogLogFits.leastSquares(exact, FitWindow.of(iMin, iMax), true).alpha().value();
    }

    /** Surefire's real test classpath (java.class.path may hold only its booter jar). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static double parse(String number) {
        return Double.parseDouble(number);
    }
}
