package kspec.spectra.eigen;

import org.bytedeco.javacpp.DoublePointer;

/** A reusable native buffer, grown on demand, for the small operands that travel to native GEMMs on every call. */
final class NativeStaging implements AutoCloseable {
    private DoublePointer p;
    private long size;

    /** @return a buffer of at least {@code needed} doubles, with unspecified contents */
    DoublePointer ofSize(long needed) {
        if (needed > size) {
            close();
            p = new DoublePointer(needed);
            size = needed;
        }
        return p;
    }

    /** @return a buffer whose first {@code length} doubles are {@code values[offset, offset + length)} */
    DoublePointer holding(double[] values, int offset, int length) {
        return ofSize(length).put(values, offset, length);
    }

    @Override
    public void close() {
        if (p != null) {
            p.close();
            p = null;
            size = 0;
        }
    }
}
