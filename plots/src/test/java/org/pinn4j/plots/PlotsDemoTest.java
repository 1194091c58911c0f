package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Manual demo: writes sample charts of synthetic PINN-like results to target/plots-demo/ so a
 * person can look at them (labels, colour bars, legends). The assertions only check that each
 * PNG was written with the chart's size; the pictures themselves are judged by eye.
 */
class PlotsDemoTest {

    private static Path demoDir() {
        return Path.of(System.getProperty("basedir", "."), "target", "plots-demo");
    }

    @Test
    void writesDemoCharts() throws Exception {
        Path dir = demoDir();
        List<ChartFiles.Written> written = new ArrayList<>();

        // 2-D field: a smooth Burgers-like profile and a prediction with a small smooth error.
        int nx = 201;
        int nt = 101;
        double[] x = linspace(-1, 1, nx);
        double[] t = linspace(0, 1, nt);
        double[][] exact = new double[nx][nt];
        double[][] pred = new double[nx][nt];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < nt; j++) {
                exact[i][j] = -Math.sin(Math.PI * x[i]) * Math.exp(-t[j]) * Math.tanh(5 * (1 - t[j]) + 0.2);
                pred[i][j] = exact[i][j] + 2e-3 * Math.cos(3 * x[i]) * t[j];
            }
        }
        Field2D fPred = new Field2D(x, t, pred);
        Field2D fExact = new Field2D(x, t, exact);
        HeatMapChart.Triple triple = HeatMapChart.triple()
                .xLabel("x")
                .yLabel("t")
                .quantity("u")
                .titlePrefix("Burgers: ")
                .predicted(fPred)
                .reference(fExact)
                .build();
        written.add(ChartFiles.save(triple.prediction(), dir.resolve("heatmap_prediction")));
        written.add(ChartFiles.save(triple.error(), dir.resolve("heatmap_error")));
        written.add(ChartFiles.saveGrid(triple.asList(), 3, dir.resolve("heatmap_triple")));

        SplittableRandom rnd = new SplittableRandom(42);
        double[] mx = new double[40];
        double[] mt = new double[40];
        for (int k = 0; k < mx.length; k++) {
            mx[k] = -1 + 2 * rnd.nextDouble();
            mt[k] = rnd.nextDouble();
        }
        FieldChart withPoints = HeatMapChart.builder()
                .title("Inverse problem: u and data locations")
                .xLabel("x [m]")
                .yLabel("t [s]")
                .valueLabel("u [m/s]")
                .field(fExact)
                .points("measurements", mx, mt)
                .build();
        written.add(ChartFiles.save(withPoints, dir.resolve("heatmap_points")));

        // 1-D comparison with training data.
        double[] xs = linspace(0, 2 * Math.PI, 200);
        double[] ex = new double[xs.length];
        double[] pr = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ex[i] = Math.exp(-0.2 * xs[i]) * Math.cos(2 * xs[i]);
            pr[i] = ex[i] + 0.01 * Math.sin(5 * xs[i]) * xs[i] / 6;
        }
        double[] tx = {0.3, 1.1, 2.0, 2.7, 3.9, 5.2};
        double[] ty = new double[tx.length];
        for (int i = 0; i < tx.length; i++) {
            ty[i] = Math.exp(-0.2 * tx[i]) * Math.cos(2 * tx[i]);
        }
        LineComparisonChart.Charts line = LineComparisonChart.builder()
                .title("Damped oscillator: PINN vs exact")
                .xLabel("t [s]")
                .yLabel("x(t) [m]")
                .x(xs)
                .predicted(pr)
                .reference(ex)
                .trainingPoints(tx, ty)
                .build();
        written.add(ChartFiles.save(line.solution(), dir.resolve("line_solution")));
        written.add(ChartFiles.saveGrid(line.asList(), 2, dir.resolve("line_pair")));

        LineComparisonChart.SlicesBuilder sb = LineComparisonChart.slices()
                .title("Burgers: slices of u(x, t)")
                .xLabel("x")
                .yLabel("u(x, t)")
                .errorLogScale(true);
        for (double ts : new double[] {0.25, 0.5, 0.75}) {
            sb.slice(LineComparisonChart.Slice.atY(fPred, fExact, ts, "t"));
        }
        LineComparisonChart.Charts slices = sb.build();
        written.add(ChartFiles.saveGrid(slices.asList(), 2, dir.resolve("line_slices")));

        // Loss history: Adam then L-BFGS, with a zero and a NaN that must be skipped.
        int steps = 8000;
        double[] st = new double[steps];
        double[] pde = new double[steps];
        double[] bc = new double[steps];
        double[] ic = new double[steps];
        double[] tot = new double[steps];
        for (int i = 0; i < steps; i++) {
            st[i] = i;
            double decay = i < 5000 ? Math.exp(-i / 1500.0) : Math.exp(-5000 / 1500.0 - (i - 5000) / 400.0);
            double noise = 1 + 0.3 * rnd.nextDouble();
            pde[i] = 0.5 * decay * noise;
            bc[i] = 0.2 * decay * decay * noise;
            ic[i] = 0.1 * Math.pow(decay, 1.5) * noise;
            tot[i] = pde[i] + bc[i] + ic[i];
        }
        bc[10] = 0.0;
        ic[20] = Double.NaN;
        double[] vs = linspace(0, steps - 1, 17);
        double[] vl = new double[vs.length];
        for (int i = 0; i < vs.length; i++) {
            vl[i] = 1.4 * tot[(int) vs[i]];
        }
        Map<String, double[]> terms = new LinkedHashMap<>();
        terms.put("PDE residual", pde);
        terms.put("boundary", bc);
        terms.put("initial", ic);
        written.add(ChartFiles.save(
                LossHistoryChart.builder()
                        .steps(st)
                        .terms(terms)
                        .total(tot)
                        .validation(vs, vl)
                        .marker(0, "Adam")
                        .marker(5000, "L-BFGS")
                        .build(),
                dir.resolve("loss_history")));

        // Coefficients of an inverse Burgers problem.
        double[] cs = linspace(0, 10000, 300);
        double[] l1 = new double[cs.length];
        double[] l2 = new double[cs.length];
        for (int i = 0; i < cs.length; i++) {
            l1[i] = 1.0 - 0.8 * Math.exp(-cs[i] / 1500);
            l2[i] = 0.01 / Math.PI + 0.02 * Math.exp(-cs[i] / 2500);
        }
        CoefficientChart.Builder cb = CoefficientChart.builder()
                .steps(cs)
                .coefficient("lambda1", l1, 1.0)
                .coefficient("lambda2", l2, 0.01 / Math.PI);
        written.add(ChartFiles.save(cb.build(), dir.resolve("coefficients")));
        written.add(ChartFiles.saveGrid(cb.buildEach(), 2, dir.resolve("coefficients_each")));

        // Residual histogram: log-normal residuals plus two exact zeros.
        double[] res = new double[20000];
        for (int i = 0; i < res.length; i++) {
            res[i] = Math.pow(10, -4 + 0.7 * rnd.nextGaussian()) * (rnd.nextBoolean() ? 1 : -1);
        }
        res[0] = 0;
        res[1] = 0;
        written.add(ChartFiles.save(
                ResidualHistogramChart.builder().residuals(res).build(), dir.resolve("residual_histogram")));

        for (ChartFiles.Written w : written) {
            assertTrue(Files.size(w.svg()) > 0, w.svg() + " is empty");
            BufferedImage img = ImageIO.read(w.png().toFile());
            // Every single chart is 800x600; panels are multiples of that.
            assertEquals(0, img.getWidth() % 800, w.png() + " width");
            assertEquals(0, img.getHeight() % 600, w.png() + " height");
        }
    }

    private static double[] linspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a + (b - a) * i / (n - 1);
        }
        return out;
    }
}
