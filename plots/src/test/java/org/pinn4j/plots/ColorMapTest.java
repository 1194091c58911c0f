package org.pinn4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ColorMapTest {

    @Test
    void endsAreThePublishedMatplotlibColours() {
        // viridis runs from #440154 to #fde725, magma from #000004 to #fcfdbf (matplotlib's
        // tables); colours are integers, so the comparison is exact.
        assertEquals(0xff440154, ColorMap.VIRIDIS.argb(0.0));
        assertEquals(0xfffde725, ColorMap.VIRIDIS.argb(1.0));
        assertEquals(0xff000004, ColorMap.MAGMA.argb(0.0));
        assertEquals(0xfffcfdbf, ColorMap.MAGMA.argb(1.0));
    }

    @Test
    void interpolatesLinearlyBetweenAnchors() {
        // Halfway between viridis anchors 0 (#440154) and 1 (#482878) of 10: each channel is the
        // rounded mean, e.g. red (0x44 + 0x48) / 2 = 70; exact up to the rounding of .5 (+-1).
        Color c = ColorMap.VIRIDIS.color(0.5 / 9);
        assertEquals((0x44 + 0x48) / 2.0, c.getRed(), 0.5);
        assertEquals((0x01 + 0x28) / 2.0, c.getGreen(), 0.5);
        assertEquals((0x54 + 0x78) / 2.0, c.getBlue(), 0.5);
    }

    @Test
    void clampsOutsideAndMarksNaN() {
        assertEquals(ColorMap.VIRIDIS.argb(0.0), ColorMap.VIRIDIS.argb(-3.0));
        assertEquals(ColorMap.VIRIDIS.argb(1.0), ColorMap.VIRIDIS.argb(7.0));
        assertEquals(ColorMap.NO_DATA.getRGB(), ColorMap.VIRIDIS.argb(Double.NaN));
        assertEquals(ColorMap.NO_DATA, ColorMap.MAGMA.color(Double.POSITIVE_INFINITY, 0, 1));
    }

    @Test
    void sequentialMapsGetBrighterMonotonically() {
        // The defining property of viridis and magma: perceived lightness increases along the map.
        // Rec. 709 luminance of 200 samples must be non-decreasing.
        for (ColorMap map : new ColorMap[] {ColorMap.VIRIDIS, ColorMap.MAGMA}) {
            double last = -1;
            for (int i = 0; i <= 200; i++) {
                Color c = map.color(i / 200.0);
                double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
                assertTrue(lum >= last - 1e-9, map + " luminance drops at t = " + i / 200.0);
                last = lum;
            }
        }
    }

    @Test
    void valueScaleMapsMinAndMaxToTheEnds() {
        assertEquals(ColorMap.COOLWARM.color(0.0), ColorMap.COOLWARM.color(-2.0, -2.0, 6.0));
        assertEquals(ColorMap.COOLWARM.color(1.0), ColorMap.COOLWARM.color(6.0, -2.0, 6.0));
        assertEquals(ColorMap.COOLWARM.color(0.25), ColorMap.COOLWARM.color(0.0, -2.0, 6.0));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ColorMap.VIRIDIS.color(0.5, 1.0, 1.0));
        assertTrue(e.getMessage().contains("min < max"), e.getMessage());
    }
}
