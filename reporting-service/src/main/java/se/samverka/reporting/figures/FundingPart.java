package se.samverka.reporting.figures;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import se.samverka.platform.events.Money;
import se.samverka.project.contracts.FundingLine;
import se.samverka.reporting.readmodel.ProjectEntry.FundingEntry;

/**
 * What one funding line adds to the figures: a line under its programme and year, and each amount given, exactly, in
 * its currency.
 *
 * @param year    the year the money counts in ({@link FundingEntry#year})
 * @param amounts by APPLIED, GRANTED, PAID and OWN_CONTRIBUTION, those given
 */
record FundingPart(String programme, int year, Map<String, Money> amounts) {

    FundingPart {
        amounts = Map.copyOf(amounts);
    }

    static FundingPart of(FundingEntry entry) {
        FundingLine line = entry.line();
        Map<String, Money> amounts = new LinkedHashMap<>();
        put(amounts, "APPLIED", line.applied());
        put(amounts, "GRANTED", line.granted());
        put(amounts, "PAID", line.paid());
        put(amounts, "OWN_CONTRIBUTION", line.ownContribution());
        return new FundingPart(line.programme(), entry.year(), amounts);
    }

    void addTo(Figures figures, String slice, int sign) {
        String row = programme + "|" + year;
        figures.add(slice, Counts.FUNDING_LINES + ":" + row, sign);
        amounts.forEach((kind, money) -> {
            figures.add(slice, Counts.FUNDING_AMOUNTS + ":" + row + "|" + money.currency(), sign);
            figures.add(slice, Counts.FUNDING + ":" + row + "|" + money.currency() + "|" + kind,
                    sign > 0 ? money.amount() : money.amount().negate());
        });
    }

    Document toDocument() {
        Document given = new Document();
        amounts.forEach((kind, money) -> given.append(kind, new Document("amount", money.amount().toPlainString())
                .append("currency", money.currency())));
        return new Document("programme", programme).append("year", year).append("amounts", given);
    }

    static FundingPart from(Document document) {
        Map<String, Money> amounts = new LinkedHashMap<>();
        document.get("amounts", new Document()).forEach((kind, money) -> amounts.put(kind, new Money(
                new BigDecimal(((Document) money).getString("amount")), ((Document) money).getString("currency"))));
        return new FundingPart(document.getString("programme"), document.getInteger("year"), amounts);
    }

    private static void put(Map<String, Money> amounts, String kind, Money money) {
        if (money != null) {
            amounts.put(kind, money);
        }
    }
}
