package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pure-Java fdlibm arccos/arcsin agree with {@link StrictMath} (fdlibm in C) to within 1 ulp. */
class FastTrigTest {

    @Test
    void agreesWithStrictMathWithinOneUlp() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            // uniform on [−1, 1], plus points crowding ±1 and 0 where the reductions switch
            double x = switch (i % 4) {
                case 0 -> rng.nextDouble(-1, 1);
                case 1 -> Math.copySign(1 - Math.pow(10, -rng.nextDouble(1, 16)), rng.nextDouble(-1, 1));
                case 2 -> Math.copySign(Math.pow(10, -rng.nextDouble(0, 20)), rng.nextDouble(-1, 1));
                default -> rng.nextDouble(0.45, 0.55) * (rng.nextBoolean() ? 1 : -1);
            };
            double acos = StrictMath.acos(x);
            double asin = StrictMath.asin(x);
            assertTrue(Math.abs(FastTrig.acos(x) - acos) <= Math.ulp(acos), () -> "acos(" + x + ")");
            assertTrue(Math.abs(FastTrig.asin(x) - asin) <= Math.ulp(asin), () -> "asin(" + x + ")");
        }
    }

    @Test
    void endpointsAreExact() {
        assertEquals(0.0, FastTrig.acos(1.0));
        assertEquals(Math.PI, FastTrig.acos(-1.0));
        assertEquals(Math.PI / 2, FastTrig.asin(1.0));
        assertEquals(-Math.PI / 2, FastTrig.asin(-1.0));
        assertTrue(Double.isNaN(FastTrig.acos(1.0000001)));
    }
}
