package se.samverka.platform.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import se.samverka.platform.events.Money;

/**
 * An amount in a currency as a request gives it (a funding line's, a call's budget), checked for what a constraint
 * cannot see: that the currency is one of ISO 4217 and the amount has no more decimals than it.
 */
public record MoneyDetails(
        @NotNull @DecimalMin("0") BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "{validation.currency}") String currency) {

    /**
     * The amount as exact money at its currency's decimals; null when left out, and null with the field's problem
     * added when the currency or the decimals are wrong.
     *
     * @param field where it stands in the request, e.g. {@code applied} or {@code budget}
     */
    public static Money exact(MoneyDetails details, String field, List<FieldProblem> problems) {
        if (details == null) {
            return null;
        }
        Currency currency;
        try {
            currency = Currency.getInstance(details.currency());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field + ".currency", "reason.currency", details.currency()));
            return null;
        }
        if (details.amount().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            problems.add(new FieldProblem(field + ".amount", "reason.amount.decimals", currency.getCurrencyCode(),
                    currency.getDefaultFractionDigits()));
            return null;
        }
        return new Money(details.amount().setScale(currency.getDefaultFractionDigits()), currency.getCurrencyCode());
    }
}
