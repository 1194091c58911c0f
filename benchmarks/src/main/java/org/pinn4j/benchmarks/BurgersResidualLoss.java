package org.pinn4j.benchmarks;

import org.pinn4j.autodiff.taylor.MultiIndex;
import org.pinn4j.autodiff.taylor.StreamPlan;
import org.pinn4j.autodiff.taylor.Tile;
import org.pinn4j.autodiff.taylor.TileLoss;

/**
 * weight * sum_p r_p^2 with the viscous Burgers residual r = u_t + u u_x - nu u_xx (weight = 1/N gives
 * the mean, as in the PyTorch peer). Stateless, so one instance serves every thread.
 */
public final class BurgersResidualLoss implements TileLoss<Void> {
    private final double nu;
    private final double weight;
    private final int sx;
    private final int st;
    private final int sxx;

    /**
     * The loss on the streams of {@code plan}, which must contain u_x, u_t and u_xx for inputs (x, t).
     *
     * @throws IllegalArgumentException if a stream is missing
     */
    public BurgersResidualLoss(StreamPlan plan, double nu, double weight) {
        if (plan.inputs() != 2) {
            throw new IllegalArgumentException(
                    "BurgersResidualLoss: plan has " + plan.inputs() + " inputs; expected 2 (x, t)");
        }
        this.nu = nu;
        this.weight = weight;
        this.sx = plan.indexOf(MultiIndex.of(1, 0));
        this.st = plan.indexOf(MultiIndex.of(0, 1));
        this.sxx = plan.indexOf(MultiIndex.of(2, 0));
    }

    /** No scratch needed. */
    @Override
    public Void newScratch(int tileSize) {
        return null;
    }

    /** The weighted residual sum of the tile; fills the output adjoints when a gradient is wanted. */
    @Override
    public double evaluate(Tile tile, Void scratch) {
        double[] u = tile.output(0, 0);
        double[] ux = tile.output(0, sx);
        double[] ut = tile.output(0, st);
        double[] uxx = tile.output(0, sxx);
        int n = tile.size();
        double sum = 0;
        if (tile.gradient() == null) {
            for (int p = 0; p < n; p++) {
                double r = ut[p] + u[p] * ux[p] - nu * uxx[p];
                sum += r * r;
            }
            return weight * sum;
        }
        double[] gu = tile.outputAdjoint(0, 0);
        double[] gux = tile.outputAdjoint(0, sx);
        double[] gut = tile.outputAdjoint(0, st);
        double[] guxx = tile.outputAdjoint(0, sxx);
        double twoW = 2.0 * weight;
        for (int p = 0; p < n; p++) {
            double r = ut[p] + u[p] * ux[p] - nu * uxx[p];
            sum += r * r;
            double gr = twoW * r;
            gut[p] = gr;
            gu[p] = gr * ux[p];
            gux[p] = gr * u[p];
            guxx[p] = -gr * nu;
        }
        return weight * sum;
    }
}
