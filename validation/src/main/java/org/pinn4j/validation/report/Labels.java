package org.pinn4j.validation.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/** Axis labels (with units where the catalogue's problems have them) and number formatting for chart texts. */
final class Labels {
    /** Units and meanings of catalogue variables that have them, by "problem/variable". */
    private static final Map<String, String> KNOWN = Map.of(
            "black-scholes/S", "S (asset price)",
            "black-scholes/t", "t (calendar time, years)",
            "black-scholes/V", "V (option value)",
            "oscillator/t", "t (time)",
            "oscillator/x", "x (displacement)");

    private Labels() {}

    /** The axis label of a variable: its name, with its meaning or unit where known. */
    static String of(String problem, String variable) {
        String known = KNOWN.get(problem + "/" + variable);
        if (known != null) {
            return known;
        }
        return variable.equals("t") ? "t (time)" : variable;
    }

    /**
     * A coordinate value in at most three significant digits without trailing zeros, e.g. 0.25, 0.5, 1,
     * -0.333, 1.23e-05 (used in titles and file names, so never locale-dependent).
     */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
        double a = Math.abs(b.doubleValue());
        if (a >= 1e-4 && a < 1e6) {
            return b.toPlainString();
        }
        int exponent = b.precision() - b.scale() - 1;
        String mantissa = b.movePointLeft(exponent).toPlainString();
        return mantissa + "e" + exponent;
    }
}
