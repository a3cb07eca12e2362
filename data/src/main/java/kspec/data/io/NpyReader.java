package kspec.data.io;

import kspec.core.ParameterMessage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kspec.data.DataException;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0) into float64.
 *
 * <p>Layout (NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays", Kern 2007;
 * {@code numpy.lib.format}): the magic {@code \x93NUMPY}, a major and a minor version byte, the
 * header length as little-endian uint16 (1.0) or uint32 (2.0, 3.0), then a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (60000, 784), }} in latin-1 (1.0,
 * 2.0) or UTF-8 (3.0), padded so the data starts on a 64-byte boundary, then the raw elements.
 *
 * <p>Supported element types: {@value #SUPPORTED}; the byte-order character may also be
 * {@code =} (native). Fortran-order arrays are reordered to row-major. A gzip-compressed
 * {@code .npy} is inflated transparently. Object arrays, structured dtypes, strings, complex and
 * half floats are rejected with a one-line {@link DataException} naming the file and the fix.
 *
 * <p>Speed: the data region is read in 256 KiB chunks and decoded with bulk typed-buffer copies
 * (see {@code kspec.bench.ReaderBenchmark} for the 60,000 × 784 numbers).
 */
public final class NpyReader {

    static final String SUPPORTED = "<f8 <f4 |u1 |i1 |b1 <i2 <u2 <i4 <u4 <i8 <u8 "
            + "and the big-endian >f8 >f4 >i2 >u2 >i4 >u4 >i8 >u8";

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /**
     * Longest header read: numpy's own default {@code max_header_size} of {@code numpy.load}
     * (numpy 1.24+), beyond which numpy too refuses a header as unsafe to parse.
     */
    static final int MAX_HEADER_BYTES = 10_000;

    /** Deepest nesting of dicts, tuples and lists in a header (a plain array's header nests 2 deep). */
    static final int MAX_NESTING = 8;

    private NpyReader() {
    }

    /**
     * @return the array in {@code file}, elements widened to float64 in row-major order
     * @throws DataException if the file is missing, empty, not NPY, truncated, longer than its
     *                       header says, or holds an unsupported dtype
     */
    public static NpyArray read(Path file) {
        try (BinarySource source = BinarySource.open(file, "NPY")) {
            byte[] preamble = source.readHeaderBytes(MAGIC.length + 2, "NPY magic string");
            for (int i = 0; i < MAGIC.length; i++) {
                if (preamble[i] != MAGIC[i]) {
                    throw new DataException(ParameterMessage.of(file + " is not an NPY file (it does not start with "
                            + "\\x93NUMPY); check the path, or set {ReadOptions.format} to its real format", "ReadOptions.format"));
                }
            }
            int major = preamble[6] & 0xFF;
            int minor = preamble[7] & 0xFF;
            int lengthBytes;
            switch (major) {
                case 1 -> lengthBytes = 2;
                case 2, 3 -> lengthBytes = 4;
                default -> throw new DataException(file + ": NPY format version " + major + "." + minor
                        + " is not supported (supported: 1.0, 2.0, 3.0); re-save it with numpy.save");
            }
            byte[] lengthField = source.readHeaderBytes(lengthBytes, "NPY header length");
            long headerLength = 0;
            for (int i = lengthBytes - 1; i >= 0; i--) {
                headerLength = (headerLength << 8) | (lengthField[i] & 0xFF);
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw new DataException(file + ": NPY header length " + headerLength + " exceeds " + MAX_HEADER_BYTES
                        + " bytes, numpy.load's own limit for a header that is safe to parse; the file is corrupt "
                        + "or holds a structured dtype, re-save a plain numeric array with numpy.save");
            }
            byte[] headerBytes = source.readHeaderBytes((int) headerLength, "NPY header");
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Map<String, Object> dict = parseHeader(header, file);

            Object descr = dict.get("descr");
            Object fortran = dict.get("fortran_order");
            Object shapeValue = dict.get("shape");
            if (!(descr instanceof String) && descr != null) {
                throw new DataException(file + ": structured dtype " + compact(header)
                        + " is not supported (supported: " + SUPPORTED + "); save a plain numeric array, "
                        + "e.g. numpy.lib.recfunctions.structured_to_unstructured(arr).astype('float64')");
            }
            if (descr == null || !(fortran instanceof Boolean) || !(shapeValue instanceof List<?>)) {
                throw new DataException(file + ": NPY header lacks 'descr', 'fortran_order' or 'shape': "
                        + compact(header) + "; the file is corrupt, re-save it with numpy.save");
            }
            String dtype = (String) descr;
            ElementType type = elementType(dtype, file);
            ByteOrder order = byteOrder(dtype);
            long[] shape = toShape((List<?>) shapeValue, file);
            boolean fortranOrder = (Boolean) fortran;

            long dataOffset = MAGIC.length + 2L + lengthBytes + headerLength;
            double[] data = source.readElements(dataOffset, type, order, Shapes.elementCount(shape, file),
                    "shape " + Shapes.describe(shape) + " of " + dtype);
            if (fortranOrder) {
                data = Shapes.fortranToC(shape, data);
            }
            return new NpyArray(shape, dtype, fortranOrder, data);
        }
    }

    /** @return the element type of a supported dtype string; used for arrays already read */
    static ElementType elementType(String dtype) {
        return elementType(dtype, "NPY array");
    }

    private static ElementType elementType(String dtype, Object source) {
        String body = dtype.length() > 1 && "<>|=".indexOf(dtype.charAt(0)) >= 0 ? dtype.substring(1) : dtype;
        if (body.startsWith("O")) {
            throw new DataException(source + ": object array (dtype " + dtype + ") holds pickled Python objects, "
                    + "not numbers; save a numeric array, e.g. numpy.save(path, numpy.asarray(arr, dtype='float64'))");
        }
        ElementType type = switch (body) {
            case "f8" -> ElementType.FLOAT64;
            case "f4" -> ElementType.FLOAT32;
            case "i1" -> ElementType.INT8;
            case "u1" -> ElementType.UINT8;
            case "b1" -> ElementType.BOOL;
            case "i2" -> ElementType.INT16;
            case "u2" -> ElementType.UINT16;
            case "i4" -> ElementType.INT32;
            case "u4" -> ElementType.UINT32;
            case "i8" -> ElementType.INT64;
            case "u8" -> ElementType.UINT64;
            default -> null;
        };
        if (type == null) {
            throw new DataException(source + ": unsupported NPY dtype '" + dtype + "' (supported: " + SUPPORTED
                    + "); convert it first, e.g. numpy.save(path, arr.astype('float64'))");
        }
        return type;
    }

    private static ByteOrder byteOrder(String dtype) {
        return switch (dtype.charAt(0)) {
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> ByteOrder.LITTLE_ENDIAN; // '<', and '|' (single bytes: order irrelevant)
        };
    }

    private static long[] toShape(List<?> tuple, Path file) {
        long[] shape = new long[tuple.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(tuple.get(i) instanceof Long d)) {
                throw new DataException(file + ": NPY header shape " + tuple + " is not a tuple of integers; the file is corrupt");
            }
            shape[i] = d;
        }
        return shape;
    }

    private static String compact(String header) {
        String h = header.strip();
        return h.length() > 200 ? h.substring(0, 200) + "…" : h;
    }

    /**
     * Parses the header dict: string keys; values that are strings, True/False/None, integers
     * (a Python 2 {@code L} suffix is accepted), or tuples/lists of those, nested at most
     * {@value #MAX_NESTING} deep. Iterative, with an explicit stack: a hostile header cannot
     * exhaust the thread's stack.
     */
    static Map<String, Object> parseHeader(String header, Path file) {
        HeaderParser parser = new HeaderParser(header, file);
        Object value = parser.parse();
        if (!(value instanceof Map<?, ?> map)) {
            throw parser.error("expected a dict");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = (Map<String, Object>) map;
        return dict;
    }

    /** An open dict, tuple or list of the header literal, filled as its items are parsed. */
    private static final class Container {
        final char close;
        final Map<String, Object> dict;
        final List<Object> items;
        String pendingKey;

        Container(char open) {
            close = open == '{' ? '}' : open == '(' ? ')' : ']';
            dict = open == '{' ? new HashMap<>() : null;
            items = open == '{' ? null : new ArrayList<>();
        }

        Object value() {
            return dict != null ? dict : items;
        }
    }

    private static final class HeaderParser {
        private final String s;
        private final Path file;
        private int pos;

        HeaderParser(String s, Path file) {
            this.s = s;
            this.file = file;
        }

        /** @return the one literal the header holds, followed by nothing but whitespace */
        Object parse() {
            Deque<Container> open = new ArrayDeque<>();
            while (true) {
                skipSpace();
                char c = peek();
                Object item;
                if (!open.isEmpty() && c == open.peek().close && open.peek().pendingKey == null) {
                    pos++; // an empty container, or a trailing comma before its end
                    item = open.pop().value();
                } else if (c == '{' || c == '(' || c == '[') {
                    if (open.size() == MAX_NESTING) {
                        throw error("nested deeper than " + MAX_NESTING + " levels");
                    }
                    pos++;
                    open.push(new Container(c));
                    continue;
                } else {
                    item = c == '\'' || c == '"' ? string() : atom();
                }
                while (true) { // hand the finished item to its container; close containers that end here
                    Container parent = open.peek();
                    if (parent == null) {
                        skipSpace();
                        if (pos < s.length()) {
                            throw error("unexpected text after the dict");
                        }
                        return item;
                    }
                    if (parent.dict != null && parent.pendingKey == null) {
                        if (!(item instanceof String key)) {
                            throw error("dict key is not a string");
                        }
                        parent.pendingKey = key;
                        skipSpace();
                        expect(':');
                        break;
                    }
                    if (parent.dict != null) {
                        parent.dict.put(parent.pendingKey, item);
                        parent.pendingKey = null;
                    } else {
                        parent.items.add(item);
                    }
                    skipSpace();
                    if (peek() == ',') {
                        pos++;
                        break;
                    }
                    expect(parent.close);
                    item = open.pop().value();
                }
            }
        }

        private String string() {
            char quote = s.charAt(pos++);
            int end = s.indexOf(quote, pos);
            if (end < 0) {
                throw error("unterminated string");
            }
            String str = s.substring(pos, end);
            pos = end + 1;
            return str;
        }

        private Object atom() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
                pos++;
            }
            String word = s.substring(start, pos);
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                default:
                    String digits = word.endsWith("L") ? word.substring(0, word.length() - 1) : word;
                    try {
                        return Long.parseLong(digits);
                    } catch (NumberFormatException e) {
                        throw error("unexpected '" + (word.isEmpty() ? String.valueOf(peek()) : compact(word)) + "'");
                    }
            }
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        DataException error(String what) {
            return new DataException(file + ": malformed NPY header (" + what + " at character " + pos + " of "
                    + compact(s) + "); the file is corrupt, re-save it with numpy.save");
        }
    }
}
