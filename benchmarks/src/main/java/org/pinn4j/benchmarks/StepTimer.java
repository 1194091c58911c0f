package org.pinn4j.benchmarks;

import java.util.Locale;

/**
 * Plain timer for side-by-side runs with the PyTorch peer, which reports the mean of N Adam steps after
 * 5 warm-up steps: this does the same (after a longer warm-up for the JIT) with the JMH benchmark's step.
 * Usage: {@code java -cp benchmarks.jar org.pinn4j.benchmarks.StepTimer THREADS [POINTS] [STEPS]}; prints
 * {@code ms_per_step=<value>}.
 */
public final class StepTimer {
    private StepTimer() {}

    /** Times the Burgers step; see the class comment for arguments. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: StepTimer THREADS [POINTS] [STEPS]");
            System.exit(2);
        }
        BurgersStepBenchmark b = new BurgersStepBenchmark();
        b.threads = Integer.parseInt(args[0]);
        b.points = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        b.tile = 64;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        b.setUp();
        try {
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 5_000_000_000L) {
                b.step();
            }
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                b.step();
            }
            double ms = (System.nanoTime() - t0) / 1e6 / steps;
            System.out.println(
                    String.format(Locale.ROOT, "threads=%d points=%d ms_per_step=%.3f", b.threads, b.points, ms));
        } finally {
            b.tearDown();
        }
    }
}
