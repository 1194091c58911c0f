package org.pinn4j.core.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pinn4j.core.optim.GradientOptimizer;
import org.pinn4j.core.optim.LbfgsSettings;
import org.pinn4j.core.optim.LearningRateSchedule;
import org.pinn4j.core.optim.LevenbergMarquardtSettings;
import org.pinn4j.core.optim.OptimizerSettings;
import org.pinn4j.core.optim.QuasiNewtonSettings;
import org.pinn4j.core.optim.ScheduleSettings;

/**
 * One stretch of training with one optimizer: a first-order method for a number of steps (full batch)
 * or epochs of mini-batches, or L-BFGS for a number of iterations. A {@link Recipe} chains phases, so
 * "Adam then L-BFGS" is two phases. An immutable value: built from {@link OptimizerSettings} and
 * {@link ScheduleSettings}, it records every setting (model files and reports name them all) and equals
 * another phase with the same settings.
 *
 * <p>A <em>custom</em> phase is built from suppliers of optimizers and schedules ({@link #steps(Supplier,
 * Supplier, int, String)}, {@link #epochs(Supplier, Supplier, int, int, String)}): what the suppliers make is
 * not recorded, so it is described as {@code custom:<label>}, cannot be rebuilt from a file, and two custom
 * phases with the same label, mode and lengths count as equal (a resume compares only that).
 */
public final class Phase {
    /** How the phase iterates. */
    public enum Mode {
        /** Full-batch steps of a first-order optimizer, every point of every condition in each step. */
        STEPS,
        /** Epochs of mini-batches of a first-order optimizer. */
        EPOCHS,
        /** Full-batch L-BFGS iterations with a line search. */
        LBFGS,
        /** Full-batch BFGS iterations on a dense inverse-Hessian estimate, with a line search. */
        BFGS,
        /** Full-batch self-scaled Broyden iterations on a dense inverse-Hessian estimate, with a line search. */
        SSBROYDEN,
        /** Full-batch Levenberg-Marquardt iterations on the exact residual Jacobian. */
        LEVENBERG_MARQUARDT;

        /** The method's name in messages and descriptions: "L-BFGS", "BFGS", "SSBroyden", else empty. */
        public String methodName() {
            return switch (this) {
                case LBFGS -> "L-BFGS";
                case BFGS -> "BFGS";
                case SSBROYDEN -> "SSBroyden";
                case LEVENBERG_MARQUARDT -> "Levenberg-Marquardt";
                default -> "";
            };
        }

        /** Whether the phase is a quasi-Newton method (L-BFGS, BFGS, self-scaled Broyden). */
        public boolean quasiNewton() {
            return this == LBFGS || this == BFGS || this == SSBROYDEN;
        }

        /**
         * Whether the phase counts iterations of a full-batch second-order method: a quasi-Newton method or
         * Levenberg-Marquardt (run by the same phase runner, restarts included).
         */
        public boolean iterative() {
            return quasiNewton() || this == LEVENBERG_MARQUARDT;
        }
    }

    /**
     * Residual-based adaptive refinement: every {@code every} steps, draw {@code candidates} points of the
     * condition's region, and add the {@code add} with the largest residual to its points.
     *
     * @param condition name of the condition to refine
     * @param every     steps between refinements
     * @param candidates size of the candidate pool
     * @param add       points added per refinement
     */
    public record Refinement(String condition, int every, int candidates, int add) {
        /** Checks the sizes. */
        public Refinement {
            if (every < 1 || candidates < 1 || add < 1 || add > candidates) {
                throw new IllegalArgumentException("refinement of '" + condition
                        + "' needs every >= 1, candidates >= 1 and " + "1 <= add <= candidates; got every " + every
                        + ", candidates " + candidates + ", add " + add);
            }
        }
    }

