package kspec.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A ladder of positive real values, for times and compute budgets: {@code LO:HI} is LO, 2·LO,
 * 4·LO, … ≤ HI (as {@link SizeRange}, but in doubles, so {@code 1e3:1e9} and {@code 0.5:64} work);
 * {@code a,b,c} is a list.
 *
 * @param values the values, as given
 */
record NumberLadder(double[] values) {

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Parses the option text; a malformed ladder is a usage error (exit code 2). */
    static final class Converter implements ITypeConverter<NumberLadder> {
        @Override
        public NumberLadder convert(String value) {
            return new NumberLadder(parse(value));
        }
    }

    static double[] parse(String value) {
        try {
            if (value.contains(":")) {
                String[] parts = value.split(":");
                if (parts.length != 2) {
                    throw new TypeConversionException("expected LO:HI, got '" + value + "'");
                }
                double lo = Double.parseDouble(parts[0].trim());
                double hi = Double.parseDouble(parts[1].trim());
                if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(hi)) {
                    throw new TypeConversionException("expected finite 0 < LO <= HI in '" + value + "'");
                }
                List<Double> ladder = new ArrayList<>();
                for (double v = lo; v <= hi * (1 + 1e-12); v *= 2) {
                    ladder.add(v);
                }
                return ladder.stream().mapToDouble(Double::doubleValue).toArray();
            }
            String[] parts = value.split(",");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i].trim());
                if (!(out[i] > 0) || Double.isInfinite(out[i])) {
                    throw new TypeConversionException("values must be finite and > 0, got '" + parts[i].trim() + "'");
                }
            }
            return out;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expected LO:HI or a comma-separated list of numbers, got '" + value + "'");
        }
    }
}
