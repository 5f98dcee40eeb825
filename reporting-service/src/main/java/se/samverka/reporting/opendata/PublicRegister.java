package se.samverka.reporting.opendata;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.reporting.readmodel.CallEntry;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.PartnershipEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ProjectEntry.FundingEntry;
import se.samverka.reporting.readmodel.ReadModelSet;

/**
 * What of the read models is public, and so open data: the PUBLIC projects, partnerships and funding calls (withdrawn
 * calls left out), the organisations of the directory that are not persons, and of the projects' funding the lines
 * not marked internal. What a public thing names that is not public (a COUNTY partnership, a company) is left out of
 * it too, but for the countries, which name no one.
 *
 * <p>Who is a person: the events never carry an organisation number (a sole trader's is a personal identity number,
 * ADR 0005), so nothing tells a sole trader from a limited company. An organisation is published only where its
 * sector, or without one its kind, says it is no private business: of the public sector or the social economy
 * (associations, foundations). Companies and every private organisation are left out; contact persons are never in the
 * read models.
 */
public final class PublicRegister {

    static final String PUBLIC = "PUBLIC";
    private static final Set<String> SECTORS = Set.of("PUBLIC", "SOCIAL_ECONOMY");
    /** The kinds whose sector is never private, for registrations published before the sector was. */
    private static final Set<String> KINDS = Set.of("DEPARTMENT", "MUNICIPAL_COMPANY", "MUNICIPALITY", "REGION",
            "SOCIAL_ECONOMY", "UNIVERSITY", "GOVERNMENT_AGENCY", "FOREIGN_CITY", "FOREIGN_REGION");

    private final Map<String, OrganisationEntry> organisations;
    private final Map<String, String> countries;
    private final Map<String, PartnershipEntry> partnerships;
    private final Map<String, ProjectEntry> projects;
    private final Map<String, CallEntry> calls;
    private final Instant directoryChanged;

    /**
     * @param organisations    every organisation of the directory, by id
     * @param partnerships     every partnership
     * @param projects         the projects (only the PUBLIC ones are kept)
     * @param calls            every funding call
     * @param directoryChanged when the directory's newest event happened, or null before the first
     */
    public PublicRegister(Map<String, OrganisationEntry> organisations, Map<String, PartnershipEntry> partnerships,
                          Map<String, ProjectEntry> projects, Map<String, CallEntry> calls, Instant directoryChanged) {
        this.organisations = kept(organisations, entry -> entry.description() != null && isNoPerson(entry.description()));
        this.countries = organisations.entrySet().stream().filter(entry -> entry.getValue().description() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().description().country()));
        this.partnerships = kept(partnerships, entry -> entry.description() != null
                && PUBLIC.equals(entry.description().visibility()));
        this.projects = kept(projects, entry -> PUBLIC.equals(entry.description().visibility()));
        this.calls = kept(calls, entry -> PUBLIC.equals(entry.visibility()) && !entry.withdrawn());
        this.directoryChanged = directoryChanged;
    }

    /** What is public in one generation of the read models. Read within {@link ReadModelSet#reading}. */
    public static PublicRegister read(ReadModelSet set) {
        return new PublicRegister(set.organisations().findAll(), set.partnerships().findAll(),
                set.projectsVisibleAs(PUBLIC), set.calls().findAll(),
                set.organisations().lastEventTime().orElse(null));
    }

    /** Whether nothing says the organisation might be a person: see the class's comment. */
    public static boolean isNoPerson(OrganisationDescription organisation) {
        return !"COMPANY".equals(organisation.type()) && (organisation.sector() != null
                ? SECTORS.contains(organisation.sector()) : KINDS.contains(organisation.type()));
    }

    /** The published organisations, by id in the order of the ids. */
    public Map<String, OrganisationEntry> organisations() {
        return organisations;
    }

    public Map<String, PartnershipEntry> partnerships() {
        return partnerships;
    }

    public Map<String, ProjectEntry> projects() {
        return projects;
    }

    public Map<String, CallEntry> calls() {
        return calls;
    }

    /** The project's funding lines that are not internal. */
    public static List<FundingEntry> publicFunding(ProjectEntry project) {
        return project.funding().stream().filter(funding -> !funding.line().internal()).toList();
    }

    /** Of the organisations named, those published, each once, in the order named. */
    public List<String> published(Collection<String> organisationIds) {
        return organisationIds.stream().filter(organisations::containsKey).distinct().toList();
    }

    /** The published organisation, when it is one. */
    public Optional<String> published(String organisationId) {
        return Optional.ofNullable(organisationId).filter(organisations::containsKey);
    }

    /** The name of a published organisation. */
    public Optional<String> nameOf(String organisationId) {
        return published(organisationId).map(id -> organisations.get(id).description().name());
    }

    /** The countries of the organisations named, published or not, each once, in alphabetical order. */
    public List<String> countriesOf(Collection<String> organisationIds) {
        return organisationIds.stream().map(countries::get).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** Of the partnerships named, the PUBLIC ones, in the order named. */
    public List<String> publicPartnerships(Collection<String> partnershipIds) {
        return partnershipIds.stream().filter(partnerships::containsKey).distinct().toList();
    }

    /** When the directory's newest event happened: its names and countries are in the other datasets too. */
    public Optional<Instant> directoryChanged() {
        return Optional.ofNullable(directoryChanged);
    }

    /** The latest of the instants there are. */
    static Optional<Instant> latest(Stream<Instant> instants) {
        return instants.filter(Objects::nonNull).max(Comparator.naturalOrder());
    }

    private static <V> Map<String, V> kept(Map<String, V> all, Predicate<V> which) {
        return all.entrySet().stream().filter(entry -> which.test(entry.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
