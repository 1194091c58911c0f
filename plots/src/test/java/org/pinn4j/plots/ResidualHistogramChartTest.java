package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ResidualHistogramChartTest {

    @Test
    void powersOfTenFallInKnownBins() {
        // log10 of 1, 10, ..., 1e5 is exactly 0..5 (exact powers of ten); with 5 bins the edges
        // are 0, 1, 2, 3, 4, 5 and the last bin holds both 4 and its upper edge 5.
        double[] r = {1, -10, 100, 1e3, -1e4, 1e5, 0.0, Double.NaN};
        ResidualHistogramChart.Bins b = ResidualHistogramChart.Bins.of(r, 5);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, b.edges(), 1e-15);
        assertArrayEquals(new long[] {1, 1, 1, 1, 2}, b.counts());
        assertEquals(2, b.omitted());
        assertEquals(6, b.total());
        // Median of 0..5 is 2.5.
        assertEquals(2.5, b.medianLog10(), 1e-15);
    }

    @Test
    void countsAgreeWithBruteForceBinning() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] r = new double[5000];
        for (int i = 0; i < r.length; i++) {
            r[i] = (rnd.nextDouble() - 0.5) * Math.pow(10, -6 * rnd.nextDouble());
        }
        r[17] = 0.0;
        r[99] = Double.POSITIVE_INFINITY;
        ResidualHistogramChart.Bins b = ResidualHistogramChart.Bins.of(r, 23);
        long[] brute = new long[23];
        long omitted = 0;
        double[] e = b.edges();
        for (double v : r) {
            double a = Math.abs(v);
            if (!(a > 0) || !Double.isFinite(a)) {
                omitted++;
                continue;
            }
            double l = Math.log10(a);
            int found = -1;
            for (int i = 0; i < 23; i++) {
                if (l >= e[i] && (l < e[i + 1] || (i == 22 && l <= e[23]))) {
                    found = i;
                    break;
                }
            }
            assertTrue(found >= 0, "value " + l + " outside the edges");
            brute[found]++;
        }
        // Bin index by division can differ from the edge comparison for a value within one ulp
        // of an edge; with 5000 random values this does not occur, so counts match exactly.
        assertArrayEquals(brute, b.counts());
        assertEquals(omitted, b.omitted());
        assertEquals(r.length - omitted, b.total());
    }

    @Test
    void chartTracesTheBarsWithDataRanges() {
        double[] r = {1, 10, 10, 100, 100, 100};
        XYChart c = ResidualHistogramChart.builder().residuals(r).bins(3).build();
        List<String> names = HiddenSeries.shownSeriesNames(c);
        assertEquals(1, names.size());
        assertTrue(names.get(0).startsWith("n = 6"), names.get(0));
        // Bars: [0,2/3) holds 1, [2/3,4/3) holds 10 twice, [4/3,2] holds 100 three times.
        double[] y = c.getSeriesMap().get(names.get(0)).getYData();
        assertArrayEquals(new double[] {0, 1, 1, 2, 2, 3, 3, 0}, y, 0.0);
        // x from the first to the last edge (log10 1 = 0, log10 100 = 2); y from 0 to the
        // tallest bar, 3.
        assertEquals(0.0, c.getStyler().getXAxisMin(), 1e-15);
        assertEquals(2.0, c.getStyler().getXAxisMax(), 1e-15);
        assertEquals(0.0, c.getStyler().getYAxisMin(), 0.0);
        assertEquals(3.0, c.getStyler().getYAxisMax(), 0.0);
        assertEquals("log10 |residual|", c.getXAxisTitle());
        assertEquals("number of points", c.getYAxisTitle());
    }

    @Test
    void rejectsNothingToBin() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ResidualHistogramChart.builder()
                        .residuals(new double[] {0, Double.NaN})
                        .build());
        assertTrue(e.getMessage().contains("none of the 2 residuals"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResidualHistogramChart.Bins.of(new double[] {1}, 0));
        assertTrue(e.getMessage().contains("bins = 0"), e.getMessage());
    }
}
