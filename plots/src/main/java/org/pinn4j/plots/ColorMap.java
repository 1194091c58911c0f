package org.pinn4j.plots;

import java.awt.Color;

/**
 * Continuous colour maps for heat maps: colours interpolated linearly (in sRGB) between evenly
 * spaced anchor colours. The anchors are samples of the matplotlib maps of the same name
 * (viridis, magma: perceptually uniform, readable in grey scale; coolwarm: diverging, for
 * signed fields centred on zero).
 */
public enum ColorMap {
    /** Dark blue to yellow; the default for solution fields. */
    VIRIDIS(0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725),
    /** Black to pale yellow through purple; the default for error fields. */
    MAGMA(0x000004, 0x180f3d, 0x440f76, 0x721f81, 0x9e2f7f, 0xcd4071, 0xf1605d, 0xfd9668, 0xfeca8d, 0xfcfdbf),
    /** Blue to white-grey to red; for signed differences. */
    COOLWARM(0x3b4cc0, 0x6788ee, 0x9abbff, 0xc9d7f0, 0xedd1c2, 0xf7a889, 0xe26952, 0xb40426);

    /** Colour of cells without a finite value (NaN or infinite). */
    public static final Color NO_DATA = new Color(0xbdbdbd);

    private final int[] anchors;

    ColorMap(int... anchors) {
        this.anchors = anchors;
    }

    /**
     * Packed RGB (0xRRGGBB, opaque alpha 0xFF000000 added) for a position t in [0, 1]; values
     * outside are clamped to the end colours, NaN gives {@link #NO_DATA}.
     */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return NO_DATA.getRGB();
        }
        double c = Math.min(1.0, Math.max(0.0, t)) * (anchors.length - 1);
        int i = Math.min((int) c, anchors.length - 2);
        double f = c - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int r = mix((a >> 16) & 0xff, (b >> 16) & 0xff, f);
        int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, f);
        int bl = mix(a & 0xff, b & 0xff, f);
        return 0xff000000 | (r << 16) | (g << 8) | bl;
    }

    /** The colour for a position t in [0, 1] (clamped; NaN gives {@link #NO_DATA}). */
    public Color color(double t) {
        return new Color(argb(t), true);
    }

    /**
     * The colour for a value v on the scale [min, max]: {@code color((v - min) / (max - min))}.
     *
     * @throws IllegalArgumentException if min and max are not finite with min &lt; max
     */
    public Color color(double v, double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException(
                    "ColorMap: scale [" + min + ", " + max + "] must be finite with min < max");
        }
        return color(Double.isFinite(v) ? (v - min) / (max - min) : Double.NaN);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
