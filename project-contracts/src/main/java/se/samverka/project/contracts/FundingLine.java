package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;
import se.samverka.platform.events.Money;

/**
 * Money a project applied for from one programme, and what became of it.
 *
 * @param programme       a code of the funding programmes' reference data, e.g. INTERREG_AURORA
 * @param call            the programme's call, e.g. "Call 3"
 * @param callId          the call of the register it answers, when it names one
 * @param granted         absent until decided
 * @param ownContribution what the municipality puts in itself
 * @param internal        for the municipality's eyes only: never shown to partners or the public
 */
public record FundingLine(
        String fundingLineId,
        String programme,
        String call,
        String callId,
        Money applied,
        Money granted,
        Money paid,
        Money ownContribution,
        LocalDate decidedOn,
        Boolean internal) {

    public FundingLine {
        // Lines announced before the flag existed were never marked.
        internal = Boolean.TRUE.equals(internal);
        requireText(fundingLineId, "fundingLineId");
        requireText(programme, "programme");
        Objects.requireNonNull(applied, "applied is required");
    }
}
