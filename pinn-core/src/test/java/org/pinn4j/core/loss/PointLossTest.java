package org.pinn4j.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PointLossTest {
    static final double[] R = {0.3, -1.7, 2.5};
    static final double[] PROB = {0.2, 0.9, 0.55};
    static final double[] Y = {0.0, 1.0, 1.0};
    static final double[] ONE_HOT = {0.0, 1.0, 0.0};

    @Test
    void valuesMatchTheirFormulas() {
        // exact arithmetic on a few numbers: 1e-15 relative covers rounding
        assertEquals(0.09 + 2.89 + 6.25, PointLoss.mse().evaluate(R, null, 3, null), 1e-14);
        assertEquals(0.3 + 1.7 + 2.5, PointLoss.mae().evaluate(R, null, 3, null), 1e-14);
        // Huber delta 1: 0.5*0.09 + (1.7 - 0.5) + (2.5 - 0.5)
        assertEquals(0.045 + 1.2 + 2.0, PointLoss.huber(1.0).evaluate(R, null, 3, null), 1e-14);
        double bce = -Math.log(0.8) - Math.log(0.9) - Math.log(0.55);
        assertEquals(bce, PointLoss.binaryCrossEntropy().evaluate(PROB, Y, 3, null), 1e-14);
        double lse = Math.log(Math.exp(0.3) + Math.exp(-1.7) + Math.exp(2.5));
        assertEquals(lse + 1.7, PointLoss.categoricalCrossEntropy().evaluate(R, ONE_HOT, 3, null), 1e-14);
    }

    /** Gradients against central differences, h = 1e-6: O(h^2) truncation, so 1e-8 absolute. */
    @Test
    void gradientsMatchFiniteDifferences() {
        PointLoss[] losses = {
            PointLoss.mse(),
            PointLoss.mae(),
            PointLoss.huber(1.0),
            PointLoss.binaryCrossEntropy(),
            PointLoss.categoricalCrossEntropy()
        };
        double[][] inputs = {R, R, R, PROB, R};
        double[][] targets = {null, null, null, Y, ONE_HOT};
        for (int l = 0; l < losses.length; l++) {
            double[] r = inputs[l].clone();
            double[] dr = new double[3];
            losses[l].evaluate(r, targets[l], 3, dr);
            for (int k = 0; k < 3; k++) {
                double keep = r[k];
                double h = 1e-6;
                r[k] = keep + h;
                double fp = losses[l].evaluate(r, targets[l], 3, null);
                r[k] = keep - h;
                double fm = losses[l].evaluate(r, targets[l], 3, null);
                r[k] = keep;
                assertEquals((fp - fm) / (2 * h), dr[k], 1e-8, losses[l] + " component " + k);
            }
        }
    }

    @Test
    void namesAndBadParameters() {
        assertEquals("huber:0.5", PointLoss.byName("huber:0.5").toString());
        assertEquals(
                PointLoss.Kind.BINARY_CROSS_ENTROPY, PointLoss.byName("bce").kind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PointLoss.byName("l3"));
        assertEquals("unknown loss 'l3'; expected one of mse, mae, huber, huber:<delta>, bce, cce", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PointLoss.huber(0));
    }
}
