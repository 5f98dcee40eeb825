package se.samverka.reporting.figures;

import java.math.BigDecimal;
import java.util.List;
import org.bson.Document;
import se.samverka.reporting.readmodel.ProjectEntry.IndicatorEntry;

/**
 * What one indicator adds to the figures: under each strategy of its project, by kind and unit, one indicator, one
 * reported where it has a latest value, and its baseline, target and latest value summed exactly.
 *
 * @param baseline null where none was given (it sums as zero)
 * @param latest   null before a report
 */
record IndicatorPart(String kind, String unit, BigDecimal baseline, BigDecimal target, BigDecimal latest) {

    static IndicatorPart of(IndicatorEntry indicator) {
        return new IndicatorPart(indicator.kind(), indicator.unit(), indicator.baseline(), indicator.target(),
                indicator.latest());
    }

    void addTo(Figures figures, String slice, List<String> strategies, int sign) {
        for (String strategy : strategies) {
            String key = Counts.indicatorKey(strategy, kind, unit);
            figures.add(slice, Counts.INDICATORS + ":" + key, sign);
            sum(figures, slice, Counts.INDICATOR_BASELINE + ":" + key, baseline, sign);
            sum(figures, slice, Counts.INDICATOR_TARGET + ":" + key, target, sign);
            if (latest != null) {
                figures.add(slice, Counts.INDICATORS_REPORTED + ":" + key, sign);
                sum(figures, slice, Counts.INDICATOR_LATEST + ":" + key, latest, sign);
            }
        }
    }

    private static void sum(Figures figures, String slice, String key, BigDecimal amount, int sign) {
        if (amount != null) {
            figures.add(slice, key, sign > 0 ? amount : amount.negate());
        }
    }

    Document toDocument() {
        Document document = new Document("kind", kind).append("unit", unit);
        put(document, "baseline", baseline);
        put(document, "target", target);
        put(document, "latest", latest);
        return document;
    }

    static IndicatorPart from(Document document) {
        return new IndicatorPart(document.getString("kind"), document.getString("unit"), amount(document, "baseline"),
                amount(document, "target"), amount(document, "latest"));
    }

    private static void put(Document document, String key, BigDecimal amount) {
        if (amount != null) {
            document.append(key, amount.toPlainString());
        }
    }

    private static BigDecimal amount(Document document, String key) {
        String amount = document.getString(key);
        return amount == null ? null : new BigDecimal(amount);
    }
}
