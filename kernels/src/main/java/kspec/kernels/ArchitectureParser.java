package kspec.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokenizer and parser of the architecture string form, e.g.
 * {@code Dense(1.5,0.05) Relu Dense(1.5,0.05) Erf Dense(1.5) parameterization=standard width=512}.
 * Tokens are separated by whitespace; a token is {@code Name}, {@code Name(number, …)} (spaces allowed
 * inside the parentheses) or {@code key=value}.
 */
final class ArchitectureParser {

    private final String text;
    private int pos;
    final List<Layer> layers = new ArrayList<>();
    final List<int[]> spans = new ArrayList<>(); // [start, end) of each layer token
    Parameterization parameterization;
    Integer width;

    private ArchitectureParser(String text) {
        this.text = text;
    }

    /** Parses the layer tokens and options without checking the network structure. */
    static ArchitectureParser run(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Empty architecture: give e.g. \"Dense(1.4142,0.05) Relu Dense(1.4142)\"");
        }
        ArchitectureParser p = new ArchitectureParser(text);
        p.parseAll();
        return p;
    }

    static List<Layer> parseLayers(String text) {
        return run(text).layers;
    }

    /** Parses and validates: Dense first, each activation right after a Dense, a readout Dense last. */
    static Architecture parseArchitecture(String text, Parameterization overrideP, Integer overrideWidth) {
        ArchitectureParser p = run(text);
        if (p.layers.isEmpty()) {
            throw new IllegalArgumentException("The architecture has no layers: give e.g. \"Dense(1.4142) Relu Dense(1.4142)\"");
        }
        for (int i = 0; i < p.layers.size(); i++) {
            Layer layer = p.layers.get(i);
            if (layer instanceof Activation && (i == 0 || !(p.layers.get(i - 1) instanceof Dense))) {
                throw p.error(i == 0 ? "The network must start with a Dense layer (an activation needs a Gaussian, "
                        + "i.e. affine, input)" : "An activation must follow a Dense layer (two activations in a row "
                        + "have no Gaussian input)", i);
            }
        }
        int last = p.layers.size() - 1;
        if (!(p.layers.get(last) instanceof Dense)) {
            throw p.error("The network must end with a readout Dense layer, e.g. append Dense(1.4142)", last);
        }
        Parameterization param = p.parameterization;
        if (overrideP != null) {
            if (param != null && param != overrideP) {
                throw new IllegalArgumentException("Conflicting parameterizations: '" + param.label()
                        + "' in the architecture string and '" + overrideP.label() + "' given separately");
            }
            param = overrideP;
        }
        Integer w = p.width;
        if (overrideWidth != null) {
            if (w != null && !w.equals(overrideWidth)) {
                throw new IllegalArgumentException("Conflicting widths: " + w + " in the architecture string and "
                        + overrideWidth + " given separately");
            }
            w = overrideWidth;
        }
        return Architecture.of(p.layers, param == null ? Parameterization.NTK : param, w);
    }

    ArchitectureSyntaxException error(String problem, int layerIndex) {
        int[] span = spans.get(layerIndex);
        return new ArchitectureSyntaxException(problem, text, span[0], text.substring(span[0], span[1]));
    }

    private ArchitectureSyntaxException errorAt(String problem, int start, int end) {
        return new ArchitectureSyntaxException(problem, text, start, text.substring(start, Math.max(start, end)));
    }

    private void parseAll() {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                return;
            }
            parseToken();
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void parseToken() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            int end = tokenEnd(start);
            throw errorAt("Expected a layer name such as Dense(1.5,0.05) or Relu", start, end);
        }
        if (pos < text.length() && text.charAt(pos) == '=') {
            pos++;
            int valueStart = pos;
            pos = tokenEnd(pos);
            option(name, text.substring(valueStart, pos), start);
            return;
        }
        double[] args = new double[0];
        if (pos < text.length() && text.charAt(pos) == '(') {
            int close = text.indexOf(')', pos);
            int nextOpen = text.indexOf('(', pos + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw errorAt("Unclosed '(' in layer " + name, start, tokenEnd(start));
            }
            args = parseArgs(pos + 1, close);
            pos = close + 1;
        }
        if (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            throw errorAt("Expected a space between layers", start, tokenEnd(pos));
        }
        Layer layer;
        try {
            layer = name.toLowerCase(Locale.ROOT).equals("dense") ? dense(args) : Activations.of(name, args);
        } catch (IllegalArgumentException e) {
            throw errorAt(e.getMessage(), start, pos);
        }
        layers.add(layer);
        spans.add(new int[] {start, pos});
    }

    private static Dense dense(double[] args) {
        return switch (args.length) {
            case 1 -> Dense.of(args[0]);
            case 2 -> Dense.of(args[0], args[1]);
            default -> throw new IllegalArgumentException("Dense takes W_std and an optional b_std, e.g. Dense(1.5) "
                    + "or Dense(1.5,0.05), got " + args.length + " argument(s)");
        };
    }

    private double[] parseArgs(int from, int to) {
        String inside = text.substring(from, to);
        if (inside.isBlank()) {
            return new double[0];
        }
        String[] parts = inside.split(",", -1);
        double[] out = new double[parts.length];
        int offset = from;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int lead = 0;
            while (lead < part.length() && Character.isWhitespace(part.charAt(lead))) {
                lead++;
            }
            String number = part.trim();
            try {
                out[i] = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                int s = offset + lead;
                throw errorAt(number.isEmpty() ? "Missing number" : "Not a number", s, s + number.length());
            }
            offset += part.length() + 1;
        }
        return out;
    }

    private int tokenEnd(int from) {
        int end = from;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private void option(String key, String value, int start) {
        switch (key.toLowerCase(Locale.ROOT)) {
            case "parameterization" -> {
                try {
                    parameterization = Parameterization.parse(value);
                } catch (IllegalArgumentException e) {
                    throw errorAt(e.getMessage(), start, pos);
                }
            }
            case "width" -> {
                try {
                    width = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw errorAt("width must be a whole number >= 1", start, pos);
                }
                if (width < 1) {
                    throw errorAt("width must be a whole number >= 1", start, pos);
                }
            }
            default -> throw errorAt("Unknown option '" + key + "': use parameterization=ntk|standard or width=N",
                    start, pos);
        }
    }
}
