package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StyleTest {

    @Test
    void formatsNumbersCompactly() {
        assertEquals("0", Style.format(0.0));
        assertEquals("0.5", Style.format(0.5));
        assertEquals("-0.9999", Style.format(-0.9999265749546575));
        assertEquals("12350", Style.format(12345.678));
        assertEquals("0.001", Style.format(0.001));
        assertEquals("1.5e-4", Style.format(1.5e-4));
        assertEquals("1e5", Style.format(1e5));
        assertEquals("-2.35e-7", Style.format(-2.345e-7));
        // 9.996e-4 rounds to 10.0e-4 at 3 digits, which must be written 1e-3.
        assertEquals("1e-3", Style.format(9.996e-4));
        assertEquals("NaN", Style.format(Double.NaN));
    }

    @Test
    void decadeRangeCoversTheDataWithWholeDecades() {
        // Powers of ten are exact doubles for non-negative exponents; Math.pow(10, -5) is within
        // one ulp of 1e-5, hence the relative tolerance 1e-15.
        double[] r = Style.decadeRange(new double[] {3e-5, 0.2});
        assertEquals(1e-5, r[0], 1e-15 * 1e-5);
        assertEquals(1.0, r[1], 1e-15);
        r = Style.decadeRange(new double[] {10.0, 10.0});
        assertArrayEquals(new double[] {10.0, 100.0}, r, 1e-12);
    }

    @Test
    void keepPlottableDropsNonFiniteAndOptionallyNonPositive() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {1, 0, -1, Double.NaN, 0.5, Double.POSITIVE_INFINITY};
        double[][] all = Style.keepPlottable(x, y, false);
        assertArrayEquals(new double[] {0, 1, 2, 4}, all[0], 0.0);
        assertArrayEquals(new double[] {1, 0, -1, 0.5}, all[1], 0.0);
        double[][] pos = Style.keepPlottable(x, y, true);
        assertArrayEquals(new double[] {0, 4}, pos[0], 0.0);
        assertArrayEquals(new double[] {1, 0.5}, pos[1], 0.0);
    }

    @Test
    void rangesIgnoreNonFiniteAndWidenSingleValues() {
        assertArrayEquals(
                new double[] {-2, 3}, Style.finiteRange(new double[] {1, Double.NaN, -2}, new double[] {3}), 0.0);
        assertNull(Style.finiteRange(new double[] {Double.NaN}));
        assertArrayEquals(new double[] {0, 1}, Style.axisRange(null), 0.0);
        assertArrayEquals(new double[] {-1, 1}, Style.axisRange(new double[] {0, 0}), 0.0);
        // 5% of |2| on each side.
        assertArrayEquals(new double[] {1.9, 2.1}, Style.axisRange(new double[] {2, 2}), 1e-15);
    }

    @Test
    void decimalPatternsFollowTheRange() {
        assertEquals("0.#", Style.decimalPattern(-1, 1));
        assertEquals("0.###", Style.decimalPattern(0.0032, 0.0232));
        assertEquals("0", Style.decimalPattern(0, 8000));
        assertEquals("0.##E0", Style.decimalPattern(0, 1e-4));
        assertEquals("0.##E0", Style.decimalPattern(0, 5e6));
    }
}
