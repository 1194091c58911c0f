package org.pinn4j.plots;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

/**
 * Series that the builders add for layout only and that are never drawn: every chart of this
 * package has one invisible series named {@link #AXIS_RANGE} spanning the axis ranges. It keeps
 * XChart 3.8 from placing tick marks only at data values, which it does whenever all x (or y)
 * values of a chart happen to be equally spaced (e.g. {@code linspace} abscissae or
 * consecutive steps) and which gives unreadable labels such as "1.26295182".
 */
public final class HiddenSeries {

    /** Name of the invisible axis-range series. */
    public static final String AXIS_RANGE = "axis range";

    private HiddenSeries() {}

    /** Names of the chart's series except the invisible one, in the order they were added. */
    public static List<String> shownSeriesNames(Chart<?, ?> chart) {
        if (chart == null) {
            throw new IllegalArgumentException("HiddenSeries: chart must not be null");
        }
        List<String> out = new ArrayList<>();
        for (Series s : chart.getSeriesMap().values()) {
            if (!AXIS_RANGE.equals(s.getName())) {
                out.add(s.getName());
            }
        }
        return out;
    }
}
