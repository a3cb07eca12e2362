package kspec.dynamics.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kspec.dynamics.ModeSpectrum;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/**
 * kspec's theory against an independent implementation, {@code src/test/python/reference.py}
 * (mpmath root finding and de Hoog inversion, Weideman–Trefethen parabolic contour summed mode by
 * mode, final values as the s → 0 limit of the frequency system in 50 digits), whose printed numbers
 * are {@code reference.csv} beside this test. Settings used by no other test: a = 1.8, b = 1.4,
 * M = 1500 modes, (P, D) = (70, 300), (300, 70), (120, ∞), (∞, 90), (45, 180), (180, 45).
 *
 * <p>Tolerances: κ to 1e-10 relative; H<sub>k</sub>(t) to 1e-8 (the de Hoog series in double-precision
 * transforms is good to ~1e-10); losses to 1e-7 relative (both contours agree with the exact
 * e<sup>−2λt</sup> sums to ~1e-10 at P = D = ∞), or 1e-10 absolute for the small late training
 * losses of P &gt; D; final values to 1e-9 relative. Largest deviations seen: κ 3e-16, H 1.4e-11,
 * test loss 6e-10, training loss 7e-8 relative (1e-11 absolute), final values 4e-15.
 */
class ReferenceTest {

    private static final ModeSpectrum SPECTRUM = ModeSpectrum.powerLaw(1.8, 1.4, 1500);

    private record Row(String quantity, Sizes sizes, String x, String y, String mode, String value) {
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ReferenceTest.class.getResourceAsStream("reference.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                rows.add(new Row(f[0], Sizes.of(size(f[1]), size(f[2])), f[3], f[4], f[5], f[6]));
            }
        }
        return rows;
    }

    private static double size(String text) {
        return "inf".equals(text) ? Double.POSITIVE_INFINITY : Double.parseDouble(text);
    }

    @Test
    void matchesTheIndependentImplementation() throws IOException {
        DynamicsTheory theory = new DynamicsTheory(SPECTRUM);
        Optimizer.GradientFlow flow = new Optimizer.GradientFlow();
        int checked = 0;
        for (Row r : rows()) {
            String where = r.quantity() + " " + r.sizes() + " x=" + r.x() + " mode=" + r.mode();
            switch (r.quantity()) {
                case "kappa" -> {
                    Complex s = new Complex(Double.parseDouble(r.x()), Double.parseDouble(r.y()));
                    Complex[] path = {new Complex(50), new Complex(50, s.getImaginary()), s};
                    Complex kappa = new KappaEquation(SPECTRUM, r.sizes()).solveAlong(path)[2];
                    String[] v = r.value().split(" ");
                    Complex expected = new Complex(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                    assertEquals(0, kappa.subtract(expected).abs(), 1e-10 * expected.abs(), where);
                }
                case "transfer" -> {
                    double[] h = theory.transfer(r.sizes(), flow, Double.parseDouble(r.x()));
                    assertEquals(Double.parseDouble(r.value()), h[Integer.parseInt(r.mode()) - 1], 1e-8, where);
                }
                case "test", "train" -> {
                    Losses l = theory.losses(r.sizes(), flow, Double.parseDouble(r.x()));
                    double expected = Double.parseDouble(r.value());
                    assertEquals(expected, r.quantity().equals("test") ? l.test() : l.train(),
                            Math.max(1e-7 * Math.abs(expected), 1e-10), where);
                }
                case "finalTest", "finalTrain" -> {
                    Losses l = FinalLosses.of(SPECTRUM, r.sizes());
                    double expected = Double.parseDouble(r.value());
                    assertEquals(expected, r.quantity().equals("finalTest") ? l.test() : l.train(),
                            1e-9 * Math.max(Math.abs(expected), 1e-12), where);
                }
                default -> throw new IllegalStateException("unknown quantity " + r.quantity());
            }
            checked++;
        }
        assertTrue(checked >= 90, "only " + checked + " reference numbers");
    }
}