    /**
     * Residual-based resampling (RAD, {@link org.pinn4j.core.sampling.ResidualResampling}): at each resampling,
     * every sampled pointwise condition without normals (interior and initial points; boundaries stay uniform)
     * draws {@code poolFactor} times its point count as candidates and keeps its point count of them, drawn without
     * replacement with probability proportional to |r|^power / mean(|r|^power) + offset at the current parameters;
     * other conditions are redrawn uniformly as before.
     *
     * @param power      k &gt;= 0 (1 in Wu et al.'s recommended default)
     * @param offset     c &gt;= 0 (1 in the default; 0: by the residual alone)
     * @param poolFactor candidates per point kept, &gt;= 1
     */
    public record ResidualSampling(double power, double offset, int poolFactor) {
        /** Checks the values. */
        public ResidualSampling {
            if (!(power >= 0)
                    || Double.isInfinite(power)
                    || !(offset >= 0)
                    || Double.isInfinite(offset)
                    || poolFactor < 1) {
                throw new IllegalArgumentException("residual-based resampling needs a finite power >= 0, a finite"
                        + " offset >= 0 and a pool factor >= 1, e.g. (1, 1, 10); got power " + power + ", offset "
                        + offset + ", pool factor " + poolFactor);
            }
        }

        /** Wu et al.'s default RAD: power 1, offset 1, a pool of 10 candidates per point. */
        public static ResidualSampling defaults() {
            return new ResidualSampling(1, 1, 10);
        }

        /** E.g. "residual-based (power 1, offset 1, pool 10x)". */
        public String describe() {
            return "residual-based (power " + plain(power) + ", offset " + plain(offset) + ", pool " + poolFactor
                    + "x)";
        }

