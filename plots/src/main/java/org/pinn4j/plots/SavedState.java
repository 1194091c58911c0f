package org.pinn4j.plots;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;

/**
 * Saves transform, clip, paint, stroke and font of a Graphics2D; {@link #restore()} puts them
 * back (call it in a finally block).
 * Used instead of {@code Graphics2D.create()}: VectorGraphics2D 0.13 keeps a child graphics'
 * transform and clip in effect for the parent's later drawing in the SVG output.
 */
final class SavedState {

    private final Graphics2D g;
    private final AffineTransform transform;
    private final Shape clip;
    private final Paint paint;
    private final Stroke stroke;
    private final Font font;

    SavedState(Graphics2D g) {
        this.g = g;
        this.transform = g.getTransform();
        this.clip = g.getClip();
        this.paint = g.getPaint();
        this.stroke = g.getStroke();
        this.font = g.getFont();
    }

    /** Puts back the saved transform, clip, paint, stroke and font. */
    void restore() {
        g.setTransform(transform);
        g.setClip(clip);
        g.setPaint(paint);
        g.setStroke(stroke);
        g.setFont(font);
    }
}
