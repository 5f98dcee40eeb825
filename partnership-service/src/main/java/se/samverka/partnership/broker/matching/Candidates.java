package se.samverka.partnership.broker.matching;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.samverka.partnership.activity.ProjectLinks.KnownProject;
import se.samverka.partnership.broker.interest.Interest;
import se.samverka.partnership.call.Call;
import se.samverka.partnership.call.CallStatus;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.register.Partnership;
import se.samverka.partnership.register.PartnershipParty;
import se.samverka.partnership.register.PartnershipStatus;
import se.samverka.partnership.register.PartnershipType;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;

/**
 * Makes {@link Candidate}s of what the service keeps: partnerships, organisations of the directory, projects known from
 * their events, other interests and funding calls.
 */
public final class Candidates {

    private Candidates() {
    }

    /**
     * @param organisations the directory's organisations, by id: at least the parties and the responsible department
     * @param growthAreas   those of its projects, as far as they are known: a partnership names none of its own
     */
    public static Candidate partnership(String id, Partnership p, Map<String, Organisation> organisations,
                                        Collection<String> growthAreas) {
        List<Organisation> parties = known(p.parties().stream().map(PartnershipParty::organisationId).toList(),
                organisations);
        Organisation department = p.responsibleDepartmentId() == null ? null
                : organisations.get(p.responsibleDepartmentId());
        return new Candidate(CandidateKind.PARTNERSHIP, id, new Word.Name(p.name(), p.nameEn()),
                p.responsibleDepartmentId(), department == null ? null : name(department), p.visibility().name(),
                p.responsibleDepartmentId(), p.status() != PartnershipStatus.ENDED, places(reached(p, department, organisations)),
                Set.copyOf(p.themes()), Set.copyOf(growthAreas), Set.copyOf(p.strategies()), sectors(parties),
                p.type() == PartnershipType.TWIN_CITY, null, null, null, null);
    }

    /**
     * The parties beyond the municipality itself, which is a party of each of its partnerships: where a partnership
     * reaches. Its departments and companies, and the municipality its responsible department belongs to, are left out.
     */
    private static List<Organisation> reached(Partnership p, Organisation department,
                                              Map<String, Organisation> organisations) {
        String municipality = department == null ? null : department.parentOrganisationId();
        return known(p.parties().stream().map(PartnershipParty::organisationId)
                .filter(id -> !id.equals(municipality)).toList(), organisations).stream()
                .filter(party -> !party.type().isMunicipalOperation())
                .toList();
    }

    /** The directory is public: anyone may read an organisation. */
    public static Candidate organisation(String id, Organisation o) {
        return new Candidate(CandidateKind.ORGANISATION, id, name(o), id, name(o), "PUBLIC", id, o.active(),
                places(List.of(o)), Set.of(), Set.of(), Set.of(), o.sector() == null ? Set.of() : Set.of(o.sector()),
                false, o.type(), null, null, null);
    }

    /** @param organisations the directory's organisations, by id: at least the owner and the partners */
    public static Candidate project(KnownProject p, Map<String, Organisation> organisations) {
        List<Organisation> involved = known(Stream.concat(
                Stream.of(p.ownerOrganisationId()), p.partnerOrganisationIds().stream())
                .filter(Objects::nonNull).distinct().toList(), organisations);
        Organisation owner = organisations.get(p.ownerOrganisationId());
        return new Candidate(CandidateKind.PROJECT, p.projectId(), Word.Name.of(p.title()), p.ownerOrganisationId(),
                owner == null ? null : name(owner), p.visibility(), p.ownerOrganisationId(), p.isOpen(),
                places(involved), themes(p.themes()), Set.copyOf(p.growthAreas()), Set.copyOf(p.strategies()),
                sectors(involved), false, null, null, p.status(), null);
    }

    /** @param organisations the directory's organisations, by id: at least the interest's */
    public static Candidate interest(String id, Interest i, Map<String, Organisation> organisations) {
        List<Organisation> stating = known(List.of(i.organisationId()), organisations);
        return new Candidate(CandidateKind.INTEREST, id, Word.Name.of(i.title()), i.organisationId(),
                stating.isEmpty() ? null : name(stating.get(0)), i.visibility().name(), i.organisationId(), i.isOpen(),
                places(stating), Set.copyOf(i.themes()), Set.copyOf(i.growthAreas()), Set.of(), sectors(stating),
                false, stating.isEmpty() ? null : stating.get(0).type(), new Candidate.Looking(i.direction(),
                Set.copyOf(i.purposes()), Set.copyOf(i.countries()), Set.copyOf(i.regions()), Set.copyOf(i.sectors()),
                i.projectId() != null), null, null);
    }

    /**
     * A call is matched while one may still apply to it, OPEN or UPCOMING; no organisation answers for it.
     *
     * @param programme the name of its programme
     */
    public static Candidate call(String id, Call c, Word.Name programme, LocalDate today) {
        CallStatus status = c.status(today);
        boolean current = status == CallStatus.OPEN || status == CallStatus.UPCOMING;
        int opensIn = c.opensOn() == null || !c.opensOn().isAfter(today) ? 0
                : (int) ChronoUnit.DAYS.between(today, c.opensOn());
        return new Candidate(CandidateKind.CALL, id, new Word.Name(c.name(), c.nameEn()), null, programme,
                c.visibility().name(), null, current, List.of(), Set.copyOf(c.themes()), Set.copyOf(c.growthAreas()),
                Set.copyOf(c.strategies()), Set.of(), false, null, null, null,
                new Candidate.Funding(Set.copyOf(c.eligibleCountries()), Set.copyOf(c.eligibleOrganisationTypes()),
                        opensIn, current ? c.daysLeft(today) : 0));
    }

    static Word.Name name(Organisation organisation) {
        return new Word.Name(organisation.name(), organisation.nameEn());
    }

    private static List<Organisation> known(Collection<String> ids, Map<String, Organisation> organisations) {
        return ids.stream().map(organisations::get).filter(Objects::nonNull).toList();
    }

    private static List<Candidate.Place> places(List<Organisation> organisations) {
        return organisations.stream()
                .map(organisation -> new Candidate.Place(name(organisation), organisation.country(),
                        organisation.region()))
                .toList();
    }

    private static Set<Sector> sectors(List<Organisation> organisations) {
        return organisations.stream().map(Organisation::sector).filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sector.class)));
    }

    /** Project events carry themes as text: those this service does not know are left out. */
    private static Set<GlobalTheme> themes(List<String> codes) {
        Set<String> known = EnumSet.allOf(GlobalTheme.class).stream().map(Enum::name).collect(Collectors.toSet());
        return codes.stream().filter(known::contains).map(GlobalTheme::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(GlobalTheme.class)));
    }
}
