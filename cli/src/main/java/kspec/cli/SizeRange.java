package kspec.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A ladder of sizes: {@code LO:HI} is the powers-of-two ladder LO, 2·LO, 4·LO, … ≤ HI; {@code a,b,c}
 * is a list.
 *
 * @param values the sizes, as given
 */
record SizeRange(int[] values) {

    @Override
    public int[] values() {
        return values.clone();
    }

    /** Parses the option text; a malformed ladder is a usage error (exit code 2). */
    static final class Converter implements ITypeConverter<SizeRange> {
        @Override
        public SizeRange convert(String value) {
            return new SizeRange(parse(value));
        }
    }

    static int[] parse(String value) {
        try {
            if (value.contains(":")) {
                String[] parts = value.split(":");
                if (parts.length != 2) {
                    throw new TypeConversionException("expected LO:HI, got '" + value + "'");
                }
                int lo = Integer.parseInt(parts[0].trim());
                int hi = Integer.parseInt(parts[1].trim());
                if (lo < 1 || hi < lo) {
                    throw new TypeConversionException("expected 1 <= LO <= HI in '" + value + "'");
                }
                List<Integer> sizes = new ArrayList<>();
                for (long s = lo; s <= hi; s *= 2) {
                    sizes.add((int) s);
                }
                return sizes.stream().mapToInt(Integer::intValue).toArray();
            }
            String[] parts = value.split(",");
            int[] sizes = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                sizes[i] = Integer.parseInt(parts[i].trim());
            }
            return sizes;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expected LO:HI or a comma-separated list of integers, got '" + value + "'");
        }
    }
}
