package se.samverka.platform.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in a currency. The amount travels as a decimal string ({@code "1250000.00"}), so that no JSON
 * client rounds it through binary floating point.
 *
 * @param currency ISO 4217, e.g. SEK, EUR, NOK
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount is required");
        Contracts.requireText(currency, "currency");
        Currency.getInstance(currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }
}
