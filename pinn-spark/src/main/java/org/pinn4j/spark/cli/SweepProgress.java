package org.pinn4j.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pinn4j.spark.SweepRow;
import org.pinn4j.spark.SweepTask;
import org.pinn4j.spark.TaskRunner;

/**
 * The sweep's progress line on stderr, "sweep burgers: 5/16 tasks done (1 failed), 0:00:41 elapsed, ETA 0:01:30":
 * read from the rows the tasks write into the output directory (which the driver reaches, in local mode as on a
 * cluster), every 2 s while something changed, and once at the end.
 */
final class SweepProgress implements AutoCloseable {
    private final PrintWriter err;
    private final String problem;
    private final Path out;
    private final List<SweepTask> tasks;
    private final long start = System.nanoTime();
    private final long startMillis = System.currentTimeMillis() - 1000; // file times may be rounded to the second
    private final int doneBefore;
    private final ScheduledExecutorService timer;
    private String last = "";

    private SweepProgress(PrintWriter err, String problem, Path out, List<SweepTask> tasks) {
        this.err = err;
        this.problem = problem;
        this.out = out;
        this.tasks = tasks;
        this.doneBefore = counts()[0];
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sweep-progress");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reporting; tasks already finished in {@code out} count as done from the start. */
    static SweepProgress start(PrintWriter err, String problem, Path out, List<SweepTask> tasks) {
        SweepProgress p = new SweepProgress(err, problem, out, tasks);
        if (p.doneBefore > 0) {
            synchronized (p) {
                p.err.println("sweep " + problem + ": " + p.doneBefore + " of " + tasks.size() + " task(s) finished in "
                        + out + " before; they are not trained again");
                p.err.flush();
            }
        }
        p.timer.scheduleWithFixedDelay(p::report, 2, 2, TimeUnit.SECONDS);
        return p;
    }

    /** {done, failed} among the tasks' saved rows. */
    private int[] counts() {
        int done = 0;
        int failed = 0;
        for (SweepTask t : tasks) {
            Optional<SweepRow> r = TaskRunner.savedRow(out, t);
            if (r.isPresent()) {
                if (r.get().finished()) {
                    done++;
                } else if (r.get().status().equals(SweepRow.FAILED) && TaskRunner.rowWrittenAt(out, t) >= startMillis) {
                    done++;
                    failed++;
                }
            }
        }
        return new int[] {done, failed};
    }

    private synchronized void report() {
        int[] c = counts();
        String line = line(c[0], c[1]);
        String key = c[0] + "/" + c[1];
        if (!key.equals(last)) {
            last = key;
            err.println(line);
            err.flush();
        }
    }

    private String line(int done, int failed) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        int now = done - doneBefore;
        String eta = now > 0 && done < tasks.size() ? ", ETA " + clock(elapsed / now * (tasks.size() - done)) : "";
        return "sweep " + problem + ": " + done + "/" + tasks.size() + " tasks done (" + failed + " failed), "
                + clock(elapsed) + " elapsed" + eta;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            last = "";
            report();
        }
    }
}
