package org.pinn4j.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.validation.runner.RunSettings;

/**
 * What a sweep trains: a problem, its recipes, a grid of values of its parameters and run settings (every
 * combination), and seeds. Immutable; the {@code with...} methods return copies. {@link #tasks()} lists one
 * {@link SweepTask} per recipe x grid point x seed, in that order. The collocation points of a task depend only on
 * its seed and point count, so every configuration of a sweep with the same seed trains on the same points.
 *
 * <pre>{@code
 * Sweep s = Sweep.of("burgers").withGrid("nu", 0.01, 0.02).withGrid("width", 20, 30).withSeeds(2);
 * List<SweepRow> rows = SparkSweep.local(2).run(s, Path.of("runs/sweep"));
 * }</pre>
 */
public final class Sweep {
    private final String problem;
    private final ProblemFactory factory;
    private final List<String> recipes;
    private final Map<String, double[]> grid;
    private final long[] seeds;
    private final int threadsPerTask;
    private final int checkpointEvery;

    private Sweep(
            String problem,
            ProblemFactory factory,
            List<String> recipes,
            Map<String, double[]> grid,
            long[] seeds,
            int threadsPerTask,
            int checkpointEvery) {
        this.problem = problem;
        this.factory = factory;
        this.recipes = List.copyOf(recipes);
        this.grid = grid;
        this.seeds = seeds;
        this.threadsPerTask = threadsPerTask;
        this.checkpointEvery = checkpointEvery;
    }

    /** A sweep of the catalogue problem {@code name}: its default recipe, no grid, the recipe's seed, 1 thread. */
    public static Sweep of(String name) {
        return of(name, ProblemFactory.catalogue(name));
    }

    /** A sweep of the problem {@code factory} makes, named {@code name} in rows and messages. */
    public static Sweep of(String name, ProblemFactory factory) {
        if (name == null || name.isBlank() || factory == null) {
            throw new IllegalArgumentException("a sweep needs a problem name and a factory");
        }
        return new Sweep(name, factory, List.of(BenchmarkProblem.DEFAULT_RECIPE), new LinkedHashMap<>(), null, 1, 0);
    }

    /**
     * Copy that also sweeps {@code name} over {@code values}: one of the problem's parameters (e.g. burgers' nu) or
     * a run setting ({@link RunSettings}: width, depth, points, lr, steps). Checked against the problem in
     * {@link #tasks()}.
     */
    public Sweep withGrid(String name, double... values) {
        if (name == null || name.isBlank() || values == null || values.length == 0) {
            throw new IllegalArgumentException("a grid entry needs a name and at least one value");
        }
        if (grid.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is swept twice; give all its values at once");
        }
        Map<String, double[]> g = new LinkedHashMap<>(grid);
        g.put(name, values.clone());
        return new Sweep(problem, factory, recipes, g, seeds, threadsPerTask, checkpointEvery);
    }

    /** Copy training each of the problem's named recipes (default: "default"). */
    public Sweep withRecipes(String... names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("a sweep needs at least one recipe name");
        }
        return new Sweep(problem, factory, List.of(names), grid, seeds, threadsPerTask, checkpointEvery);
    }

    /** Copy training every configuration with each of these seeds (default: the recipe's own seed). */
    public Sweep withSeeds(long... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a sweep needs at least one seed");
        }
        return new Sweep(problem, factory, recipes, grid, values.clone(), threadsPerTask, checkpointEvery);
    }

    /** Copy with seeds 0, 1, ..., count - 1 (an ensemble). */
    public Sweep withSeeds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("seed count must be >= 1; got " + count);
        }
        long[] s = new long[count];
        for (int i = 0; i < count; i++) {
            s[i] = i;
        }
        return withSeeds(s);
    }

    /**
     * Copy whose tasks train on {@code threads} threads each; the sweep runs at most cores / threads tasks at once
     * (Spark's {@code spark.task.cpus}).
     */
    public Sweep withThreadsPerTask(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads per task must be >= 1; got " + threads);
        }
        return new Sweep(problem, factory, recipes, grid, seeds, threads, checkpointEvery);
    }

    /**
     * Copy whose tasks save their training state every {@code steps} steps, so a task cut off (a lost executor, a
     * stopped sweep) continues from there when the sweep runs again (0 = off: it starts over).
     */
    public Sweep withCheckpointEvery(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0 (0 = off); got " + steps);
        }
        return new Sweep(problem, factory, recipes, grid, seeds, threadsPerTask, steps);
    }

    /** What makes the problem. */
    public ProblemFactory factory() {
        return factory;
    }

    /** The problem's name. */
    public String problem() {
        return problem;
    }

    /** Threads of each task's trainer. */
    public int threadsPerTask() {
        return threadsPerTask;
    }

    /** How many seeds each configuration trains with (1 when the recipe's own). */
    public int seedCount() {
        return seeds == null ? 1 : seeds.length;
    }

    /** The swept names, in order. */
    public List<String> sweptNames() {
        return List.copyOf(grid.keySet());
    }

    /**
     * Every task: recipes, then the grid's combinations (the first name varying slowest), then seeds.
     *
     * @throws IllegalArgumentException for an unknown recipe, a name that is neither a parameter of the problem nor
     *     a run setting, or a value outside its range, naming the accepted ones
     */
    public List<SweepTask> tasks() {
        BenchmarkProblem p = factory.create();
        RunSettings.checkNames(p, grid.keySet());
        List<Map<String, Double>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, double[]> e : grid.entrySet()) {
            String name = e.getKey();
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> partial : points) {
                for (double v : e.getValue()) {
                    Map<String, Double> m = new LinkedHashMap<>(partial);
                    m.put(name, v);
                    next.add(m);
                }
            }
            points = next;
        }
        List<SweepTask> tasks = new ArrayList<>();
        for (String recipe : recipes) {
            long[] s =
                    seeds != null ? seeds : new long[] {p.recipe(recipe, null).seed()};
            for (Map<String, Double> values : points) {
                RunSettings.of(values); // values out of a setting's range, named
                p.parameterValues(RunSettings.problemParameters(values)); // and of a parameter's
                for (long seed : s) {
                    tasks.add(new SweepTask(
                            id(recipe, values, seed),
                            problem,
                            factory,
                            recipe,
                            values,
                            seed,
                            threadsPerTask,
                            checkpointEvery));
                }
            }
        }
        return tasks;
    }

    /** "width-20_nu-0.01_seed-0", with "recipe-NAME_" in front when the sweep has several recipes. */
    private String id(String recipe, Map<String, Double> values, long seed) {
        StringBuilder b = new StringBuilder();
        if (recipes.size() > 1) {
            b.append("recipe-").append(recipe.replaceAll("[^A-Za-z0-9.-]", "_")).append('_');
        }
        values.forEach((k, v) -> b.append(k).append('-').append(format(v)).append('_'));
        return b.append("seed-").append(seed).toString();
    }

    /** Whole numbers without ".0", others as Java prints them: distinct doubles give distinct ids. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