        private static String plain(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * Residual-based attention (RBA, Anagnostopoulos et al. 2024; the vRBA code of Toscano et al.): every sampled
     * pointwise condition on the domain's interior (the PDE residuals) gets a multiplier lambda_i per point, and
     * its loss becomes the mean of the point loss of lambda_i r_i, (lambda_i r_i)^2 for a mean squared error, as the
     * vRBA code has it. After each step, lambda_i &lt;- gamma lambda_i + eta q_i / max_j q_j with q_i = |r_i| (the
     * linear rule) or q_i = exp(beta |r_i|), beta = log(k + 2) / max_j |r_j| at the phase's k-th step (the
     * exponential rule), so lambda stays below max(initial, eta / (1 - gamma)). The residuals are those of the
     * step's own loss pass (no extra pass): the multipliers of step k come from the residuals at step k - 1, where
     * the vRBA code recomputes them at step k. Full-batch first-order phases only (a quasi-Newton line search needs
     * a fixed objective: there, draw points by the residual with {@link #resampleByResidual}); new points from
     * resampling start again at {@code initial}.
     *
     * @param exponential the exponential rule instead of the linear one
     * @param gamma the memory, 0 &lt;= gamma &lt; 1 (0.999)
     * @param eta the step, &gt; 0 (0.01)
     * @param initial every multiplier's value at the phase's start and on new points, &gt;= 0
     */
    public record ResidualAttention(boolean exponential, double gamma, double eta, double initial) {
        /** Checks the values. */
        public ResidualAttention {
            if (!(gamma >= 0 && gamma < 1)
                    || !(eta > 0)
                    || Double.isInfinite(eta)
                    || !(initial >= 0)
                    || Double.isInfinite(initial)) {
                throw new IllegalArgumentException("residual-based attention needs 0 <= gamma < 1, a finite eta > 0"
                        + " and a finite initial multiplier >= 0, e.g. (0.999, 0.01, 1); got gamma " + gamma
                        + ", eta " + eta + ", initial " + initial);
            }
        }

        /** The linear rule with gamma 0.999, eta 0.01, multipliers starting at 1. */
        public static ResidualAttention linear() {
            return new ResidualAttention(false, 0.999, 0.01, 1.0);
        }

        /** The exponential rule with gamma 0.999, eta 0.01, multipliers starting at 1. */
        public static ResidualAttention exponentialRule() {
            return new ResidualAttention(true, 0.999, 0.01, 1.0);
        }

        /** E.g. "residual-based attention (linear, gamma 0.999, eta 0.01, initial 1.0)". */
        public String describe() {
            return "residual-based attention (" + (exponential ? "exponential" : "linear") + ", gamma " + gamma
                    + ", eta " + eta + ", initial " + initial + ")";
        }
    }

    /** The fields of a phase, copied and changed by the {@code with}-style methods. */
    private static final class Fields implements Cloneable {
        Mode mode;
        OptimizerSettings optimizer;
        ScheduleSettings schedule;
        Supplier<GradientOptimizer> customOptimizer;
        Supplier<LearningRateSchedule> customSchedule;
        LbfgsSettings lbfgs;
        QuasiNewtonSettings quasiNewton;
        LevenbergMarquardtSettings levenbergMarquardt;
        int length;
        int batchSize;
        Map<String, Integer> conditionBatchSizes = Map.of();
        int resampleEvery;
        ResidualSampling residualSampling;
        String label;
        Refinement refinement;
        ResidualAttention attention;

        Fields copy() {
            try {
                return (Fields) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Fields f;

    private Phase(Fields f) {
        String label = f.label;
        if (f.length < 1) {
            throw new IllegalArgumentException(
                    label + ": " + (f.mode == Mode.EPOCHS ? "epochs" : f.mode.iterative() ? "iterations" : "steps")
                            + " must be >= 1; got " + f.length);
        }
        if (f.mode == Mode.EPOCHS && f.batchSize < 1) {
            throw new IllegalArgumentException(label + ": batch size must be >= 1; got " + f.batchSize);
        }
        if (!f.conditionBatchSizes.isEmpty() && f.mode != Mode.EPOCHS) {
            throw new IllegalArgumentException(label + ": batch sizes per condition need a phase of epochs"
                    + " (Phase.epochs); this phase is " + f.mode);
        }
        if (f.resampleEvery < 0) {
            throw new IllegalArgumentException(
                    label + ": resample interval must be >= 0 (0 = never); got " + f.resampleEvery);
        }
        if (f.refinement != null && f.mode != Mode.STEPS) {
            throw new IllegalArgumentException(
                    label + ": residual-based refinement works with full-batch steps; this phase is " + f.mode);
        }
        if (f.residualSampling != null && (f.resampleEvery == 0 || f.mode == Mode.EPOCHS)) {
            throw new IllegalArgumentException(label + ": residual-based resampling needs resampling every k > 0"
                    + " steps or iterations of a full-batch phase; got every " + f.resampleEvery + " in " + f.mode);
        }
        if (f.attention != null && f.mode != Mode.STEPS) {
            throw new IllegalArgumentException(label + ": residual-based attention works with full-batch first-order"
                    + " steps (Phase.adam, Phase.steps); this phase is " + f.mode
                    + (f.mode.iterative()
                            ? ", whose line search needs a fixed objective: use resampleByResidual instead"
                            : ""));
        }
        if (f.attention != null && f.refinement != null) {
            throw new IllegalArgumentException(
                    label + ": residual-based attention and refinement together are not supported; use one of them");
        }
        if (f.refinement != null && f.resampleEvery > 0) {
            throw new IllegalArgumentException(
                    label + ": refinement and resampling both replace points; use one of them");
        }
        this.f = f;
    }

    private Phase with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new Phase(copy);
    }

    private static Phase firstOrder(
            Mode mode, OptimizerSettings optimizer, ScheduleSettings schedule, int length, int batchSize) {
        Fields f = new Fields();
        f.mode = mode;
        f.optimizer = Objects.requireNonNull(optimizer, "optimizer settings");
        f.schedule = Objects.requireNonNull(schedule, "schedule settings");
        f.length = length;
        f.batchSize = batchSize;
        f.label = optimizer.name();
        return new Phase(f);
    }

    private static Phase custom(
            Mode mode,
            Supplier<GradientOptimizer> optimizer,
            Supplier<LearningRateSchedule> schedule,
            int length,
            int batchSize,
            String label) {
        Fields f = new Fields();
        f.mode = mode;
        f.customOptimizer = Objects.requireNonNull(optimizer, "optimizer supplier");
        f.customSchedule = Objects.requireNonNull(schedule, "schedule supplier");
        f.length = length;
        f.batchSize = batchSize;
        f.label = label;
        return new Phase(f);
    }

    /** Adam (beta1 0.9, beta2 0.999, eps 1e-8) with a constant learning rate, full batch, labelled "adam". */
    public static Phase adam(int steps, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "adam: learning rate " + learningRate + " must be a positive finite number, e.g. 1e-3");
        }
        return steps(OptimizerSettings.adam(), new ScheduleSettings.Constant(learningRate), steps);
    }

    /** A built-in first-order optimizer and schedule, full batch, labelled with the optimizer's name. */
    public static Phase steps(OptimizerSettings optimizer, ScheduleSettings schedule, int steps) {
        return firstOrder(Mode.STEPS, optimizer, schedule, steps, 0);
    }

    /**
     * Epochs of mini-batches of a built-in first-order optimizer and schedule, labelled with the optimizer's name.
     * An epoch has B = ceil(n_max / batchSize) steps, n_max the largest pointwise condition's point count; every
     * epoch reshuffles each condition's points and splits them into B near-equal slices, so a step takes n_i / B
     * points of condition i (the largest condition about {@code batchSize}, a condition of 100 points next to 1,000
     * residual points 10 of them at batch size 100) and an epoch sees every point once. {@link #withBatchSize} gives
     * a condition its own size. Periodic conditions are evaluated whole.
     */
    public static Phase epochs(OptimizerSettings optimizer, ScheduleSettings schedule, int epochs, int batchSize) {
        return firstOrder(Mode.EPOCHS, optimizer, schedule, epochs, batchSize);
    }

    /**
     * A custom first-order phase, full batch: the suppliers give fresh instances per run. What they make is not
     * recorded (see the class comment); prefer {@link #steps(OptimizerSettings, ScheduleSettings, int)}.
     */
    public static Phase steps(
            Supplier<GradientOptimizer> optimizer, Supplier<LearningRateSchedule> schedule, int steps, String label) {
        return custom(Mode.STEPS, optimizer, schedule, steps, 0, label);
    }

    /**
     * A custom phase of epochs of mini-batches: the suppliers give fresh instances per run. What they make is
     * not recorded (see the class comment); prefer {@link #epochs(OptimizerSettings, ScheduleSettings, int, int)}.
     */
    public static Phase epochs(
            Supplier<GradientOptimizer> optimizer,
            Supplier<LearningRateSchedule> schedule,
            int epochs,
            int batchSize,
            String label) {
        return custom(Mode.EPOCHS, optimizer, schedule, epochs, batchSize, label);
    }

    /** L-BFGS (strong-Wolfe line search) with the default settings for at most {@code iterations} iterations. */
    public static Phase lbfgs(int iterations) {
        return lbfgs(iterations, LbfgsSettings.defaults());
    }

    /** L-BFGS (strong-Wolfe line search) with the given settings for at most {@code iterations} iterations. */
    public static Phase lbfgs(int iterations, LbfgsSettings settings) {
        Fields f = new Fields();
        f.mode = Mode.LBFGS;
        f.lbfgs = Objects.requireNonNull(settings, "L-BFGS settings");
        f.length = iterations;
        f.label = "lbfgs";
        return new Phase(f);
    }

    /**
     * BFGS on a dense N x N inverse-Hessian estimate (N the parameter count: 8 N^2 bytes of heap) with a
     * strong-Wolfe line search, default settings, at most {@code iterations} iterations.
     */
    public static Phase bfgs(int iterations) {
        return denseQuasiNewton(Mode.BFGS, iterations, QuasiNewtonSettings.defaults());
    }

    /**
     * The self-scaled Broyden method of Urban et al. 2025 on a dense N x N inverse-Hessian estimate, with a
     * strong-Wolfe line search, default settings, at most {@code iterations} iterations.
     */
    public static Phase ssbroyden(int iterations) {
        return denseQuasiNewton(Mode.SSBROYDEN, iterations, QuasiNewtonSettings.defaults());
    }

    /** BFGS ({@code Mode.BFGS}) or self-scaled Broyden ({@code Mode.SSBROYDEN}) with the given settings. */
    public static Phase denseQuasiNewton(Mode mode, int iterations, QuasiNewtonSettings settings) {
        if (mode != Mode.BFGS && mode != Mode.SSBROYDEN) {
            throw new IllegalArgumentException("a dense quasi-Newton phase is BFGS or SSBROYDEN; got " + mode);
        }
        Fields f = new Fields();
        f.mode = mode;
        f.quasiNewton = Objects.requireNonNull(settings, "quasi-Newton settings");
        f.length = iterations;
        f.label = mode == Mode.BFGS ? "bfgs" : "ssbroyden";
        return new Phase(f);
    }

    /**
     * Levenberg-Marquardt on the exact Jacobian of the residuals (every condition's per-point residuals, each
     * block scaled by sqrt(weight / points)), default settings, at most {@code iterations} iterations. Needs the
     * m x N Jacobian (m residuals, N parameters) and two N x N matrices in the heap, and point losses that are
     * mean squared errors.
     */
    public static Phase levenbergMarquardt(int iterations) {
        return levenbergMarquardt(iterations, LevenbergMarquardtSettings.defaults());
    }

    /** Levenberg-Marquardt with the given settings for at most {@code iterations} iterations. */
    public static Phase levenbergMarquardt(int iterations, LevenbergMarquardtSettings settings) {
        Fields f = new Fields();
        f.mode = Mode.LEVENBERG_MARQUARDT;
        f.levenbergMarquardt = Objects.requireNonNull(settings, "Levenberg-Marquardt settings");
        f.length = iterations;
        f.label = "lm";
        return new Phase(f);
    }

    /**
     * The iterative phase named {@code name} (lbfgs, bfgs, ssbroyden, or lm for Levenberg-Marquardt) with its
     * default settings and at most {@code iterations} iterations.
     *
     * @throws IllegalArgumentException for another name, listing the four
     */
    public static Phase quasiNewton(String name, int iterations) {
        return switch (name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "lbfgs" -> lbfgs(iterations);
            case "bfgs" -> bfgs(iterations);
            case "ssbroyden" -> ssbroyden(iterations);
            case "lm" -> levenbergMarquardt(iterations);
            default ->
                throw new IllegalArgumentException(
                        "unknown quasi-Newton method '" + name + "'; expected one of lbfgs, bfgs, ssbroyden, lm");
        };
    }

    /**
     * Copy of a phase of epochs in which condition {@code condition} takes {@code size} points per step (the last
     * slice of a pass may be smaller): its own shuffled pass through its points lasts ceil(n / size) steps and starts
     * again, reshuffled, when done; the epoch's length counts ceil(n / size) too, so B = max over conditions of
     * ceil(n_i / b_i). The other conditions keep the phase's rule.
     *
     * @throws IllegalArgumentException unless this is a phase of epochs and size &gt;= 1
     */
    public Phase withBatchSize(String condition, int size) {
        if (condition == null || condition.isEmpty()) {
            throw new IllegalArgumentException(f.label + ": batch size needs a condition name");
        }
        if (size < 1) {
            throw new IllegalArgumentException(
                    f.label + ": batch size of condition '" + condition + "' must be >= 1; got " + size);
        }
        return with(c -> {
            Map<String, Integer> m = new TreeMap<>(c.conditionBatchSizes);
            m.put(condition, size);
            c.conditionBatchSizes = Collections.unmodifiableMap(m);
        });
    }

    /** Batch sizes given to single conditions by {@link #withBatchSize}, by condition name (empty by default). */
    public Map<String, Integer> conditionBatchSizes() {
        return f.conditionBatchSizes;
    }

    /**
     * Points of each pointwise condition a step of this phase uses, given each one's point count: all of them in
     * full-batch phases; in a phase of epochs the largest slice of the rule above.
     */
    public Map<String, Integer> pointsPerStep(Map<String, Integer> pointsOfEachCondition) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (f.mode != Mode.EPOCHS) {
            out.putAll(pointsOfEachCondition);
            return out;
        }
        int batches = batchesPerEpoch(pointsOfEachCondition);
        pointsOfEachCondition.forEach((name, n) -> {
            Integer own = f.conditionBatchSizes.get(name);
            int slices = own == null ? batches : Math.max(1, (n + own - 1) / own);
            out.put(name, (int) (((long) n + slices - 1) / slices));
        });
        return out;
    }

    /** Steps per epoch: max over the pointwise conditions of ceil(n_i / b_i) (at least 1). */
    int batchesPerEpoch(Map<String, Integer> pointsOfEachCondition) {
        int max = 1;
        for (Map.Entry<String, Integer> e : pointsOfEachCondition.entrySet()) {
            int b = f.conditionBatchSizes.getOrDefault(e.getKey(), f.batchSize);
            max = Math.max(max, (e.getValue() + b - 1) / b);
        }
        return max;
    }

    /** Copy that resamples the non-fixed conditions' points every k steps (0 = never), uniformly. */
    public Phase resampleEvery(int k) {
        return with(c -> {
            c.resampleEvery = k;
            c.residualSampling = null;
        });
    }

    /**
     * Copy that resamples every k steps or iterations (k &gt;= 1), each sampled pointwise condition by its
     * residual ({@link ResidualSampling}); full-batch phases only.
     */
    public Phase resampleByResidual(int k, ResidualSampling how) {
        Objects.requireNonNull(how, "residual sampling settings");
        return with(c -> {
            c.resampleEvery = k;
            c.residualSampling = how;
        });
    }

    /** Copy that resamples as {@code other} does: the same interval, uniform or by the residual. */
    public Phase resamplingAs(Phase other) {
        return with(c -> {
            c.resampleEvery = other.f.resampleEvery;
            c.residualSampling = other.f.residualSampling;
        });
    }

    /** The residual-based resampling settings, or null when resampling (if any) is uniform. */
    public ResidualSampling residualSampling() {
        return f.residualSampling;
    }

    /** Copy with residual-based adaptive refinement of one condition (full-batch step phases only). */
    public Phase refine(String condition, int every, int candidates, int add) {
        Refinement r = new Refinement(condition, every, candidates, add);
        return with(c -> c.refinement = r);
    }

    /** Copy whose PDE residuals are weighted by residual-based attention ({@link ResidualAttention}). */
    public Phase withResidualAttention(ResidualAttention how) {
        Objects.requireNonNull(how, "residual-based attention settings");
        return with(c -> c.attention = how);
    }

    /** The residual-based attention settings, or null. */
    public ResidualAttention residualAttention() {
        return f.attention;
    }

    /**
     * Copy with another length: steps, epochs or iterations, as the phase counts them. An iterative phase made
     * longer keeps its evaluations per iteration: its evaluation limit grows in proportion (18,750 evaluations for
     * 11,000 iterations become 37,500 for 22,000), so the longer run is not stopped where the shorter one would
     * have been; a shorter one keeps its limit.
     *
     * @throws IllegalArgumentException if {@code length} &lt; 1
     */
    public Phase withLength(int length) {
        int before = f.length;
        return with(c -> {
            c.length = length;
            if (length > before) {
                if (c.lbfgs != null) {
                    c.lbfgs = c.lbfgs.withMaxEvaluations(scaled(c.lbfgs.maxEvaluations(), length, before));
                }
                if (c.quasiNewton != null) {
                    c.quasiNewton =
                            c.quasiNewton.withMaxEvaluations(scaled(c.quasiNewton.maxEvaluations(), length, before));
                }
                if (c.levenbergMarquardt != null) {
                    c.levenbergMarquardt = c.levenbergMarquardt.withMaxEvaluations(
                            scaled(c.levenbergMarquardt.maxEvaluations(), length, before));
                }
            }
        });
    }

    /** {@code limit} times {@code length / before}, rounded up, at most Integer.MAX_VALUE. */
    private static int scaled(int limit, int length, int before) {
        return (int) Math.min(Integer.MAX_VALUE, -Math.floorDiv(-(long) limit * length, before));
    }

    /**
     * Copy of a built-in first-order phase ({@link #adam}, {@link #steps(OptimizerSettings, ScheduleSettings, int)},
     * {@link #epochs(OptimizerSettings, ScheduleSettings, int, int)}) whose schedule starts at {@code rate}.
     *
     * @throws IllegalArgumentException for a phase without a recorded schedule (quasi-Newton, Levenberg-Marquardt,
     *     custom) or a rate that is not a positive finite number
     */
    public Phase withLearningRate(double rate) {
        if (f.schedule == null) {
            throw new IllegalArgumentException(f.label + ": this phase has no learning rate to set (only Adam and the"
                    + " other built-in first-order phases have one)");
        }
        ScheduleSettings changed = f.schedule.withInitialRate(rate);
        return with(c -> c.schedule = changed);
    }

    /** Copy with another label (progress lines, history, charts). */
    public Phase withLabel(String label) {
        return with(c -> c.label = Objects.requireNonNull(label, "label"));
    }

    /** The refinement settings, or null. */
    public Refinement refinement() {
        return f.refinement;
    }

    /** Mode. */
    public Mode mode() {
        return f.mode;
    }

    /** Whether the phase was built from suppliers, so its optimizer and schedule are not recorded. */
    public boolean isCustom() {
        return f.customOptimizer != null;
    }

    /** The optimizer's settings (empty for L-BFGS and custom phases). */
    public Optional<OptimizerSettings> optimizerSettings() {
        return Optional.ofNullable(f.optimizer);
    }

    /** The schedule's settings (empty for L-BFGS and custom phases). */
    public Optional<ScheduleSettings> scheduleSettings() {
        return Optional.ofNullable(f.schedule);
    }

    /** The BFGS or self-scaled Broyden settings (empty for other phases). */
    public Optional<QuasiNewtonSettings> quasiNewtonSettings() {
        return Optional.ofNullable(f.quasiNewton);
    }

    /** The Levenberg-Marquardt settings (empty for other phases). */
    public Optional<LevenbergMarquardtSettings> levenbergMarquardtSettings() {
        return Optional.ofNullable(f.levenbergMarquardt);
    }

    /** The L-BFGS settings (empty for first-order phases). */
    public Optional<LbfgsSettings> lbfgsSettings() {
        return Optional.ofNullable(f.lbfgs);
    }

    /** A fresh optimizer (null for L-BFGS). */
    public GradientOptimizer newOptimizer() {
        if (f.optimizer != null) {
            return f.optimizer.create();
        }
        return f.customOptimizer == null ? null : f.customOptimizer.get();
    }

    /** A fresh schedule (null for L-BFGS). */
    public LearningRateSchedule newSchedule() {
        if (f.schedule != null) {
            return f.schedule.create();
        }
        return f.customSchedule == null ? null : f.customSchedule.get();
    }

    /** Steps, epochs or iterations. */
    public int length() {
        return f.length;
    }

    /** Mini-batch size (EPOCHS mode). */
    public int batchSize() {
        return f.batchSize;
    }

    /** Resampling interval in steps (0 = never). */
    public int resampleEvery() {
        return f.resampleEvery;
    }

    /** Label shown in progress lines, history and charts. */
    public String label() {
        return f.label;
    }

    /**
     * The first setting in which {@code other} differs from this phase, as "name: this value vs other value",
     * or empty when they are equal. Custom phases compare by label, mode and lengths only.
     */
    public Optional<String> firstDifference(Phase other) {
        Object[][] fields = {
            {"mode", f.mode, other.f.mode},
            {"label", f.label, other.f.label},
            {"custom", isCustom(), other.isCustom()},
            {lengthName(), f.length, other.f.length},
            {"batch size", f.batchSize, other.f.batchSize},
            {"batch sizes of conditions", f.conditionBatchSizes, other.f.conditionBatchSizes},
            {"resample every", f.resampleEvery, other.f.resampleEvery},
            {"residual-based resampling", f.residualSampling, other.f.residualSampling},
            {"refinement", f.refinement, other.f.refinement},
            {"residual-based attention", f.attention, other.f.attention},
            {"optimizer", describe(f.optimizer), describe(other.f.optimizer)},
            {"learning rate", describe(f.schedule), describe(other.f.schedule)},
            {
                "L-BFGS settings",
                f.lbfgs == null ? null : f.lbfgs.describe(),
                other.f.lbfgs == null ? null : other.f.lbfgs.describe()
            },
            {"quasi-Newton settings", describe(f.quasiNewton), describe(other.f.quasiNewton)},
            {
                "Levenberg-Marquardt settings",
                f.levenbergMarquardt == null ? null : f.levenbergMarquardt.describe(),
                other.f.levenbergMarquardt == null ? null : other.f.levenbergMarquardt.describe()
            }
        };
        for (Object[] field : fields) {
            if (!Objects.equals(field[1], field[2])) {
                return Optional.of(field[0] + ": " + field[1] + " vs " + field[2]);
            }
        }
        return Optional.empty();
    }

    private String lengthName() {
        return f.mode == Mode.EPOCHS ? "epochs" : f.mode.iterative() ? "iterations" : "steps";
    }

    private static String describe(OptimizerSettings o) {
        return o == null ? null : o.describe();
    }

    private static String describe(QuasiNewtonSettings q) {
        return q == null ? null : q.describe();
    }

    private static String describe(ScheduleSettings s) {
        return s == null ? null : s.describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Phase p && firstDifference(p).isEmpty();
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                f.mode,
                f.label,
                f.length,
                f.batchSize,
                f.conditionBatchSizes,
                f.resampleEvery,
                f.residualSampling,
                f.attention,
                f.optimizer,
                f.schedule,
                f.lbfgs,
                f.quasiNewton,
                f.levenbergMarquardt);
    }

