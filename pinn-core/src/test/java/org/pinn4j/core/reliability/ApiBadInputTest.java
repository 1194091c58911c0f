package org.pinn4j.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.core.geometry.Box;
import org.pinn4j.core.geometry.Csg;
import org.pinn4j.core.geometry.Disk;
import org.pinn4j.core.geometry.Geometry;
import org.pinn4j.core.geometry.Interval;
import org.pinn4j.core.geometry.Polygon;
import org.pinn4j.core.geometry.Rectangle;
import org.pinn4j.core.geometry.TimeDomain;
import org.pinn4j.core.io.CheckpointFile;
import org.pinn4j.core.io.ModelFile;
import org.pinn4j.core.loss.PointLoss;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.nn.init.Initializers;
import org.pinn4j.core.optim.Optimizers;
import org.pinn4j.core.optim.Schedules;
import org.pinn4j.core.problem.Conditions;
import org.pinn4j.core.problem.Problem;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Samplers;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.PinnModel;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.core.train.StepReport;
import org.pinn4j.core.train.Trainer;
import org.pinn4j.core.train.TrainingListener;

/**
 * Bad input to the Java API: each row is what is tried, the call, the exception type it must throw
 * (exactly that class) and words its message must contain: the offending thing and the expected form.
 * Every message must be one line. (The command line's table is {@code validation/.../cli/BadInputTest}.)
 */
class ApiBadInputTest {
    @TempDir
    static Path d;

