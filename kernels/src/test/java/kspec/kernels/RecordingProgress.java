package kspec.kernels;

import kspec.core.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** A {@link ProgressListener} that records what it is told, for the progress tests. */
final class RecordingProgress implements ProgressListener {

    long total = -1;
    final List<Long> seen = new ArrayList<>();
    int finished;

    @Override
    public void start(String task, long total) {
        this.total = total;
    }

    @Override
    public void advance(long done) {
        seen.add(done);
    }

    @Override
    public void finish() {
        finished++;
    }
}
