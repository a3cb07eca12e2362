package kspec.cli;

import java.io.PrintStream;
import java.time.Duration;
import kspec.kernels.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows long work on stderr: a live progress bar on a terminal, or a line per 10% when stderr is
 * redirected (logs, CI). Nothing is shown for work that finishes within {@link #QUIET_PERIOD}.
 */
final class ConsoleProgress implements ProgressListener {

    /** Work shorter than this shows no progress at all. */
    static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    private final PrintStream err;
    private final boolean terminal;
    private String task;
    private long total;
    private long startNanos;
    private ProgressBar bar;
    private int lastDecile;

    ConsoleProgress(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null;
    }

    @Override
    public void start(String task, long total) {
        this.task = task;
        this.total = Math.max(1, total);
        this.startNanos = System.nanoTime();
        this.bar = null;
        this.lastDecile = 0;
    }

    @Override
    public void advance(long done) {
        if (System.nanoTime() - startNanos < QUIET_PERIOD.toNanos()) {
            return;
        }
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                        .setUpdateIntervalMillis(250).build();
            }
            bar.stepTo(done);
        } else {
            int decile = (int) (10 * done / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.printf("kspec: %s: %d%% (%.0f s)%n", task, 10 * decile, (System.nanoTime() - startNanos) / 1e9);
            }
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
