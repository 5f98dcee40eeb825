package se.samverka.partnership.broker.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much each criterion of a match weighs, under {@code samverka.broker.weights}: a municipality decides what
 * matters most to it. A match's score is the share, 0 to 100, of the weight of the criteria that apply to it (those
 * the interest or call asks something of and the candidate's kind can meet) which it meets. The same weights serve
 * the matches of an interest and of a funding call: a criterion weighs the same whichever side asks.
 *
 * @param place         the candidate is, or looks, where the interest looks (its countries and regions); a call is
 *                      open to them; a partnership, project or interest is in (or looks to) a call's countries
 * @param themes        the same global themes
 * @param growthAreas   the same areas of the growth programme
 * @param strategies    serves the strategies for cooperation with business and the social economy, for an interest
 *                      of a company or of the social economy ({@code samverka.broker.business-strategies}); serves
 *                      a call's strategies
 * @param sectors       in a sector the interest wants, or wants the interest's sector
 * @param purposes      the same purposes, or an organisation of a kind that suits them; purposes a call may fund
 * @param complementary an interest that offers what this one seeks, or seeks what it offers
 * @param organisationType the organisation is of a kind the call is open to (a call that names kinds matches only
 *                      those)
 */
@ConfigurationProperties("samverka.broker.weights")
public record MatchWeights(
        @DefaultValue("30") double place,
        @DefaultValue("15") double themes,
        @DefaultValue("15") double growthAreas,
        @DefaultValue("10") double strategies,
        @DefaultValue("10") double sectors,
        @DefaultValue("10") double purposes,
        @DefaultValue("10") double complementary,
        @DefaultValue("10") double organisationType) {

    double of(Criterion criterion) {
        return switch (criterion) {
            case PLACE -> place;
            case THEMES -> themes;
            case GROWTH_AREAS -> growthAreas;
            case STRATEGIES -> strategies;
            case SECTORS -> sectors;
            case PURPOSES -> purposes;
            case COMPLEMENTARY -> complementary;
            case ORGANISATION_TYPE -> organisationType;
        };
    }
}
