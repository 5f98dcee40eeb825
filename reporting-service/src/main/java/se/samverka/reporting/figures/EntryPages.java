package se.samverka.reporting.figures;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.report.ReportFilter;

/**
 * How a report finds a page of its rows among the projects' entries, in its order, by what each entry holds and what
 * is kept beside it ({@link Contribution}), instead of reading every entry. Valid where the figures are whole: every
 * entry then keeps what the current version of {@link Contribution} keeps.
 */
public final class EntryPages {

    private static final String VIEW = "view.";
    private static final String KEPT = ProjectionStore.BESIDE + ".";
    private static final String SCORE = VIEW + "score";
    private static final String TITLE_ORDER = KEPT + Contribution.TITLE_ORDER;
    private static final String OWNER = VIEW + "description.ownerOrganisationId";
    private static final String COUNTRIES = KEPT + Contribution.COUNTRIES;
    private static final String PARTICIPANTS = KEPT + Contribution.PARTICIPANTS;

    /** By title, in Swedish order. */
    public static final Sort BY_TITLE = Sort.by(TITLE_ORDER);
    /** Lowest score first, a score's projects by title. */
    public static final Sort BY_SCORE = Sort.by(SCORE, TITLE_ORDER);

    private EntryPages() {
    }

    /**
     * The fields to index: those the orders read, so that a page is read from one end of an index, and the filters
     * that may match few projects (a department's, a country's, an organisation's taking part), so that those are
     * found, not walked to.
     */
    public static List<String> indexed() {
        return List.of(SCORE, TITLE_ORDER, OWNER, COUNTRIES, PARTICIPANTS);
    }

    /**
     * The projects {@code filter} includes, as
     * {@link ReportFilter#includes(ProjectEntry, se.samverka.reporting.readmodel.Snapshot)} decides.
     */
    public static Criteria of(ReportFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.year() != null) {
            all.add(Criteria.where(KEPT + Contribution.FROM_YEAR).lte(filter.year()));
            all.add(new Criteria().orOperator(Criteria.where(KEPT + Contribution.UNTIL_YEAR).gte(filter.year()),
                    Criteria.where(KEPT + Contribution.UNTIL_YEAR).exists(false)));
        }
        if (filter.department() != null) {
            all.add(Criteria.where(OWNER).is(filter.department()));
        }
        if (filter.strategy() != null) {
            all.add(Criteria.where(VIEW + "description.strategies").is(filter.strategy()));
        }
        if (filter.country() != null) {
            all.add(Criteria.where(COUNTRIES).is(filter.country()));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    /** Open projects assessed below {@code threshold}. */
    public static Criteria openBelow(double threshold) {
        return new Criteria().andOperator(open(), Criteria.where(SCORE).lt(threshold));
    }

    /**
     * Open projects the organisation owns or takes part in, as coverage counts them; the organisation first, so that
     * a store finds them by its index.
     */
    public static Criteria openWith(String organisationId) {
        return new Criteria().andOperator(Criteria.where(PARTICIPANTS).is(organisationId), open());
    }

    private static Criteria open() {
        return Criteria.where(VIEW + "status").nin(ProjectEntry.ENDED);
    }

    /** Projects with indicators. */
    public static Criteria withIndicators() {
        return Criteria.where(KEPT + Contribution.INDICATORS + ".kind").exists(true);
    }
}