    /**
     * Every setting, e.g. "adam 1000 steps: adam(beta1 0.9, beta2 0.999, eps 1.0E-8), learning rate
     * constant(rate 0.002)"; a custom phase is "custom:&lt;label&gt; 1000 steps".
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(isCustom() ? "custom:" : "");
        sb.append(f.mode.iterative() ? f.mode.methodName() : f.label)
                .append(' ')
                .append(f.length)
                .append(' ')
                .append(lengthName());
        if (f.mode == Mode.EPOCHS) {
            sb.append(", batch ").append(f.batchSize);
            f.conditionBatchSizes.forEach((name, size) -> sb.append(", batch ")
                    .append(size)
                    .append(" of '")
                    .append(name)
                    .append('\''));
        }
        if (f.optimizer != null) {
            sb.append(": ")
                    .append(f.optimizer.describe())
                    .append(", learning rate ")
                    .append(f.schedule.describe());
        }
        if (f.lbfgs != null) {
            sb.append(": ").append(f.lbfgs.describe());
        }
        if (f.quasiNewton != null) {
            sb.append(": ").append(f.quasiNewton.describe());
        }
        if (f.levenbergMarquardt != null) {
            sb.append(": ").append(f.levenbergMarquardt.describe());
        }
        if (f.resampleEvery > 0) {
            sb.append(", resample every ").append(f.resampleEvery);
            if (f.residualSampling != null) {
                sb.append(' ').append(f.residualSampling.describe());
            }
        }
        if (f.refinement != null) {
            Refinement r = f.refinement;
            sb.append(", refine '")
                    .append(r.condition())
                    .append("' every ")
                    .append(r.every())
                    .append(" (+")
                    .append(r.add())
                    .append(" of ")
                    .append(r.candidates())
                    .append(')');
        }
        if (f.attention != null) {
            sb.append(", ").append(f.attention.describe());
        }
        return sb.toString();
    }
}
