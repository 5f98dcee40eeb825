package se.samverka.reporting.annual.export;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** One document's bar charts, each drawn where its {@code object} element stands, found by its index. */
final class BarCharts implements FSObjectDrawerFactory {

    static final String INDEX = "data-chart";

    private final List<BarChart> charts = new ArrayList<>();

    /** @return the index the chart's element names in {@value #INDEX} */
    int add(List<BarChart.Bar> bars) {
        charts.add(new BarChart(bars));
        return charts.size() - 1;
    }

    @Override
    public FSObjectDrawer createDrawer(Element element) {
        return charts.get(Integer.parseInt(element.getAttribute(INDEX)));
    }

    @Override
    public boolean isReplacedObject(Element element) {
        return BarChart.TYPE.equals(element.getAttribute("type"));
    }
}