    static PinnModel model1d;
    static PinnModel model2d;
    static Path modelFile;
    static Path checkpoint;
    static final Recipe ONE_STEP = Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(1, 1e-3));
    static final Recipe TWENTY = Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(20, 1e-3));

    /** x in [-1, 1], output u, no conditions yet. */
    static Problem.Builder line() {
        return Problem.builder("line").inputs("x").outputs("u").domain(new Interval(-1, 1));
    }

    static Problem poisson() {
        return line().condition(
                        Conditions.pde("pde", s -> s.output("u").d("x", "x").plus(1.0)))
                .build();
    }

    static Problem square() {
        return Problem.builder("square")
                .inputs("x", "t")
                .outputs("u")
                .domain(new Box(new double[] {0, 0}, new double[] {1, 1}))
                .condition(Conditions.pde("pde", s -> s.output("u").d("t")))
                .build();
    }

    /** A problem whose only condition is {@code u = 0} sampled on the given 2-D geometry. */
    static Problem on(Geometry g) {
        return Problem.builder("shape")
                .inputs("x", "y")
                .outputs("u")
                .domain(g)
                .condition(Conditions.pde("pde", s -> s.output("u")).withPoints(10))
                .build();
    }

    @BeforeAll
    static void fixtures() {
        model1d = Trainer.train(poisson(), ONE_STEP).model();
        model2d = Trainer.train(square(), ONE_STEP).model();
        modelFile = d.resolve("model.json");
        ModelFile.save(model1d, modelFile);
        checkpoint = d.resolve("checkpoint.json");
        TrainingListener stopAt5 = new TrainingListener() {
            @Override
            public boolean onStep(StepReport r) {
                return r.step() < 5;
            }
        };
        new Trainer(poisson(), TWENTY, stopAt5)
                .checkpointEvery(2, new CheckpointFile(checkpoint))
                .train();
    }

    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

    static Stream<Arguments> cases() {
        PointSet three = new PointSet(new double[][] {{-0.5, 0, 0.5}});
        return Stream.of(
                // residuals and expressions (checked when the problem is built)
                row(
                        "residual reads an undeclared input",
                        () -> line().condition(
                                        Conditions.pde("pde", s -> s.output("u").plus(s.input("y"))))
                                .build(),
                        IAE,
                        "condition 'pde': unknown input 'y'",
                        "declared inputs are [x]"),
                row(
                        "residual reads an undeclared output",
                        () -> line().condition(Conditions.pde("pde", s -> s.output("v")))
                                .build(),
                        IAE,
                        "condition 'pde': unknown output 'v'",
                        "declared outputs are [u]"),
                row(
                        "residual reads an undeclared coefficient",
                        () -> line().condition(Conditions.pde("pde", s -> s.coefficient("k")))
                                .build(),
                        IAE,
                        "condition 'pde': unknown coefficient 'k'",
                        "declared coefficients are []"),
                row(
                        "residual reads an undeclared data column",
                        () -> line().condition(Conditions.pde("pde", s -> s.column("c")))
                                .build(),
                        IAE,
                        "condition 'pde': unknown data column 'c'",
                        "declared data columns are []"),
                row(
                        "derivative by an undeclared variable",
                        () -> line().condition(
                                        Conditions.pde("pde", s -> s.output("u").d("t")))
                                .build(),
                        IAE,
                        "condition 'pde': unknown input 't'",
                        "declared inputs are [x]"),
                row(
                        "d() with no names",
                        () -> line().condition(
                                        Conditions.pde("pde", s -> s.output("u").d()))
                                .build(),
                        IAE,
                        "d() needs at least one input name",
                        "e.g. u.d(\"x\")"),
                row(
                        "derivative of a source declared without gradient",
                        () -> line().condition(Conditions.pde(
                                        "pde",
                                        s -> s.output("u")
                                                .times(s.source("f", p -> p[0]))
                                                .d("x")))
                                .build(),
                        IAE,
                        "source 'f' is differentiated with respect to x but was declared without a gradient",
                        "declare it with Scope.source(name, value, gradient...)"),
                row(
                        "source gradient with the wrong component count",
                        () -> line().condition(Conditions.pde("pde", s -> s.source("f", p -> p[0], p -> 1.0, p -> 2.0)))
                                .build(),
                        IAE,
                        "source 'f' gradient has 2 components",
                        "expected 1 (one per input [x])"),
                row(
                        "division by the constant 0",
                        () -> line().condition(
                                        Conditions.pde("pde", s -> s.output("u").div(0.0)))
                                .build(),
                        IAE,
                        "condition 'pde': division by the constant 0 in expression u / 0"),
                row(
                        "periodic along an undeclared input",
                        () -> line().condition(Conditions.pde("pde", s -> s.output("u")))
                                .condition(Conditions.periodic("per", "t", s -> s.output("u")))
                                .build(),
                        IAE,
                        "condition 'per': unknown input 't'",
                        "declared inputs are [x]"),
                // problem structure
                row(
                        "problem without domain",
                        () -> Problem.builder("p")
                                .inputs("x")
                                .outputs("u")
                                .condition(Conditions.pde("pde", s -> s.output("u")))
                                .build(),
                        IAE,
                        "problem 'p' has no domain",
                        "call domain(geometry)"),
                row(
                        "problem without inputs",
                        () -> Problem.builder("p")
                                .outputs("u")
                                .domain(new Interval(-1, 1))
                                .condition(Conditions.pde("pde", s -> s.output("u")))
                                .build(),
                        IAE,
                        "problem 'p' needs inputs and outputs",
                        "e.g. inputs(\"x\", \"t\").outputs(\"u\")"),
                row(
                        "problem without conditions",
                        () -> line().build(),
                        IAE,
                        "problem 'line' has no conditions",
                        "add at least a residual or data"),
                row(
                        "domain dimension differs from the inputs",
                        () -> Problem.builder("p")
                                .inputs("x", "t")
                                .outputs("u")
                                .domain(new Interval(-1, 1))
                                .condition(Conditions.pde("pde", s -> s.output("u")))
                                .build(),
                        IAE,
                        "domain has dimension 1 but 2 inputs [x, t] are declared"),
                row(
                        "an input declared twice",
                        () -> Problem.builder("p")
                                .inputs("x", "x")
                                .outputs("u")
                                .domain(new Rectangle(0, 0, 1, 1))
                                .condition(Conditions.pde("pde", s -> s.output("u")))
                                .build(),
                        IAE,
                        "input name 'x' is declared twice in [x, x]"),
                row(
                        "two conditions with one name",
                        () -> line().condition(Conditions.pde("pde", s -> s.output("u")))
                                .condition(Conditions.pde("pde", s -> s.output("u"))),
                        IAE,
                        "two conditions are named 'pde'",
                        "names must be unique"),
                row(
                        "a coefficient declared twice",
                        () -> line().coefficient("k", 1).coefficient("k", 2),
                        IAE,
                        "coefficient 'k' is declared twice"),
                row(
                        "a coefficient starting at NaN",
                        () -> line().coefficient("k", Double.NaN),
                        IAE,
                        "coefficient 'k' initial value NaN is not finite"),
                row("a problem without name", () -> Problem.builder(" "), IAE, "a problem needs a non-empty name"),
                row(
                        "negative point count",
                        () -> Conditions.pde("pde", s -> s.output("u")).withPoints(-1),
                        IAE,
                        "condition 'pde': point count -1 must be >= 0"),
                row(
                        "negative weight",
                        () -> Conditions.pde("pde", s -> s.output("u")).withWeight(-1),
                        IAE,
                        "condition 'pde': weight -1.0 must be a number from 0 to 1e100"),
                row(
                        "a weight whose loss gradients cannot be squared (Adam used to leave the parameters as they"
                                + " were and the run 'completed')",
                        () -> Conditions.pde("pde", s -> s.output("u")).withWeight(1e308),
                        IAE,
                        "condition 'pde': weight 1.0E308 must be a number from 0 to 1e100",
                        "overflow"),
                row(
                        "the only condition has 0 points (the run used to 'complete' with loss 0)",
                        () -> new Trainer(
                                line().condition(Conditions.pde(
                                                        "pde",
                                                        s -> s.output("u")
                                                                .d("x", "x")
                                                                .plus(1.0))
                                                .withPoints(0))
                                        .build(),
                                ONE_STEP),
                        IAE,
                        "problem 'line': its condition 'pde' has 0 points, so there is nothing to train on",
                        "withPoints(1000)"),
                row(
                        "every condition has 0 points",
                        () -> new Trainer(
                                line().condition(Conditions.pde(
                                                        "pde",
                                                        s -> s.output("u")
                                                                .d("x", "x")
                                                                .plus(1.0))
                                                .withPoints(0))
                                        .condition(Conditions.dirichlet(
                                                        "bc", org.pinn4j.core.problem.Region.boundary(), "u", x -> 0.0)
                                                .withPoints(0))
                                        .build(),
                                ONE_STEP),
                        IAE,
                        "problem 'line': all its conditions [pde, bc] have 0 points"),
                // data
                row(
                        "data values and points of different lengths",
                        () -> Conditions.data("obs", three, "u", new double[] {1, 2}),
                        IAE,
                        "data condition 'obs': 2 values for output 'u' but 3 points",
                        "expected one value per point"),
                row(
                        "data value NaN",
                        () -> Conditions.data("obs", three, "u", new double[] {1, Double.NaN, 3}),
                        IAE,
                        "data condition 'obs': value NaN for output 'u' at point 1 is not finite"),
                row(
                        "data for an undeclared output",
                        () -> line().condition(Conditions.data("obs", three, "v", new double[] {1, 2, 3}))
                                .build(),
                        IAE,
                        "condition 'obs': unknown output 'v'",
                        "declared outputs are [u]"),
                row(
                        "ragged point coordinates",
                        () -> new PointSet(new double[][] {{0, 0.5}, {1}}),
                        IAE,
                        "PointSet: coordinates row 1 has length 1, expected 2",
                        "feature-major double[d][n]"),
                row(
                        "classification with a loss that has no targets",
                        () -> Conditions.classification(
                                "c", three, List.of("u"), new double[][] {{0, 1, 0}}, PointLoss.mse()),
                        IAE,
                        "classification condition 'c' needs bce or cce; got mse"),
                // geometry
                row(
                        "Interval with min >= max",
                        () -> new Interval(2, 1),
                        IAE,
                        "Interval: lower bound 2.0 must be < upper bound 1.0"),
                row(
                        "Interval narrower than its input scaling can take (a NaN loss 'before any update' used to"
                                + " be the message)",
                        () -> new Interval(0, 1e-300),
                        IAE,
                        "Interval: [0.0, 1.0E-300] is too narrow (width 1.0E-300)",
                        "rescale the variable"),
                row(
                        "Interval holding a handful of doubles",
                        () -> new Interval(1, 1 + 1e-15),
                        IAE,
                        "Interval: [1.0, 1.000000000000001] is too narrow",
                        "1e-10 times the largest bound"),
                row(
                        "Interval with NaN",
                        () -> new Interval(Double.NaN, 1),
                        IAE,
                        "Interval: bounds NaN and 1.0 must be finite numbers"),
                row(
                        "Box with min = max on an axis",
                        () -> new Box(new double[] {0, 1}, new double[] {1, 1}),
                        IAE,
                        "Box: lower bound 1.0 must be < upper bound 1.0 on axis 1"),
                row(
                        "Box corners of different dimension",
                        () -> new Box(new double[] {0, 1}, new double[] {1}),
                        IAE,
                        "Box: lower corner has 2 and upper corner 1 coordinates",
                        "expected the same number d >= 1"),
                row("Disk with radius 0", () -> new Disk(0, 0, 0), IAE, "Disk: radius 0.0 must be > 0"),
                row("Disk with negative radius", () -> new Disk(0, 0, -1), IAE, "Disk: radius -1.0 must be > 0"),
                row(
                        "Disk with a 3-D center",
                        () -> new Disk(new double[] {0, 0, 0}, 1),
                        IAE,
                        "Disk: center has 3 components, expected 2"),
                row(
                        "Polygon with 2 vertices",
                        () -> new Polygon(new double[] {0, 1}, new double[] {0, 1}),
                        IAE,
                        "Polygon: 2 distinct vertices; expected at least 3"),
                row(
                        "Polygon self-intersecting",
                        () -> new Polygon(new double[] {0, 1, 0, 1}, new double[] {0, 1, 1, 0}),
                        IAE,
                        "Polygon: edges 0 and 2 intersect",
                        "expected a simple (non-self-intersecting) polygon"),
                row(
                        "TimeDomain with start = end",
                        () -> new TimeDomain(1, 1),
                        IAE,
                        "TimeDomain: start time 1.0 must be < end time 1.0"),
                row(
                        "CSG of different dimensions",
                        () -> Csg.union(new Interval(0, 1), new Rectangle(0, 0, 1, 1)),
                        IAE,
                        "Csg.union: operands have dimensions 1 and 2",
                        "expected equal dimensions"),
                row(
                        "CSG intersection of disjoint boxes",
                        () -> Csg.intersection(new Rectangle(0, 0, 1, 1), new Rectangle(2, 2, 3, 3)),
                        IAE,
                        "Csg.intersection",
                        "do not overlap with positive width on axis 0, so the intersection is empty",
                        "expected overlapping operands"),
                row(
                        "CSG intersection that is empty when sampled",
                        () -> new Trainer(on(Csg.intersection(new Disk(0, 0, 1), new Disk(1.9, 1.9, 1))), ONE_STEP),
                        IllegalStateException.class,
                        "intersection(Disk(center=[0.0, 0.0], radius=1.0), Disk(center=[1.9, 1.9], radius=1.0)).sampleInterior",
                        "was accepted: the geometry is empty or has (near) zero volume"),
                row(
                        "CSG difference that removes everything",
                        () -> new Trainer(
                                on(Csg.difference(new Rectangle(0, 0, 1, 1), new Rectangle(-1, -1, 2, 2))), ONE_STEP),
                        IllegalStateException.class,
                        "difference(Rectangle",
                        "the geometry is empty or has (near) zero volume"),
                // network, recipe, phases, names
                row(
                        "network width 0",
                        () -> NetworkConfig.mlp(2, 0),
                        IAE,
                        "network needs depth >= 1 and width >= 1; got depth 2, width 0"),
                row(
                        "hidden layer width 0",
                        () -> NetworkConfig.hidden(10, 0),
                        IAE,
                        "hidden layer widths must be >= 1; got [10, 0]"),
                row(
                        "negative Fourier feature count",
                        () -> NetworkConfig.mlp(1, 4).fourierFeatures(-1, 1.0),
                        IAE,
                        "Fourier feature count must be >= 0; got -1"),
                row(
                        "unknown initializer",
                        () -> Initializers.byName("bogus"),
                        IAE,
                        "Unknown initializer 'bogus'",
                        "valid names: zero, constant(c)"),
                row(
                        "unknown initializer in a recipe",
                        () -> Trainer.train(
                                poisson(),
                                Recipe.of(NetworkConfig.mlp(1, 4).initializer("xavier"), Phase.adam(1, 1e-3))),
                        IAE,
                        "Unknown initializer 'xavier'",
                        "xavier-normal[(gain)]"),
                row(
                        "unknown activation name",
                        () -> Activation.byName("tanhh"),
                        IAE,
                        "unknown activation 'tanhh'",
                        "expected one of tanh, sin, cos, sigmoid, relu"),
                row(
                        "recipe without phases",
                        () -> Recipe.of(NetworkConfig.mlp(1, 4)),
                        IAE,
                        "recipe needs at least one training phase",
                        "e.g. Phase.adam(1000, 1e-3)"),
                row("recipe with 0 threads", () -> ONE_STEP.withThreads(0), IAE, "thread count must be >= 1; got 0"),
                row("recipe with tile size 0", () -> ONE_STEP.withTileSize(0), IAE, "tile size must be >= 1; got 0"),
                row(
                        "adaptive weights with alpha 2",
                        () -> ONE_STEP.withAdaptiveWeights(10, 2.0),
                        IAE,
                        "adaptive weighting needs every >= 0 (0 = off) and 0 <= alpha <= 1; got every 10, alpha 2.0"),
                row("phase with 0 steps", () -> Phase.adam(0, 1e-3), IAE, "adam: steps must be >= 1; got 0"),
                row(
                        "phase with batch size 0",
                        () -> Phase.epochs(Optimizers::adam, () -> Schedules.constant(1e-3), 2, 0, "mini"),
                        IAE,
                        "mini: batch size must be >= 1; got 0"),
                row("L-BFGS with 0 iterations", () -> Phase.lbfgs(0), IAE, "lbfgs: iterations must be >= 1; got 0"),
                row(
                        "negative learning rate (found when the phase is made)",
                        () -> Phase.adam(2, -1e-3),
                        IAE,
                        "adam: learning rate -0.001 must be a positive finite number, e.g. 1e-3"),
                row(
                        "negative learning rate in a schedule (found when training)",
                        () -> Trainer.train(
                                poisson(),
                                Recipe.of(
                                        NetworkConfig.mlp(1, 4),
                                        Phase.steps(
                                                org.pinn4j.core.optim.Optimizers::adam,
                                                () -> org.pinn4j.core.optim.Schedules.constant(-1e-3),
                                                2,
                                                "adam"))),
                        IAE,
                        "constant schedule: rate must be finite and > 0, got -0.001"),
                row(
                        "NaN coordinate in a point set",
                        () -> new PointSet(new double[][] {{0.0, Double.NaN}}),
                        IAE,
                        "PointSet: coordinate 0 of point 1 is NaN; expected a finite number"),
                row(
                        "Fourier feature scale NaN",
                        () -> NetworkConfig.mlp(1, 4).fourierFeatures(4, Double.NaN),
                        IAE,
                        "Fourier feature scale NaN must be a positive finite number"),
                row(
                        "unknown sampler name on the recipe",
                        () -> Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(2, 1e-3))
                                .withSampler("sobel"),
                        IAE,
                        "unknown sampler 'sobel'; expected one of uniform, grid, lhs, sobol, halton"),
                row(
                        "refinement of an unknown condition",
                        () -> Trainer.train(
                                poisson(),
                                Recipe.of(
                                        NetworkConfig.mlp(1, 4),
                                        Phase.adam(2, 1e-3).refine("nope", 1, 10, 5))),
                        IAE,
                        "no condition named 'nope'; conditions are [pde]"),
                row(
                        "Huber delta 0",
                        () -> PointLoss.huber(0),
                        IAE,
                        "Huber delta must be a positive finite number; got 0.0"),
                row(
                        "unknown loss name",
                        () -> PointLoss.byName("bogus"),
                        IAE,
                        "unknown loss 'bogus'",
                        "expected one of mse, mae, huber"),
                row(
                        "unknown optimizer name",
                        () -> Optimizers.byName("bogus"),
                        IAE,
                        "Unknown optimizer 'bogus'",
                        "valid names: gd, sgd, momentum"),
                row(
                        "unknown sampler name",
                        () -> Samplers.create("bogus", 1),
                        IAE,
                        "unknown sampler 'bogus'",
                        "expected one of uniform, grid, lhs, sobol, halton"),
                row(
                        "unknown sampler in a recipe",
                        () -> new Trainer(poisson(), ONE_STEP.withSampler("sobel")),
                        IAE,
                        "unknown sampler 'sobel'",
                        "expected one of uniform, grid, lhs, sobol, halton"),
                row(
                        "Adam beta1 >= 1",
                        () -> Optimizers.adam(1.5, 0.9, 1e-8),
                        IAE,
                        "Adam: beta1 must be in [0, 1), got 1.5"),
                // using a model, files and checkpoints
                row(
                        "predict with 2 coordinate arrays for 1 input",
                        () -> model1d.predict(new double[][] {{0}, {1}}),
                        IAE,
                        "points must have 1 coordinate arrays ([x]), one per input; got 2 arrays of 1 values: for"
                                + " points one per row, pass PointSet.rows(points)"),
                row(
                        "predict with an array that reads two ways",
                        () -> model2d.predict(new double[][] {{0.1, 0.2}, {0.3, 0.4}}),
                        IAE,
                        "points: a 2 x 2 array reads two ways for the 2 inputs [x, t]: 2 points one per row, or one"
                                + " array of 2 values per input; say which with PointSet.rows(...) or"
                                + " PointSet.columns(...)"),
                row(
                        "points of different lengths, one per row",
                        () -> org.pinn4j.core.sampling.PointSet.rows(new double[] {0, 1}, new double[] {1}),
                        IAE,
                        "PointSet.rows: point 1 has 1 coordinates, point 0 has 2; every point needs the same number"),
                row(
                        "predict at points of another dimension",
                        () -> model1d.predict(org.pinn4j.core.sampling.PointSet.rows(new double[] {0, 1})),
                        IAE,
                        "points have 2 coordinates; the model has 1 inputs [x]"),
                row(
                        "predict with no points array",
                        () -> model1d.predict((double[][]) null),
                        IAE,
                        "points must have 1 coordinate arrays ([x]); got none"),
                row(
                        "predict with ragged arrays",
                        () -> model2d.predict(new double[][] {{0, 1}, {1}}),
                        IAE,
                        "coordinate arrays have different lengths: 2 and 1"),
                row(
                        "evaluate an undeclared output",
                        () -> model1d.evaluate(new double[][] {{0}}, s -> List.of(s.output("v"))),
                        IAE,
                        "unknown output 'v'; declared outputs are [u]"),
                row(
                        "load a model with a problem of other names",
                        () -> ModelFile.load(modelFile, square()),
                        ModelFile.ModelFileException.class,
                        "has inputs [x], outputs [u], coefficients [] but problem 'square' has [x, t], [u], []"),
                row(
                        "load a model file that does not exist",
                        () -> ModelFile.load(d.resolve("none.json")),
                        ModelFile.ModelFileException.class,
                        "none.json does not exist"),
                row(
                        "load a directory as a model",
                        () -> ModelFile.load(d),
                        ModelFile.ModelFileException.class,
                        "is a directory",
                        "expected a model file such as"),
                row(
                        "load a checkpoint as a model",
                        () -> ModelFile.load(checkpoint),
                        ModelFile.ModelFileException.class,
                        "checkpoint.json is not a pinn4j model file (no \"format\": \"pinn4j-model\")"),
                row(
                        "resume with another recipe",
                        () -> Trainer.resume(
                                poisson(),
                                Recipe.of(NetworkConfig.mlp(1, 4), Phase.adam(30, 1e-3)),
                                new CheckpointFile(checkpoint)),
                        IAE,
                        "checkpoint " + checkpoint + " was made with another recipe: phase 1 steps: 20 vs 30 (the"
                                + " checkpoint's vs this run's)"),
                row(
                        "resume with another problem",
                        () -> Trainer.resume(square(), TWENTY, new CheckpointFile(checkpoint)),
                        IAE,
                        "checkpoint " + checkpoint + " was made for problem 'line'; this run is 'square'"),
                row(
                        "resume from a missing checkpoint",
                        () -> Trainer.resume(poisson(), TWENTY, new CheckpointFile(d.resolve("gone.json"))),
                        IAE,
                        "checkpoint " + d.resolve("gone.json") + " does not exist"),
                row(
                        "resume from a model file",
                        () -> Trainer.resume(poisson(), TWENTY, new CheckpointFile(modelFile)),
                        IAE,
                        "model.json is not a pinn4j checkpoint"),
                row(
                        "checkpoint interval 0",
                        () -> new Trainer(poisson(), TWENTY).checkpointEvery(0, new CheckpointFile(checkpoint)),
                        IAE,
                        "checkpoint interval must be >= 1 step; got 0"),
                row(
                        "validation values for other points",
                        () -> new Trainer(poisson(), TWENTY).validation(three, new double[][] {{0}}, 1),
                        IAE,
                        "validation values: 1 values for 3 points"));
    }

    private static Arguments row(String what, Executable call, Class<? extends Throwable> type, String... words) {
        return Arguments.of(what, call, type, List.of(words));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGivesOneClearMessage(
            String what, Executable call, Class<? extends Throwable> type, List<String> words) {
        Throwable e = assertThrows(Throwable.class, call, what);
        assertEquals(type, e.getClass(), what + ": " + e);
        String m = e.getMessage();
        System.out.println("BAD-INPUT | " + what + " | " + e.getClass().getSimpleName() + ": " + m + " |");
        assertTrue(m != null && !m.contains("\n"), what + ": message must be one line: " + m);
        for (String w : words) {
            assertTrue(m.contains(w), what + ": '" + w + "' missing in: " + m);
        }
        assertFalse(m.contains("Exception"), what + ": " + m);
    }
}
