package org.pinn4j.problems.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.pinn4j.core.expr.Field;
import org.pinn4j.core.expr.Scope;
import org.pinn4j.core.geometry.Geometry;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.problem.Region;
import org.pinn4j.core.sampling.PointSet;
import org.pinn4j.core.sampling.Sampler;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;
import org.pinn4j.problems.Reference;

/** Helpers shared by the catalogue entries: closed forms as references, noisy data sets, recipes. */
final class Support {
    private Support() {}

    /** A one-output reference from a closed form f(point) (point = raw coordinates in input order). */
    static Reference scalar(ToDoubleFunction<double[]> f) {
        return points -> {
            if (points == null || points.length == 0) {
                throw new IllegalArgumentException("reference needs coordinate arrays, one per input; got none");
            }
            int d = points.length;
            int n = points[0].length;
            double[] p = new double[d];
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < d; i++) {
                    p[i] = points[i][k];
                }
                out[k] = f.applyAsDouble(p);
            }
            return new double[][] {out};
        };
    }

    /**
     * The catalogue's common scheme on {@code network}: Adam 2,000 steps (lr 5e-3), then self-scaled Broyden 6,000
     * iterations restarted every 500 on collocation points drawn by their residual; {@code quick}: Adam 500 +
     * SSBroyden 500 restarted every 250.
     */
    static Recipe adamThenSsbroyden(NetworkConfig network, boolean quick) {
        return Recipe.of(
                network,
                Phase.adam(quick ? 500 : 2000, 5e-3),
                Phase.ssbroyden(quick ? 500 : 6000)
                        .resampleByResidual(quick ? 250 : 500, Phase.ResidualSampling.defaults()));
    }

    /**
     * A network periodic in x on [-1, 1] (cos and sin of pi x), Adam with residual-based attention, then self-scaled
     * Broyden restarted on collocation points drawn by their residual: the scheme of allen-cahn and kdv.
     */
    static Recipe periodicWithAttention(int width, int adam, int iterations, int restartEvery) {
        return Recipe.of(
                NetworkConfig.mlp(3, width).periodic("x", 2.0, 1),
                Phase.adam(adam, 5e-3).withResidualAttention(Phase.ResidualAttention.linear()),
                Phase.ssbroyden(iterations).resampleByResidual(restartEvery, Phase.ResidualSampling.defaults()));
    }

    /**
     * The steady incompressible Navier-Stokes equations in two dimensions at Reynolds number {@code re}, inputs x, y
     * and outputs u, v, p: u u_x + v u_y + p_x - (u_xx + u_yy) / re, u v_x + v v_y + p_y - (v_xx + v_yy) / re and
     * u_x + v_y.
     */
    static Function<Scope, List<Field>> steadyNavierStokes(double re) {
        return s -> {
            Field u = s.output("u");
            Field v = s.output("v");
            Field p = s.output("p");
            return List.of(
                    u.times(u.d("x"))
                            .plus(v.times(u.d("y")))
                            .plus(p.d("x"))
                            .minus(u.d("x", "x").plus(u.d("y", "y")).div(re)),
                    u.times(v.d("x"))
                            .plus(v.times(v.d("y")))
                            .plus(p.d("y"))
                            .minus(v.d("x", "x").plus(v.d("y", "y")).div(re)),
                    u.d("x").plus(v.d("y")));
        };
    }

    /** Closed forms of several outputs as one reference: output k at a point is {@code outputs[k]} there. */
    @SafeVarargs
    static Reference outputs(ToDoubleFunction<double[]>... outputs) {
        return points -> {
            double[][] out = new double[outputs.length][];
            for (int k = 0; k < outputs.length; k++) {
                out[k] = scalar(outputs[k]).values(points)[0];
            }
            return out;
        };
    }

    /**
     * Adds Gaussian noise of standard deviation {@code level * std(values)} to each array (Raissi et
     * al.'s convention: "1% noise" is 1% of the data's spread), drawing from {@code rng}.
     */
    static void addRelativeNoise(double[][] values, double level, SplittableRandom rng) {
        if (!(level >= 0) || !Double.isFinite(level)) {
            throw new IllegalArgumentException(
                    "noise level " + level + " must be a finite number >= 0 (e.g. 0.01 = 1%)");
        }
        if (level == 0) {
            return;
        }
        for (double[] v : values) {
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= v.length;
            double var = 0;
            for (double x : v) {
                var += (x - mean) * (x - mean);
            }
            double sd = level * Math.sqrt(var / Math.max(1, v.length - 1));
            for (int k = 0; k < v.length; k++) {
                v[k] += sd * rng.nextGaussian();
            }
        }
    }

    /**
     * The indicator of a domain as a field whose derivatives are zero: it is constant on each side of the
     * domain's boundary, so multiplying an output by it leaves the output and its derivatives unchanged
     * inside and makes it exactly 0 outside.
     */
    @SuppressWarnings("unchecked")
    static Field indicator(Scope s, String name, ToDoubleFunction<double[]> inside) {
        ToDoubleFunction<double[]>[] zero = new ToDoubleFunction[s.inputs().size()];
        return s.source(name, inside, zero);
    }

    /**
     * The face {@code x_axis = value} of a box domain, sampled as interior points with that coordinate
     * pinned (no normals; for Dirichlet-type conditions). Unlike a filtered {@link Region#boundary(String,
     * java.util.function.Predicate)} it works for faces that are a tiny fraction of the boundary (the
     * S = 0 side of the Black-Scholes rectangle is 1/402 of its perimeter).
     */
    static Region face(String description, int axis, double value) {
        return new Region() {
            @Override
            public PointSet sample(Geometry domain, int n, Sampler sampler) {
                double[][] c = domain.sampleInterior(n, sampler).toArray();
                java.util.Arrays.fill(c[axis], value);
                return new PointSet(c);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** Levenberg-Marquardt iterations between restarts on new points in the catalogue's {@code best} recipes. */
    static final int LM_RESTART_EVERY = 50;

    /**
     * {@code recipes} (a problem's default and quick ones) and a {@code best} one: {@code network}, Adam 1,000 steps
     * (lr 5e-3), then Levenberg-Marquardt for {@code iterations} in restarts of {@value #LM_RESTART_EVERY} on new
     * points, drawn by the residual (RAD, {@link Phase.ResidualSampling#defaults()}) or uniformly.
     */
    static Map<String, Recipe> withLevenbergMarquardtBest(
            Map<String, Recipe> recipes, NetworkConfig network, int iterations, boolean byResidual) {
        Map<String, Recipe> all = new LinkedHashMap<>(recipes);
        all.put("best", levenbergMarquardt(network, iterations, byResidual));
        return all;
    }

    /**
     * {@code network}, Adam 1,000 steps (lr 5e-3), then Levenberg-Marquardt for {@code iterations} in restarts of
     * {@value #LM_RESTART_EVERY} on new points, drawn by the residual (RAD, {@link
     * Phase.ResidualSampling#defaults()}) or uniformly.
     */
    static Recipe levenbergMarquardt(NetworkConfig network, int iterations, boolean byResidual) {
        Phase lm = Phase.levenbergMarquardt(iterations);
        return Recipe.of(
                network,
                Phase.adam(1000, 5e-3),
                byResidual
                        ? lm.resampleByResidual(LM_RESTART_EVERY, Phase.ResidualSampling.defaults())
                        : lm.resampleEvery(LM_RESTART_EVERY));
    }

    /** {@code recipes} (a problem's default and quick ones) and {@code classic}, the default of earlier versions. */
    static Map<String, Recipe> withClassic(Map<String, Recipe> recipes, Recipe classic) {
        Map<String, Recipe> all = new LinkedHashMap<>(recipes);
        all.put("classic", classic);
        return all;
    }
}
