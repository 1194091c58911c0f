package org.pinn4j.plots;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * The label of a step marker (e.g. an optimizer switch): text drawn just right of the marker's
 * vertical line, near the top of the plot area. XChart's own text annotation centres the text
 * on its anchor, which would put the line through the label.
 */
final class StepMarkerAnnotation extends Annotation {

    private final double step;
    private final String label;
    private final int row;

    /**
     * @param step x value of the marker line
     * @param label text to draw
     * @param row vertical slot (0 = top), so labels of nearby markers do not overlap
     */
    StepMarkerAnnotation(double step, String label, int row) {
        super(false);
        this.step = step;
        this.label = label;
        this.row = row;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        SavedState saved = new SavedState(g);
        try {
            g.setFont(styler.getAnnotationTextFont());
            g.setColor(styler.getAnnotationTextFontColor());
            FontMetrics fm = g.getFontMetrics();
            double x = chart.getScreenXFromChart(step) + 5;
            double top = getYAxisScreenValueForMin();
            double baseline = top + 6 + fm.getAscent() + row * (fm.getHeight() + 2);
            g.drawString(label, (float) x, (float) baseline);
        } finally {
            saved.restore();
        }
    }
}
