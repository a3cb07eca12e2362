package kspec.data.io;

import kspec.core.ParameterMessage;
import java.nio.ByteOrder;
import java.nio.file.Path;
import kspec.data.DataException;

/**
 * Reads IDX files, plain or gzip-compressed (detected by the magic bytes {@code 1f 8b}).
 *
 * <p>Layout (LeCun, Cortes &amp; Burges, "The MNIST database of handwritten digits", 1998;
 * reused by Xiao, Rasul &amp; Vollgraf, "Fashion-MNIST", 2017, arXiv:1708.07747): two zero bytes,
 * a type byte (0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double), a rank
 * byte, then {@code rank} big-endian int32 dimensions and the big-endian elements in row-major
 * order. Image files are rank 3 (n × 28 × 28), label files rank 1.
 */
public final class IdxReader {

    private IdxReader() {
    }

    /**
     * @return the array in {@code file}, elements widened to float64
     * @throws DataException if the file is missing, empty, not IDX (bad magic or type code),
     *                       truncated or longer than its header says
     */
    public static IdxArray read(Path file) {
        try (BinarySource source = BinarySource.open(file, "IDX")) {
            byte[] magic = source.readHeaderBytes(4, "IDX magic number");
            int typeCode = magic[2] & 0xFF;
            int rank = magic[3] & 0xFF;
            if (magic[0] != 0 || magic[1] != 0) {
                throw new DataException(ParameterMessage.of(file + " is not an IDX file (magic bytes "
                        + String.format("%02x %02x %02x %02x", magic[0], magic[1], magic[2], magic[3])
                        + " do not start with 00 00); check the path, or set {ReadOptions.format} to its real format",
                        "ReadOptions.format"));
            }
            ElementType type = elementType(typeCode, file);
            if (rank == 0) {
                throw new DataException(file + ": IDX rank 0 (no dimensions); the header is corrupt, re-export the file");
            }
            byte[] dimBytes = source.readHeaderBytes(4 * rank, "IDX dimensions");
            long[] shape = new long[rank];
            for (int a = 0; a < rank; a++) {
                int o = 4 * a;
                shape[a] = ((dimBytes[o] & 0xFFL) << 24) | ((dimBytes[o + 1] & 0xFF) << 16)
                        | ((dimBytes[o + 2] & 0xFF) << 8) | (dimBytes[o + 3] & 0xFF);
            }
            String dtype = typeName(typeCode);
            double[] data = source.readElements(4L + 4L * rank, type, ByteOrder.BIG_ENDIAN,
                    Shapes.elementCount(shape, file), "shape " + Shapes.describe(shape) + " of " + dtype);
            return new IdxArray(shape, typeCode, dtype, data);
        }
    }

    private static ElementType elementType(int typeCode, Path file) {
        return switch (typeCode) {
            case 0x08 -> ElementType.UINT8;
            case 0x09 -> ElementType.INT8;
            case 0x0B -> ElementType.INT16;
            case 0x0C -> ElementType.INT32;
            case 0x0D -> ElementType.FLOAT32;
            case 0x0E -> ElementType.FLOAT64;
            default -> throw new DataException(file + ": unknown IDX type code 0x"
                    + String.format("%02X", typeCode) + " (supported: 0x08 ubyte, 0x09 byte, 0x0B short, "
                    + "0x0C int, 0x0D float, 0x0E double); the file is corrupt or not IDX");
        };
    }

    private static String typeName(int typeCode) {
        return switch (typeCode) {
            case 0x08 -> "ubyte";
            case 0x09 -> "byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            default -> "double";
        };
    }
}
