package org.pinn4j.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pinn4j.autodiff.taylor.BatchEvaluator;
import org.pinn4j.autodiff.taylor.NetworkSpec;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Program;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.problem.Condition;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.ResidualRefinement;
import org.pinn4j.core.sampling.ResidualResampling;
import org.pinn4j.core.sampling.Samplers;

/**
 * The conditions of a run and their points: compiles each condition into a loss term planned for exactly the
 * derivatives it reads, gives it a seeded sampler, draws (or loads) its points and their data columns, redraws
 * them on resampling, grows them by residual-based refinement, and puts a checkpoint's points back.
 */
final class TrainingConditions {
    private final Problem problem;
    /** One per condition, in the problem's order. */
    final ConditionState[] states;
    /** What looks like a mistake but is not refused (see {@link Trainer#warnings()}). */
    final List<String> warnings = new java.util.ArrayList<>();

    /** Compiles every condition of {@code problem} for {@code spec} and draws its first points. */
    TrainingConditions(Problem problem, Recipe recipe, NetworkSpec spec, int coefficientOffset, SplittableRandom rng) {
        this.problem = problem;
        List<Condition> conditions = problem.conditions();
        this.states = new ConditionState[conditions.size()];
        for (int i = 0; i < states.length; i++) {
            Condition cond = conditions.get(i);
            Program program = program(cond);
            warn(cond, program, spec);
            LossTerm term = compile(cond, new BoundProgram(program, spec, recipe.tileSize(), coefficientOffset));
            states[i] = new ConditionState(
                    cond, term, Samplers.create(recipe.sampler(), rng.split().nextLong() & Long.MAX_VALUE));
            sample(i);
        }
        requirePoints();
    }

    /**
     * Refuses a problem none of whose conditions has a point (its loss is 0 whatever the parameters: a run would
     * "complete" without training) and warns about each condition without points (it adds nothing to the loss).
     */
    private void requirePoints() {
        List<String> empty = new java.util.ArrayList<>();
        for (ConditionState c : states) {
            if (c.points.size() == 0) {
                empty.add(c.condition.name());
            }
        }
        if (!empty.isEmpty() && empty.size() == states.length) {
            throw new IllegalArgumentException("problem '" + problem.name() + "': "
                    + (states.length == 1
                            ? "its condition '" + empty.get(0) + "' has 0 points"
                            : "all its conditions " + empty + " have 0 points")
                    + ", so there is nothing to train on; give a condition points, e.g. withPoints(1000)");
        }
        for (String name : empty) {
            warnings.add("condition '" + name + "' has 0 points: it adds nothing to the loss");
        }
    }

    /**
     * A relu network under a condition with second or higher derivatives (zero almost everywhere: the condition
     * cannot be learned), and the initial slice of a domain without a time axis (its last input is held at its lower
     * bound, which may not be what was meant).
     */
    private void warn(Condition cond, Program program, NetworkSpec spec) {
        int order = 0;
        for (org.pinn4j.autodiff.taylor.MultiIndex m : program.derivatives()) {
            order = Math.max(order, m.order());
        }
        boolean relu = false;
        for (int l = 0; l + 1 < spec.layers(); l++) {
            relu |= spec.activation(l) == org.pinn4j.autodiff.Activation.RELU;
        }
        if (relu && order >= 2) {
            warnings.add("condition '" + cond.name() + "' uses derivatives of order " + order
                    + ", but the network has relu layers, whose second derivative is zero almost everywhere: use tanh,"
                    + " sin or silu");
        }
        if (cond.region().initialSlice() && !(problem.domain() instanceof org.pinn4j.core.geometry.GeometryXTime)) {
            List<String> inputs = problem.inputs();
            warnings.add("condition '" + cond.name() + "' is on the initial slice, but the domain is not a"
                    + " GeometryXTime: its last input '" + inputs.get(inputs.size() - 1) + "' is taken as time and held"
                    + " at " + problem.domain().lower()[inputs.size() - 1]);
        }
    }

