package org.pinn4j.core.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.sampling.PointSet;

/**
 * Mini-batches of the pointwise conditions for epoch phases: how many batches an epoch has (from the largest
 * pointwise condition), the shuffled order of a condition's points (a pure function of seed, phase, step and
 * condition, so a resumed run repeats it), handing a slice of that order to the condition's term, and giving
 * every term its full points back. Periodic conditions are always evaluated whole.
 */
final class MiniBatches {
    private final long seed;
    private final ConditionState[] states;

    MiniBatches(long seed, ConditionState[] states) {
        this.seed = seed;
        this.states = states;
    }

    /** Steps per epoch of an epoch phase: {@link Phase#batchesPerEpoch} of the pointwise conditions' counts. */
    int perEpoch(Phase phase) {
        return phase.batchesPerEpoch(pointCounts());
    }

    /** Point counts of the pointwise conditions, by name, in the problem's order. */
    java.util.Map<String, Integer> pointCounts() {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (ConditionState s : states) {
            if (s.condition.kind() == Condition.Kind.POINTWISE) {
                counts.put(s.condition.name(), s.points.size());
            }
        }
        return counts;
    }

    /** Shuffled order of condition i's points made at {@code phaseStep} of phase {@code ph}. */
    private int[] order(int ph, long phaseStep, int i) {
        SplittableRandom rng = new SplittableRandom(seed
                ^ (0x9E3779B97F4A7C15L * (ph + 1))
                ^ (0xBF58476D1CE4E5B9L * (phaseStep + 1))
                ^ (0x94D049BB133111EBL * (i + 1)));
        return permutation(states[i].points.size(), rng);
    }

    /**
     * The hook that sets each step's mini-batch in epoch phase {@code ph} ({@code phase}, {@code batches} steps per
     * epoch), starting at {@code firstStep}. Condition i passes through its points in {@code cycle[i]} steps: the
     * epoch's {@code batches}, or ceil(n / size) for a condition with its own batch size. At each pass's start it
     * gets a new shuffled order, and after a resample (every {@code resampleEvery} steps, 0 = never; the resampling
     * hook runs first) the redrawn conditions get one too, while fixed data keep their pass's order, so a pass sees
     * each datum once. A resumed phase starts with the orders that were in force at {@code firstStep}.
     */
    StepHook epochBatches(int ph, Phase phase, int batches, int resampleEvery, long firstStep) {
        int[] cycle = new int[states.length];
        for (int i = 0; i < states.length; i++) {
            Integer own = phase.conditionBatchSizes().get(states[i].condition.name());
            cycle[i] = own == null ? batches : Math.max(1, (states[i].points.size() + own - 1) / own);
        }
        int[][] order = new int[states.length][];
        for (int i = 0; i < states.length; i++) {
            if (firstStep % cycle[i] != 0) {
                long passStart = (firstStep / cycle[i]) * cycle[i];
                long lastResample = resampleEvery > 0
                        ? Math.max(passStart, ((firstStep - 1) / resampleEvery) * resampleEvery)
                        : passStart;
                order[i] = order(ph, states[i].condition.region().fixed() ? passStart : lastResample, i);
            }
        }
        return (q, evaluator) -> {
            boolean resampled = resampleEvery > 0 && q > 0 && q % resampleEvery == 0;
            for (int i = 0; i < states.length; i++) {
                if (q % cycle[i] == 0
                        || (resampled && !states[i].condition.region().fixed())) {
                    order[i] = order(ph, q, i);
                }
            }
            for (int i = 0; i < states.length; i++) {
                setBatch(i, order[i], (int) (q % cycle[i]), cycle[i]);
            }
        };
    }

    /** Hands slice b of batches of condition i's (shuffled) points to its term. */
    private void setBatch(int i, int[] order, int b, int batches) {
        ConditionState s = states[i];
        if (s.condition.kind() != Condition.Kind.POINTWISE) {
            return;
        }
        int n = order.length;
        int from = (int) ((long) b * n / batches);
        int to = (int) ((long) (b + 1) * n / batches);
        int[] idx = Arrays.copyOfRange(order, from, to);
        PointSet subset = s.points.subset(idx);
        double[][] cols = new double[s.columns.length][idx.length];
        for (int c = 0; c < cols.length; c++) {
            for (int p = 0; p < idx.length; p++) {
                cols[c][p] = s.columns[c][idx[p]];
            }
        }
        s.term.setPoints(subset, cols);
    }

    /** Gives every pointwise term all its points again. */
    void restoreFull() {
        for (ConditionState s : states) {
            if (s.condition.kind() == Condition.Kind.POINTWISE) {
                s.term.setPoints(s.points, s.columns);
            }
        }
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
