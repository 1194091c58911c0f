package org.pinn4j.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All benchmark problems by name, in listing order. */
public final class Catalogue {
    private static final Map<String, BenchmarkProblem> PROBLEMS = new LinkedHashMap<>();

    static {
        // entries are registered here, in the order `pinn list` shows them
        register(new org.pinn4j.problems.catalogue.Burgers());
        register(new org.pinn4j.problems.catalogue.BurgersInverse());
        register(new org.pinn4j.problems.catalogue.BlackScholesCall());
        register(new org.pinn4j.problems.catalogue.Oscillator());
        register(new org.pinn4j.problems.catalogue.Poisson1d());
        register(new org.pinn4j.problems.catalogue.Poisson2d());
        register(new org.pinn4j.problems.catalogue.PoissonLShape());
        register(new org.pinn4j.problems.catalogue.Heat1d());
        register(new org.pinn4j.problems.catalogue.Wave1d());
        register(new org.pinn4j.problems.catalogue.Helmholtz2d());
        register(new org.pinn4j.problems.catalogue.AllenCahn());
        register(new org.pinn4j.problems.catalogue.LorenzInverse());
        register(new org.pinn4j.problems.catalogue.course.CwruExercise());
        register(new org.pinn4j.problems.catalogue.PoissonDisk());
        register(new org.pinn4j.problems.catalogue.Poisson3d());
        register(new org.pinn4j.problems.catalogue.LotkaVolterra());
        register(new org.pinn4j.problems.catalogue.Kdv());
        register(new org.pinn4j.problems.catalogue.KdvInverse());
        register(new org.pinn4j.problems.catalogue.Schrodinger());
        register(new org.pinn4j.problems.catalogue.Kovasznay());
        register(new org.pinn4j.problems.catalogue.KleinGordon());
        register(new org.pinn4j.problems.catalogue.Convection());
        register(new org.pinn4j.problems.catalogue.LidDrivenCavity());
        register(new org.pinn4j.problems.catalogue.course.OneNeuron());
    }

    private Catalogue() {}

    static void register(BenchmarkProblem p) {
        if (PROBLEMS.put(p.name(), p) != null) {
            throw new IllegalStateException("two catalogue problems are named '" + p.name() + "'");
        }
    }

    /** All problems in listing order. */
    public static List<BenchmarkProblem> all() {
        return Collections.unmodifiableList(new ArrayList<>(PROBLEMS.values()));
    }

    /** Names in listing order. */
    public static List<String> names() {
        return new ArrayList<>(PROBLEMS.keySet());
    }

    /**
     * The problem called {@code name}.
     *
     * @throws IllegalArgumentException listing the known names if there is none
     */
    public static BenchmarkProblem get(String name) {
        BenchmarkProblem p = PROBLEMS.get(name);
        if (p == null) {
            throw new IllegalArgumentException(
                    "unknown problem '" + name + "'; expected one of " + String.join(", ", PROBLEMS.keySet()));
        }
        return p;
    }
}