    private Program program(Condition cond) {
        Scope scope = problem.newScope(problem.columnNames(cond));
        List<Field> fields = cond.expressions(scope);
        return Program.compile(fields);
    }

    private LossTerm compile(Condition cond, BoundProgram bound) {
        if (cond.kind() == Condition.Kind.PERIODIC) {
            int axis = problem.inputs().indexOf(cond.periodicInput());
            return new PeriodicTerm(
                    bound,
                    axis,
                    problem.domain().lower()[axis],
                    problem.domain().upper()[axis]);
        }
        List<String> cols = problem.columnNames(cond);
        int[] targets = new int[cond.targetColumns().size()];
        for (int t = 0; t < targets.length; t++) {
            targets[t] = cols.indexOf(cond.targetColumns().get(t));
        }
        return new PointTerm(cond.name(), cond.weight(), bound, cond.loss(), targets);
    }

    /** The conditions' names, in order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (ConditionState s : states) {
            names.add(s.condition.name());
        }
        return names;
    }

    /** Index of the condition called {@code name}. */
    int indexOf(String name) {
        for (int i = 0; i < states.length; i++) {
            if (states[i].condition.name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no condition named '" + name + "'; conditions are " + names());
    }

    /** Draws (or, for fixed regions, loads once) the points of condition i and hands them to its term. */
    private void sample(int i) {
        Condition cond = states[i].condition;
        if (states[i].points != null && cond.region().fixed()) {
            return;
        }
        states[i].drawState = states[i].sampler.state();
        setPointSet(i, cond.region().sample(problem.domain(), cond.points(), states[i].sampler));
    }

    /** Makes {@code ps} the points of condition i: computes its columns and hands both to its term. */
    private void setPointSet(int i, PointSet ps) {
        Condition cond = states[i].condition;
        if (ps.dimension() != problem.inputs().size()) {
            throw new IllegalArgumentException("condition '" + cond.name() + "': its points have " + ps.dimension()
                    + " coordinates; the problem has " + problem.inputs().size() + " inputs " + problem.inputs());
        }
        states[i].points = ps;
        if (cond.kind() == Condition.Kind.PERIODIC) {
            states[i].term.setPoints(ps, null);
            return;
        }
        double[][] cols = cond.columns().of(ps);
        int expected = problem.columnNames(cond).size();
        if (cols.length != expected) {
            throw new IllegalArgumentException("condition '" + cond.name() + "' produced " + cols.length
                    + " data columns; expected " + expected + " " + problem.columnNames(cond));
        }
        states[i].columns = cols;
        states[i].term.setPoints(ps, cols);
    }

    /** Draws new points for every condition on a sampled (not fixed) region. */
    void resampleAll() {
        for (int i = 0; i < states.length; i++) {
            if (!states[i].condition.region().fixed()) {
                sample(i);
            }
        }
    }

    /**
     * Draws new points for every condition on a sampled region: uniformly when {@code how} is null, otherwise each
     * sampled pointwise condition whose points carry no normals (so not a boundary's) by its residual at
     * {@code params} (a pool of {@code poolFactor} times its point count, drawn uniformly, then its point count of
     * them by the RAD weights) and the others uniformly. The chosen points are kept explicitly (checkpoints hold
     * them); the draw from the pool is seeded by the sampler's state before the pool, so a resumed run draws the
     * same points.
     */
    void resampleAll(Phase.ResidualSampling how, BatchEvaluator evaluator, double[] params) {
        if (how == null) {
            resampleAll();
            return;
        }
        for (int i = 0; i < states.length; i++) {
            Condition cond = states[i].condition;
            if (cond.region().fixed()) {
                continue;
            }
            // points with normals (boundaries) stay uniform: checkpoints keep explicit points without normals
            if (cond.kind() != Condition.Kind.POINTWISE || states[i].points.hasNormals()) {
                sample(i);
                continue;
            }
            int keep = cond.points();
            int candidates;
            try {
                candidates = Math.multiplyExact(keep, how.poolFactor());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("condition '" + cond.name() + "': a pool of " + how.poolFactor()
                        + " x " + keep + " candidates is more than 2^31 - 1 points; use a smaller pool factor");
            }
            long before = states[i].sampler.state();
            PointSet pool = cond.region().sample(problem.domain(), candidates, states[i].sampler);
            setPointSet(i, pool);
            double[] weights = ResidualResampling.weights(
                    states[i].term.pointScores(evaluator, params), how.power(), how.offset());
            int[] chosen = ResidualResampling.drawWithoutReplacement(
                    weights, Math.min(keep, pool.size()), new SplittableRandom(before * 0x9E3779B97F4A7C15L + i));
            Arrays.sort(chosen);
            states[i].drawState = before;
            setPointSet(i, pool.subset(chosen));
            states[i].refined = true;
        }
    }

    /** Whether condition i takes attention multipliers: sampled pointwise expressions on the interior. */
    private boolean attentive(int i) {
        Condition cond = states[i].condition;
        return cond.kind() == Condition.Kind.POINTWISE
                && !cond.region().fixed()
                && cond.region().isInterior();
    }

    /**
     * Gives every sampled pointwise condition on the interior attention multipliers for its current points: those
     * of {@code resume} when it holds them, else {@code how.initial()} per point.
     */
    void attachMultipliers(Phase.ResidualAttention how, RunSnapshot resume) {
        for (int i = 0; i < states.length; i++) {
            if (!attentive(i)) {
                continue;
            }
            double[] restored =
                    resume == null ? null : resume.conditions().get(i).multipliers();
            double[] m = restored != null ? restored.clone() : new double[states[i].term.count()];
            if (restored == null) {
                Arrays.fill(m, how.initial());
            }
            states[i].multipliers = m;
            ((PointTerm) states[i].term).setMultipliers(m);
        }
    }

    /** After the phase's {@code step}-th step (1-based): each condition's multipliers from that step's residuals. */
    void updateMultipliers(Phase.ResidualAttention how, long step) {
        for (ConditionState c : states) {
            if (c.multipliers != null) {
                AttentionMultipliers.update(c.multipliers, ((PointTerm) c.term).residualNorms(), how, step);
            }
        }
    }

    /** Removes the attention multipliers: the terms are plain means again. */
    void detachMultipliers() {
        for (ConditionState c : states) {
            if (c.multipliers != null) {
                ((PointTerm) c.term).setMultipliers(null);
                c.multipliers = null;
            }
        }
    }

    /**
     * Residual-based adaptive refinement: draws a candidate pool from the condition's region and adds the
     * points with the largest residual norm at {@code params} to its points.
     */
    void refine(Phase.Refinement r, BatchEvaluator evaluator, double[] params) {
        int i = indexOf(r.condition());
        Condition cond = states[i].condition;
        if (cond.kind() != Condition.Kind.POINTWISE || cond.region().fixed()) {
            throw new IllegalArgumentException("condition '" + r.condition()
                    + "' cannot be refined: it needs a sampled region and pointwise expressions");
        }
        PointSet current = states[i].points;
        PointSet pool = cond.region().sample(problem.domain(), r.candidates(), states[i].sampler);
        setPointSet(i, pool);
        double[] scores = states[i].term.pointScores(evaluator, params);
        PointSet chosen = ResidualRefinement.selectTop(pool, scores, r.add());
        setPointSet(i, current.concat(chosen));
        states[i].refined = true;
    }

    /**
     * Puts back the points a snapshot describes, after {@link RunState#restore} has restored the samplers:
     * the refined points it holds, or a redraw from the sampler state before the last draw.
     */
    void restorePoints(RunSnapshot s) {
        for (int i = 0; i < states.length; i++) {
            double[][] explicit = s.conditions().get(i).refinedPoints();
            if (explicit != null) {
                states[i].refined = true;
                setPointSet(i, new PointSet(explicit));
            } else {
                states[i].points = null;
                sample(i);
            }
        }
    }
}
