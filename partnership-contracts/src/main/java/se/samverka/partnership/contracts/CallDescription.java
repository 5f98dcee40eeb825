package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.copyOf;
import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import se.samverka.platform.events.Money;

/**
 * What a funding call is, as its events publish it: the part of {@link CallPublished} and {@link CallUpdated} that both
 * restate, travelling flat beside {@code callId}. A call is public information of its programme, so all of it travels.
 *
 * @param programme                 a code of the funding programmes' reference data, e.g. INTERREG_AURORA
 * @param opensOn                   when applications may be sent, if announced
 * @param deadline                  the last day applications are taken
 * @param budget                    what the call distributes, if announced
 * @param themes                    the global questions it funds
 * @param growthAreas               codes of the growth programme's areas it suits
 * @param strategies                codes of the municipality's strategies it serves
 * @param eligibleCountries         ISO 3166-1 alpha-2 codes of the countries whose organisations may take part; empty:
 *                                  any
 * @param eligibleOrganisationTypes the kinds of organisation that may apply (the directory's types); empty: any
 * @param url                       the programme's page for the call
 * @param visibility                INTERNAL, COUNTY or PUBLIC
 */
public record CallDescription(
        String programme,
        String name,
        String nameEn,
        String summary,
        LocalDate opensOn,
        LocalDate deadline,
        Money budget,
        List<String> themes,
        List<String> growthAreas,
        List<String> strategies,
        List<String> eligibleCountries,
        List<String> eligibleOrganisationTypes,
        String url,
        String visibility) {

    public CallDescription {
        requireText(programme, "programme");
        requireText(name, "name");
        Objects.requireNonNull(deadline, "deadline is required");
        requireText(visibility, "visibility");
        themes = copyOf(themes, "themes");
        growthAreas = copyOf(growthAreas, "growthAreas");
        strategies = copyOf(strategies, "strategies");
        eligibleCountries = copyOf(eligibleCountries, "eligibleCountries");
        eligibleOrganisationTypes = copyOf(eligibleOrganisationTypes, "eligibleOrganisationTypes");
    }
}
