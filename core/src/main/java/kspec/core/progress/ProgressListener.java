package kspec.core.progress;

/**
 * Receives progress of a long kernel build. The builders call it only from the thread that called
 * them, in the order {@code start}, {@code advance}*, {@code finish}; {@code done} is cumulative and
 * non-decreasing.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
        }
    };

    /**
     * @param task  a short description, e.g. "NNGP+NTK 4000×4000"
     * @param total the number of work units (kernel entries)
     */
    void start(String task, long total);

    /** @param done the number of work units completed so far (cumulative) */
    void advance(long done);

    /** Called once when the build is complete (also after a failure). */
    void finish();
}
