package org.pinn4j.validation.runner;

import java.util.Locale;

/** Number formatting shared by result lines and reports (locale-independent). */
public final class Numbers {
    private Numbers() {}

    /** Four significant digits in scientific form, e.g. "1.234e-03"; "nan" for NaN. */
    public static String sci(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%.3e", x);
    }

    /** Scientific form without trailing zeros, e.g. 6.7e-4 gives "6.7e-04"; "nan" for NaN. */
    public static String compact(double x) {
        String s = sci(x);
        int e = s.indexOf('e');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + s.substring(e);
    }

    /** Fixed-point with {@code digits} decimals, e.g. seconds. */
    public static String fixed(double x, int digits) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", x);
    }

    /** Nine significant digits, e.g. an identified coefficient whose error is far below 0.1%. */
    public static String precise(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%.9g", x);
    }

    /** A percentage: three decimals from 0.001 up (and 0), else scientific, e.g. "0.066" or "4.4e-04". */
    public static String percent(double x) {
        return x == 0 || Math.abs(x) >= 1e-3 || Double.isNaN(x) ? fixed(x, 3) : compact(x);
    }

    /** Six significant digits, e.g. a setting. */
    public static String general(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
