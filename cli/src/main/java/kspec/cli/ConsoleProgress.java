package kspec.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import kspec.core.progress.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows long work on stderr: a live progress bar on a terminal, or a line per 10% when stderr is
 * redirected (logs, CI). Nothing is shown for work that finishes within {@link #QUIET_PERIOD}; work
 * that outlasts it is shown from then on even if it reports no step (one LAPACK call, say): the bar
 * appears with its elapsed time, or a "running" line is printed.
 */
final class ConsoleProgress implements ProgressListener {

    /** Work shorter than this shows no progress at all. */
    static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kspec-progress");
        t.setDaemon(true);
        return t;
    });

    private final PrintStream err;
    private final boolean terminal;
    private String task;
    private long total;
    private long done;
    private long startNanos;
    private ProgressBar bar;
    private int lastDecile;
    private boolean shown;
    /** Counts started tasks, so that a reveal scheduled for an earlier task never shows a later one early. */
    private long generation;
    private ScheduledFuture<?> reveal;

    ConsoleProgress(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void start(String task, long total) {
        this.task = task;
        this.total = Math.max(1, total);
        this.done = 0;
        this.startNanos = System.nanoTime();
        this.bar = null;
        this.lastDecile = 0;
        this.shown = false;
        long current = ++generation;
        this.reveal = TIMER.schedule(() -> show(current), QUIET_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void advance(long done) {
        this.done = done;
        if (task == null || !shown) {
            return;
        }
        if (terminal) {
            bar.stepTo(done);
        } else {
            int decile = (int) (10 * done / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.printf("kspec: %s: %d%% (%.0f s)%n", task, 10 * decile, seconds());
            }
        }
    }

    /** Called once the quiet period of task {@code forGeneration} has passed; shows it if it still runs. */
    private synchronized void show(long forGeneration) {
        if (task == null || shown || forGeneration != generation) {
            return;
        }
        shown = true;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250).startsFrom(done, Duration.ofNanos(System.nanoTime() - startNanos)).build();
        } else {
            err.printf("kspec: %s: running (%.0f s)%n", task, seconds());
            advance(done);
        }
    }

    @Override
    public synchronized void finish() {
        if (reveal != null) {
            reveal.cancel(false);
            reveal = null;
        }
        if (bar != null) {
            bar.stepTo(done);
            bar.close();
            bar = null;
        }
        task = null;
        shown = false;
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
