package org.pinn4j.validation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The report's number forms: percentages readable from 0.001% down, coefficients to nine digits. */
class NumbersTest {
    @Test
    void percentagesKeepTheirDigitsBelowAThousandth() {
        assertEquals("0.066", Numbers.percent(0.0661));
        assertEquals("0.000", Numbers.percent(0.0));
        assertEquals("4.4e-04", Numbers.percent(4.4e-4));
        assertEquals("nan", Numbers.percent(Double.NaN));
        assertEquals("0.00318311281", Numbers.precise(0.0031831128118528524));
        assertEquals("1.00000000", Numbers.precise(1.0));
    }
}
