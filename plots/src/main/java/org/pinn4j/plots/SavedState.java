package org.pinn4j.plots;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;

/**
 * Saves transform, clip, paint, stroke and font of a Graphics2D and restores them on close.
 * Used instead of {@code Graphics2D.create()}: VectorGraphics2D 0.13 keeps a child graphics'
 * transform and clip in effect for the parent's later drawing in the SVG output.
 */
final class SavedState implements AutoCloseable {

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

  @Override
  public void close() {
    g.setTransform(transform);
    g.setClip(clip);
    g.setPaint(paint);
    g.setStroke(stroke);
    g.setFont(font);
  }
}
