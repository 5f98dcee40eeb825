package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A randomised history of commands through the gateway, then every read model of reporting-service compared with
 * what the source services hold: "after a randomised history of commands, every read model agrees with what the
 * source services hold".
 *
 * <p>The history creates organisations, partnerships and projects and changes them in random order: lifecycle steps
 * (with what each needs first), health, partners and parties, funding lines (several currencies, with and without a
 * decision), indicators and their reports (out of date order too), activities, descriptions, agreements and
 * decisions, renamed, moved and deactivated organisations. Mixed in are projects changed in alternation and in
 * parallel, two writers racing with the same ETag (one must win, the other get 412), stale If-Match headers (412,
 * nothing changes), invalid commands (422 naming the field, nothing changes) and illegal lifecycle steps (409).
 *
 * <p>Once reporting has caught up, the expected figures are computed from what partnership-service and
 * project-service return (never from the test's own bookkeeping), following the reports' definitions, over the whole
 * data set (demo data included) and under a department, strategy, country and year filter: portfolio, coverage,
 * partnerships and twin cities, funding (exact sums per currency, and SEK at the configured rates), geography,
 * priority, indicators and the activity feed.
 *
 * <p>The history is drawn from a seed, printed at the start; replay a failure with {@code -Dsamverka.seed=<seed>}
 * ({@code -Dsamverka.commands=<n>} sets the length of the history, 120 by default).
 */
class ReportingConsistencyIT {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final long SEED = Long.getLong("samverka.seed", new Random().nextLong());
    private static final int COMMANDS = Integer.getInteger("samverka.commands", 120);
    private static final Path REPORTING_SETTINGS = Path.of("..", "reporting-service", "src", "main", "resources",
            "application.yml");
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    /** Long enough for one whole comparison (hundreds of requests) on a loaded machine, not a wait in itself. */
    private static final Duration AGREEMENT = Duration.ofSeconds(120);
    private static final int FEED_LIMIT = 200;

    private static final List<String> STRATEGIES = List.of("S1", "S2", "S3");
    private static final Map<String, List<String>> ACTIONS = Map.of("S1", List.of("S1.1", "S1.2", "S1.3", "S1.4"),
            "S2", List.of("S2.1", "S2.2"), "S3", List.of("S3.1", "S3.2", "S3.3"));
    private static final List<String> GROWTH_AREAS = List.of("EXPERIENCE_INDUSTRY", "ENVIRONMENT_DRIVEN_BUSINESS",
            "EDUCATION_CITY");
    private static final List<String> THEMES = List.of("CLIMATE", "POVERTY_REDUCTION", "HUMAN_RIGHTS", "DEMOCRACY",
            "GENDER_EQUALITY", "DIVERSITY");
    private static final List<String> VISIBILITIES = List.of("INTERNAL", "COUNTY", "PUBLIC");
    private static final List<String> HEALTH = List.of("ON_TRACK", "AT_RISK", "OFF_TRACK");
    private static final List<String> PROGRAMMES = List.of("INTERREG_SWEDEN_NORWAY", "INTERREG_AURORA", "INTERREG_NPA",
            "INTERREG_BALTIC_SEA_REGION", "INTERREG_EUROPE", "ERASMUS_PLUS", "CREATIVE_EUROPE", "HORIZON_EUROPE",
            "CERV_TOWN_TWINNING", "ICLD_MUNICIPAL_PARTNERSHIP", "NORDIC_COUNCIL_OF_MINISTERS",
            "REGIONAL_DEVELOPMENT_FUNDS", "OWN_BUDGET");
    /** SEK most often; CHF has no configured rate, so it must show as a missing rate. */
    private static final List<String> CURRENCIES = List.of("SEK", "SEK", "SEK", "SEK", "EUR", "EUR", "EUR", "NOK",
            "DKK", "USD", "GBP", "CHF");
    private static final List<String> PROJECT_STATUSES = List.of("IDEA", "PRE_STUDY", "APPLICATION_DRAFT", "SUBMITTED",
            "APPROVED", "REJECTED", "WITHDRAWN", "ONGOING", "SUSPENDED", "FINAL_REPORTED", "CLOSED", "CANCELLED");
    private static final Set<String> PROJECT_ENDED = Set.of("CLOSED", "REJECTED", "WITHDRAWN", "CANCELLED");
    private static final List<String> PARTNERSHIP_STATUSES = List.of("EXPLORING", "LETTER_OF_INTENT", "ACTIVE",
            "DORMANT", "UNDER_REVIEW", "ENDED");
    private static final List<String> PARTNERSHIP_TYPES = List.of("TWIN_CITY", "DEVELOPMENT_PARTNERSHIP",
            "REGIONAL_COOPERATION", "NETWORK_MEMBERSHIP", "BUSINESS_COOPERATION");
    private static final List<String> AGREEMENT_TYPES = List.of("LETTER_OF_INTENT", "MEMORANDUM_OF_UNDERSTANDING",
            "AGREEMENT");
    private static final List<String> PARTY_ROLES = List.of("PARTNER", "MEMBER", "FUNDER", "OBSERVER");
    private static final List<String> PARTNER_ROLES = List.of("LEAD", "PARTNER", "ASSOCIATED", "FUNDER");
    private static final List<String> ACTIVITY_TYPES = List.of("STUDY_VISIT", "DELEGATION", "CONFERENCE", "EXCHANGE",
            "PROJECT_WORKSHOP", "MEETING_PLACE");
    private static final List<String> SECTORS = List.of("PUBLIC", "PRIVATE", "SOCIAL_ECONOMY");
    private static final List<String> GENDERS = List.of("WOMEN", "MEN", "OTHER");
    private static final List<String> UNITS = List.of("personer", "evenemang", "hushåll", "ton CO2");
    private static final List<String> WORDS = List.of("Vinterstaden", "Rent vatten", "Ungdomsutbyte", "Välfärdsteknik",
            "Kulturarv", "Fjällturism", "Skolsamarbete", "Energiomställning", "Demokratidialog", "Innovationsbro");
    private static final List<String> ORGANISATION_TYPES = List.of("FOREIGN_CITY", "FOREIGN_CITY", "FOREIGN_REGION",
            "FOREIGN_ORGANISATION", "COMPANY", "UNIVERSITY", "NETWORK", "DEPARTMENT", "MUNICIPAL_COMPANY");
    private static final Set<String> OWNER_TYPES = Set.of("DEPARTMENT", "MUNICIPAL_COMPANY", "COMPANY");
    private static final List<Place> PLACES = List.of(
            new Place("NO", Arrays.asList("NO-50", "NO-34", null)), new Place("FI", Arrays.asList("FI-05", "FI-13")),
            new Place("DK", Arrays.asList("DK-83", null)), new Place("PL", Arrays.asList("PL-18", "PL-12")),
            new Place("DE", Arrays.asList("DE-BY", null)), new Place("MN", Arrays.asList("MN-049", "MN-041")),
            new Place("ZA", Arrays.asList("ZA-EC", null)));
    private static final List<String> DESCRIPTION_FIELDS = List.of("acronym", "title", "titleEn", "summary",
            "summaryEn", "registrationNumber", "ownerOrganisationId", "contactPersonIds", "visibility",
            "partnershipIds", "strategies", "actions", "growthAreas", "themes", "sdgs", "plannedStart", "plannedEnd",
            "actualStart", "actualEnd", "mutualInterest");
    private static final List<String> ORGANISATION_FIELDS = List.of("name", "nameEn", "type", "sector", "country",
            "region", "nutsCode", "organisationNumber", "website", "parentOrganisationId", "active");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The coordinator's: the test writes as the municipality and compares what the municipality sees. */
    private String token;
    private final ExecutorService parallel = Executors.newFixedThreadPool(4);
    private final Random random = new Random(SEED);
    private final String run = "rc" + Long.toString(SEED & 0xffffffL, 36);
    private final ReportingConfig config = ReportingConfig.read(REPORTING_SETTINGS);
    private final LocalDate today = LocalDate.now(config.zone());

    private String gateway;
    private String municipality;
    /** The test's own aggregates, in the order they were created (so that picking among them replays). */
    private final Map<String, Tracked> organisations = new LinkedHashMap<>();
    private final Map<String, Tracked> partnerships = new LinkedHashMap<>();
    private final Map<String, Tracked> projects = new LinkedHashMap<>();
    private final List<String> owners = new ArrayList<>();
    private final List<String> departments = new ArrayList<>();
    /** Names and titles of what was refused or written with a stale ETag: none of them may reach a report. */
    private final List<String> refusedNames = new ArrayList<>();
    private final Map<String, Integer> done = new TreeMap<>();
    private List<Filter> filters;
    private int comparisons;
    private Instant historyStarted;
    private String compared = "";
    private String feedNote = "";
    private String reportSizes = "";

    @AfterEach
    void stopThreads() {
        parallel.shutdownNow();
    }

    @Test
    void everyReadModelAgreesWithTheSourceServicesAfterARandomHistory() {
        System.out.printf("ReportingConsistencyIT: seed %d, %d commands (replay: -Dsamverka.seed=%d)%n", SEED, COMMANDS,
                SEED);
        gateway = RunningPlatform.get().gatewayUrl();
        token = RunningPlatform.coordinatorToken();
        long started = System.nanoTime();
        municipality = first(get("/api/organisations?type=MUNICIPALITY&size=200").path("items"),
                organisation -> organisation.path("name").asString().equals("Östersunds kommun")).path("id").asString();

        setUp();
        for (int n = 1; n <= COMMANDS; n++) {
            step(n);
        }
        long historyDone = System.nanoTime();
        System.out.printf("History of %d commands done in %.1f s: %s%n", COMMANDS,
                (historyDone - started) / 1e9, done);
        System.out.println("Own projects by status: " + projects.values().stream()
                .collect(Collectors.groupingBy(Tracked::status, TreeMap::new, Collectors.counting())));

        await("reporting-service catches up (freshness.lagEvents 0; replay: -Dsamverka.seed=" + SEED + ")")
                .atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/reports/portfolio").path("freshness").path("lagEvents"),
                        lag -> lag.isNumber() && lag.asLong() == 0);
        filters = filters();
        await("every read model agrees with the source services (replay: -Dsamverka.seed=" + SEED + ")")
                .atMost(AGREEMENT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(this::compareEveryReadModel);
        System.out.printf("Every read model agreed (%s; %s) after %d comparison(s), %.1f s after the history; "
                        + "whole test %.1f s. Compared:%n  %s%n", compared, feedNote, comparisons,
                (System.nanoTime() - historyDone) / 1e9, (System.nanoTime() - started) / 1e9, reportSizes);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The history
    // ------------------------------------------------------------------------------------------------------------

    private void setUp() {
        historyStarted = Instant.now();
        int n = 0;
        for (String type : List.of("DEPARTMENT", "DEPARTMENT", "MUNICIPAL_COMPANY", "COMPANY", "UNIVERSITY",
                "FOREIGN_CITY", "FOREIGN_CITY", "FOREIGN_REGION", "FOREIGN_ORGANISATION")) {
            newOrganisation(--n, type);
        }
        newPartnership(--n);
        newPartnership(--n);
        newProject(--n);
        newProject(--n);
        newProject(--n);
    }

    private void step(int n) {
        int roll = random.nextInt(100);
        if (roll < 3) {
            newOrganisation(n, pick(ORGANISATION_TYPES));
        } else if (roll < 6) {
            updateOrganisation(n);
        } else if (roll < 9) {
            newPartnership(n);
        } else if (roll < 20) {
            partnershipStep(n);
        } else if (roll < 26) {
            newProject(n);
        } else if (roll < 76) {
            run(n, random.nextInt(5) == 0 ? advance(furthest()) : projectCommand(pickEarly(list(projects)), false));
        } else if (roll < 81) {
            stale(n);
        } else if (roll < 87) {
            invalid(n);
        } else if (roll < 90) {
            illegal(n);
        } else if (roll < 94) {
            race(n);
        } else {
            burst(n);
        }
    }

    // Organisations

    private void newOrganisation(int n, String type) {
        String label = "O" + (organisations.size() + 1);
        String name = "RC " + run + " " + label + " " + type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        Place place = pick(PLACES);
        Map<String, Object> body = switch (type) {
            case "DEPARTMENT", "MUNICIPAL_COMPANY" -> obj("name", name, "type", type, "country", "SE", "region", "SE-Z",
                    "parentOrganisationId", municipality);
            case "COMPANY" -> obj("name", name, "type", type, "country", "SE",
                    "region", random.nextBoolean() ? "SE-Z" : null);
            case "UNIVERSITY" -> random.nextBoolean()
                    ? obj("name", name, "type", type, "country", "SE", "region", "SE-Z")
                    : obj("name", name, "type", type, "country", place.country(), "region", pick(place.regions()));
            case "NETWORK" -> obj("name", name, "type", type, "sector", pick(List.of("PUBLIC", "SOCIAL_ECONOMY")),
                    "country", "BE");
            case "FOREIGN_ORGANISATION" -> obj("name", name, "type", type,
                    "sector", pick(List.of("PRIVATE", "SOCIAL_ECONOMY")), "country", place.country());
            default -> obj("name", name, "nameEn", name + " (en)", "type", type, "country", place.country(),
                    "region", pick(place.regions()));
        };
        log(n, label + " registered: " + type);
        Instant sent = Instant.now();
        Reply reply = send("POST", "/api/organisations", null, body);
        expect(reply, 201, "POST /api/organisations");
        Tracked organisation = new Tracked("organisations", reply.json().path("id").asString(), label, reply, sent);
        organisations.put(organisation.id, organisation);
        if (OWNER_TYPES.contains(type)) {
            owners.add(organisation.id);
        }
        if (type.equals("DEPARTMENT") || type.equals("MUNICIPAL_COMPANY")) {
            departments.add(organisation.id);
        }
        did("organisation registered");
    }

    private void updateOrganisation(int n) {
        Tracked organisation = pick(list(organisations));
        Map<String, Object> body = copy(organisation.body, ORGANISATION_FIELDS);
        boolean owner = owners.contains(organisation.id);
        int roll = random.nextInt(10);
        String what;
        if (!owner && roll < 3) {
            Place place = pick(PLACES);
            body.put("country", place.country());
            body.put("region", pick(place.regions()));
            what = "moves to " + place.country();
        } else if (!owner && roll < 5 && organisation.active() && partnerCandidates(Set.of()).size() > 5) {
            body.put("active", false);
            what = "is deactivated";
        } else {
            body.put("name", "RC " + run + " " + organisation.label + " omdöpt " + n);
            what = "is renamed";
        }
        run(n, new Command(organisation.label + " " + what, organisation, "PUT", "", body, false));
    }

    /** Active organisations of the test's own, but those named. */
    private List<String> partnerCandidates(Set<String> but) {
        return list(organisations).stream().filter(Tracked::active).map(organisation -> organisation.id)
                .filter(id -> !but.contains(id)).toList();
    }

    // Partnerships

    private void newPartnership(int n) {
        String label = "S" + (partnerships.size() + 1);
        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(obj("organisationId", municipality, "role", "LEAD"));
        for (String party : pickSome(partnerCandidates(Set.of()), 1 + random.nextInt(2))) {
            parties.add(obj("organisationId", party, "role", pick(PARTY_ROLES)));
        }
        String name = "RC " + run + " " + label + " " + pick(List.of("Vänort", "Partnerskap", "Samarbete", "Nätverk"));
        Map<String, Object> body = obj("name", name, "type", pick(PARTNERSHIP_TYPES), "visibility", pick(VISIBILITIES),
                "description", "Slumpad historik " + run,
                "responsibleDepartmentId", random.nextInt(10) < 7 ? pick(departments) : null,
                "themes", some(THEMES), "strategies", some(STRATEGIES), "parties", parties);
        log(n, label + " registered with " + (parties.size() - 1) + " partner(s)");
        Instant sent = Instant.now();
        Reply reply = send("POST", "/api/partnerships", null, body);
        expect(reply, 201, "POST /api/partnerships");
        Tracked partnership = new Tracked("partnerships", reply.json().path("id").asString(), label, reply, sent);
        partnerships.put(partnership.id, partnership);
        did("partnership registered");
    }

    private void partnershipStep(int n) {
        List<Tracked> open = list(partnerships).stream().filter(p -> !"ENDED".equals(p.status())).toList();
        if (open.isEmpty()) {
            newPartnership(n);
            return;
        }
        Tracked partnership = pick(open);
        JsonNode body = partnership.body;
        int roll = random.nextInt(100);
        Command command = switch (partnership.status()) {
            case "EXPLORING" -> absent(body.path("agreement")) ? agreement(partnership)
                    : roll < 85 ? partnershipTransition(partnership, "LETTER_OF_INTENT", null)
                    : partnershipTransition(partnership, "ENDED", null);
            case "LETTER_OF_INTENT" -> body.path("decisions").isEmpty() ? decision(partnership)
                    : partnershipTransition(partnership, "ACTIVE", lastDecision(body));
            case "ACTIVE", "DORMANT" -> roll < 25 ? partnershipTransition(partnership, "UNDER_REVIEW", null)
                    : roll < 50 ? addParty(partnership)
                    : roll < 75 ? describePartnership(partnership, null)
                    : removeParty(partnership);
            case "UNDER_REVIEW" -> roll < 50 ? partnershipTransition(partnership, "ACTIVE", null)
                    : roll < 70 ? decision(partnership)
                    : partnershipTransition(partnership, "ENDED", lastDecision(body));
            default -> describePartnership(partnership, null);
        };
        run(n, command);
    }

    private Command agreement(Tracked partnership) {
        LocalDate signed = pastDate(2010);
        String type = pick(AGREEMENT_TYPES);
        // Valid for a year at least: partnership-service notes on the partnership itself an agreement that ends
        // within 90 days (AgreementDueCheck, at its own times), which would make the ETag this history holds stale.
        return new Command(partnership.label + " agreement " + type, partnership, "PUT", "/agreement",
                obj("type", type, "signedOn", signed.toString(), "validFrom", signed.toString(),
                        "validTo", random.nextBoolean() ? date(today.plusYears(1), today.plusYears(9)).toString()
                                : null),
                false);
    }

    private Command decision(Tracked partnership) {
        return new Command(partnership.label + " decision", partnership, "POST", "/decisions",
                obj("body", pick(List.of("Kommunfullmäktige", "Kommunstyrelsen", "Barn- och utbildningsnämnden")),
                        "decidedOn", pastDate(2020).toString(), "paragraph", String.valueOf(1 + random.nextInt(300)),
                        "registrationNumber", (1 + random.nextInt(2000)) + "/" + (2020 + random.nextInt(6)),
                        "note", "Slumpad historik"), false);
    }

    private Command partnershipTransition(Tracked partnership, String to, String decisionId) {
        return new Command(partnership.label + " " + partnership.status() + " → " + to, partnership, "POST",
                "/transitions", obj("to", to, "reason", "Steg i slumpad historik " + run, "decisionId", decisionId),
                false);
    }

    private Command addParty(Tracked partnership) {
        Set<String> parties = new HashSet<>(partyIds(partnership.body));
        List<String> candidates = partnerCandidates(parties);
        if (candidates.isEmpty()) {
            return describePartnership(partnership, null);
        }
        String party = pick(candidates);
        return new Command(partnership.label + " party " + organisations.get(party).label + " added", partnership,
                "POST", "/parties", obj("organisationId", party, "role", pick(PARTY_ROLES)), false);
    }

    private Command removeParty(Tracked partnership) {
        List<String> parties = partyIds(partnership.body);
        if (parties.size() <= 2) {
            return addParty(partnership);
        }
        String party = pick(parties);
        return new Command(partnership.label + " party removed", partnership, "DELETE", "/parties/" + party, null,
                false);
    }

    /** @param name a new name, or null to keep it unless the dice rename it */
    private Command describePartnership(Tracked partnership, String name) {
        JsonNode body = partnership.body;
        String newName = name != null ? name : random.nextInt(5) == 0
                ? "RC " + run + " " + partnership.label + " omdöpt " + random.nextInt(1000)
                : body.path("name").asString();
        Map<String, Object> details = obj("name", newName, "nameEn", text(body.path("nameEn")),
                "description", text(body.path("description")),
                "type", random.nextInt(5) == 0 ? pick(PARTNERSHIP_TYPES) : body.path("type").asString(),
                "visibility", pick(VISIBILITIES),
                "responsibleDepartmentId", random.nextInt(10) < 7 ? text(body.path("responsibleDepartmentId"))
                        : random.nextBoolean() ? pick(departments) : null,
                "themes", some(THEMES), "strategies", some(STRATEGIES));
        return new Command(partnership.label + " described" + (newName.equals(body.path("name").asString()) ? ""
                : " and renamed"), partnership, "PUT", "", details, false);
    }

    // Projects

    private void newProject(int n) {
        String label = "P" + (projects.size() + 1);
        String owner = pick(owners);
        Map<String, Object> body = obj("acronym", "RC" + label, "title", "RC " + run + " " + label + " " + pick(WORDS),
                "ownerOrganisationId", owner, "visibility", pick(VISIBILITIES), "partnershipIds", someLinks(),
                "themes", some(THEMES),
                "sdgs", pickSome(IntStream.rangeClosed(1, 17).boxed().toList(), random.nextInt(4)),
                "mutualInterest", random.nextBoolean() ? "Båda parter lär av varandra och mäter resultaten" : null);
        alignment(body);
        plannedDates(body);
        log(n, label + " registered, owned by " + organisations.get(owner).label);
        Instant sent = Instant.now();
        Reply reply = untilKnown(() -> send("POST", "/api/projects", null, body));
        expect(reply, 201, "POST /api/projects");
        Tracked project = new Tracked("projects", reply.json().path("id").asString(), label, reply, sent);
        projects.put(project.id, project);
        did("project registered");
    }

    /** @param simple only changes that need nothing first and name nobody else (for parallel bursts) */
    private Command projectCommand(Tracked project, boolean simple) {
        int roll = random.nextInt(100);
        if (simple) {
            return roll < 25 ? health(project) : roll < 50 ? addFunding(project, random.nextInt(10) < 4)
                    : roll < 75 ? reportIndicator(project) : recordActivity(project);
        }
        if (roll < 45) {
            return advance(project);
        } else if (roll < 52) {
            return health(project);
        } else if (roll < 59) {
            return addFunding(project, random.nextInt(10) < 4);
        } else if (roll < 63) {
            return changeFunding(project, random.nextBoolean());
        } else if (roll < 65) {
            return removeFunding(project);
        } else if (roll < 71) {
            return defineIndicator(project);
        } else if (roll < 78) {
            return reportIndicator(project);
        } else if (roll < 80) {
            return changeIndicator(project);
        } else if (roll < 86) {
            return recordActivity(project);
        } else if (roll < 88) {
            return changeOrRemoveActivity(project);
        } else if (roll < 92) {
            return addPartner(project);
        } else if (roll < 94) {
            return removePartner(project);
        } else {
            return describe(project, "described", description -> randomDescriptionChange(project, description));
        }
    }

    /** The open project furthest along its lifecycle (the first of them), so that some get all the way. */
    private Tracked furthest() {
        return list(projects).stream().filter(project -> !PROJECT_ENDED.contains(project.status()))
                .max(java.util.Comparator.comparingInt((Tracked project) -> PROJECT_STATUSES.indexOf(project.status()))
                        .thenComparing(project -> -List.copyOf(projects.keySet()).indexOf(project.id)))
                .orElseGet(() -> list(projects).get(0));
    }

    /** The project's next lifecycle step, or first what that step needs. */
    private Command advance(Tracked project) {
        JsonNode body = project.body;
        int roll = random.nextInt(100);
        return switch (project.status()) {
            case "IDEA" -> transition(project, roll < 5 ? "CANCELLED" : "PRE_STUDY");
            case "PRE_STUDY" -> transition(project, "APPLICATION_DRAFT");
            case "APPLICATION_DRAFT" -> body.path("fundingLines").isEmpty() ? addFunding(project, false)
                    : transition(project, "SUBMITTED");
            case "SUBMITTED" -> roll < 70
                    ? (granted(body) ? transition(project, "APPROVED") : changeFunding(project, true))
                    : transition(project, roll < 85 ? "REJECTED" : "WITHDRAWN");
            case "APPROVED" -> absent(body.path("actualStart")) ? describe(project, "starts", description -> {
                LocalDate start = description.get("plannedStart") != null
                        ? LocalDate.parse((String) description.get("plannedStart")) : pastDate(2024);
                description.put("actualStart", start.toString());
            }) : body.path("partners").isEmpty() ? addPartner(project) : transition(project, "ONGOING");
            case "ONGOING" -> roll < 25 ? transition(project, "SUSPENDED")
                    : absent(body.path("finalReport")) ? finalReport(project) : transition(project, "FINAL_REPORTED");
            // Resuming needs a partner as starting does, and the history may have removed the last one meanwhile.
            case "SUSPENDED" -> roll < 60
                    ? (body.path("partners").isEmpty() ? addPartner(project) : transition(project, "ONGOING"))
                    : absent(body.path("finalReport")) ? finalReport(project) : transition(project, "FINAL_REPORTED");
            case "FINAL_REPORTED" -> absent(body.path("actualEnd")) ? describe(project, "ends", description -> {
                LocalDate start = LocalDate.parse((String) description.get("actualStart"));
                description.put("actualEnd", start.plusMonths(3 + random.nextInt(30)).toString());
            }) : transition(project, "CLOSED");
            default -> recordActivity(project);
        };
    }

    private Command transition(Tracked project, String to) {
        Map<String, Object> decision = to.equals("APPROVED") || to.equals("REJECTED")
                ? obj("body", "Kommunstyrelsen", "decidedOn", pastDate(2024).toString(),
                "paragraph", String.valueOf(1 + random.nextInt(300)), "registrationNumber", "KS " + random.nextInt(999))
                : null;
        return new Command(project.label + " " + project.status() + " → " + to, project, "POST", "/transitions",
                obj("to", to, "reason", "Steg i slumpad historik " + run, "decision", decision), false);
    }

    private Command health(Tracked project) {
        String status = pick(HEALTH);
        return new Command(project.label + " health " + status, project, "PUT", "/health",
                obj("status", status, "note", "Bedömt i " + run), false);
    }

    private Command addFunding(Tracked project, boolean granted) {
        Map<String, Object> line = fundingLine(granted);
        return new Command(project.label + " funding line " + line.get("programme") + " in "
                + ((Map<?, ?>) line.get("applied")).get("currency") + (granted ? ", granted" : ""), project, "POST",
                "/funding-lines", line, false);
    }

    private Command changeFunding(Tracked project, boolean granted) {
        List<JsonNode> lines = items(project.body.path("fundingLines"));
        if (lines.isEmpty()) {
            return addFunding(project, granted);
        }
        JsonNode line = pick(lines);
        Map<String, Object> details = fundingLine(granted);
        if (random.nextInt(10) < 7) {
            details.put("programme", line.path("programme").asString());
        }
        return new Command(project.label + " funding line changed" + (granted ? ", granted" : ""), project, "PUT",
                "/funding-lines/" + line.path("fundingLineId").asString(), details, false);
    }

    private Command removeFunding(Tracked project) {
        List<JsonNode> lines = items(project.body.path("fundingLines"));
        if (lines.isEmpty()) {
            return addFunding(project, false);
        }
        return new Command(project.label + " funding line removed", project, "DELETE",
                "/funding-lines/" + pick(lines).path("fundingLineId").asString(), null, false);
    }

    private Map<String, Object> fundingLine(boolean granted) {
        String currency = pick(CURRENCIES);
        BigDecimal applied = amount(10_000, 3_000_000);
        Map<String, Object> grantedMoney = null;
        Map<String, Object> paid = null;
        LocalDate decidedOn = null;
        if (granted) {
            BigDecimal grantedAmount = share(applied, 50 + random.nextInt(51));
            grantedMoney = money(grantedAmount, currency);
            if (random.nextBoolean()) {
                paid = money(share(grantedAmount, random.nextInt(101)), currency);
            }
            decidedOn = pastDate(2021);
        } else if (random.nextInt(4) == 0) {
            decidedOn = pastDate(2021);
        }
        return obj("programme", pick(PROGRAMMES), "call", "Utlysning " + (1 + random.nextInt(5)),
                "applied", money(applied, currency), "granted", grantedMoney, "paid", paid,
                "ownContribution", random.nextBoolean() ? money(amount(1_000, 500_000), "SEK") : null,
                "decidedOn", decidedOn == null ? null : decidedOn.toString());
    }

    private Command defineIndicator(Tracked project) {
        return new Command(project.label + " indicator defined", project, "POST", "/indicators", indicator(), false);
    }

    private Map<String, Object> indicator() {
        BigDecimal baseline = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(50)) : null;
        BigDecimal target = (baseline == null ? BigDecimal.ZERO : baseline)
                .add(BigDecimal.valueOf(10 + random.nextInt(500), random.nextInt(4) == 0 ? 1 : 0));
        return obj("kind", pick(List.of("OUTPUT", "RESULT")),
                "name", pick(List.of("Deltagare", "Utbildade", "Evenemang", "Hushåll med rent vatten",
                        "Minskade utsläpp")),
                "unit", pick(UNITS), "baseline", baseline == null ? null : baseline.toPlainString(),
                "target", target.toPlainString());
    }

    private Command changeIndicator(Tracked project) {
        List<JsonNode> indicators = items(project.body.path("indicators"));
        if (indicators.isEmpty()) {
            return defineIndicator(project);
        }
        JsonNode indicator = pick(indicators);
        Map<String, Object> details = indicator();
        if (random.nextBoolean()) {
            details.put("unit", indicator.path("unit").asString());
            details.put("kind", indicator.path("kind").asString());
        }
        return new Command(project.label + " indicator changed", project, "PUT",
                "/indicators/" + indicator.path("indicatorId").asString(), details, false);
    }

    private Command reportIndicator(Tracked project) {
        List<JsonNode> indicators = items(project.body.path("indicators"));
        if (indicators.isEmpty()) {
            return defineIndicator(project);
        }
        LocalDate reportedOn = pastDate(2024);
        BigDecimal value = BigDecimal.valueOf(random.nextInt(6000), random.nextBoolean() ? 1 : 0);
        return new Command(project.label + " indicator reported " + value + " on " + reportedOn, project, "POST",
                "/indicators/" + pick(indicators).path("indicatorId").asString() + "/reports",
                obj("reportedOn", reportedOn.toString(), "value", value.toPlainString(), "note", "Rapport"), false);
    }

    private Command recordActivity(Tracked project) {
        return new Command(project.label + " activity recorded", project, "POST", "/activities", activity(), false);
    }

    private Map<String, Object> activity() {
        List<Map<String, Object>> participants = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            participants.add(obj("sector", pick(SECTORS), "gender", pick(GENDERS), "count", random.nextInt(40)));
        }
        Place place = pick(PLACES);
        return obj("type", pick(ACTIVITY_TYPES), "title", pick(List.of("Studiebesök", "Konferens", "Utbyte", "Möte")),
                "heldOn", date(LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31)).toString(),
                "place", "Någonstans", "country", random.nextBoolean() ? "SE" : place.country(),
                "participants", participants);
    }

    private Command changeOrRemoveActivity(Tracked project) {
        List<JsonNode> activities = items(project.body.path("activities"));
        if (activities.isEmpty()) {
            return recordActivity(project);
        }
        String activity = pick(activities).path("activityId").asString();
        return random.nextBoolean()
                ? new Command(project.label + " activity changed", project, "PUT", "/activities/" + activity,
                activity(), false)
                : new Command(project.label + " activity removed", project, "DELETE", "/activities/" + activity, null,
                false);
    }

    private Command addPartner(Tracked project) {
        Set<String> taken = new HashSet<>(partnerIds(project.body));
        taken.add(project.body.path("ownerOrganisationId").asString());
        List<String> candidates = partnerCandidates(taken);
        if (candidates.isEmpty()) {
            return health(project);
        }
        String partner = pick(candidates);
        return new Command(project.label + " partner " + organisations.get(partner).label + " added", project, "POST",
                "/partners", obj("organisationId", partner, "role", pick(PARTNER_ROLES)), true);
    }

    private Command removePartner(Tracked project) {
        List<String> partners = partnerIds(project.body);
        if (partners.isEmpty()) {
            return addPartner(project);
        }
        return new Command(project.label + " partner removed", project, "DELETE", "/partners/" + pick(partners), null,
                false);
    }

    private Command finalReport(Tracked project) {
        return new Command(project.label + " final report", project, "PUT", "/final-report",
                obj("submittedOn", pastDate(2025).toString(), "summary", "Slutrapport i slumpad historik"), false);
    }

    private Command describe(Tracked project, String what, Consumer<Map<String, Object>> change) {
        Map<String, Object> description = description(project.body);
        change.accept(description);
        return new Command(project.label + " " + what, project, "PUT", "", description, true);
    }

    /** The project's description as it is, without links to partnerships that have ended. */
    private Map<String, Object> description(JsonNode project) {
        Map<String, Object> description = copy(project, DESCRIPTION_FIELDS);
        description.put("partnershipIds",
                texts(project.path("partnershipIds")).stream().filter(this::linkable).toList());
        return description;
    }

    private void randomDescriptionChange(Tracked project, Map<String, Object> description) {
        switch (random.nextInt(6)) {
            case 0 -> alignment(description);
            case 1 -> description.put("visibility", pick(VISIBILITIES));
            case 2 -> description.put("partnershipIds", someLinks());
            case 3 -> description.put("title", description.get("title") + " ·");
            case 4 -> {
                List<String> others = owners.stream().filter(owner -> !partnerIds(project.body).contains(owner))
                        .toList();
                description.put("ownerOrganisationId", others.isEmpty() ? description.get("ownerOrganisationId")
                        : pick(others));
            }
            default -> plannedDates(description);
        }
    }

    private void alignment(Map<String, Object> description) {
        List<String> strategies = some(STRATEGIES);
        description.put("strategies", strategies);
        description.put("actions",
                some(strategies.stream().flatMap(strategy -> ACTIONS.get(strategy).stream()).toList()));
        description.put("growthAreas", some(GROWTH_AREAS));
    }

    private void plannedDates(Map<String, Object> description) {
        if (random.nextInt(10) == 0) {
            description.remove("plannedStart");
            description.remove("plannedEnd");
            return;
        }
        LocalDate start = date(LocalDate.of(2023, 1, 1), LocalDate.of(2027, 6, 30));
        description.put("plannedStart", start.toString());
        if (random.nextInt(7) == 0) {
            description.remove("plannedEnd");
        } else {
            description.put("plannedEnd", start.plusMonths(6 + random.nextInt(30)).toString());
        }
    }

    private boolean linkable(String partnershipId) {
        Tracked partnership = partnerships.get(partnershipId);
        return partnership == null || !"ENDED".equals(partnership.status());
    }

    private List<String> someLinks() {
        List<String> open = list(partnerships).stream().filter(p -> !"ENDED".equals(p.status()))
                .map(p -> p.id).toList();
        int roll = random.nextInt(20);
        return pickSome(open, roll < 10 ? 0 : roll < 17 ? 1 : 2);
    }

    // Refusals, races, bursts

    /** A change based on an older version: 412, and nothing changes (its new name must reach no report). */
    private void stale(int n) {
        List<Tracked> candidates = new ArrayList<>();
        list(projects).stream().filter(p -> p.previousEtag != null).forEach(candidates::add);
        list(partnerships).stream().filter(p -> p.previousEtag != null).forEach(candidates::add);
        if (candidates.isEmpty()) {
            run(n, health(pick(list(projects))));
            return;
        }
        Tracked target = pick(candidates);
        String name = "Inaktuell " + run + " " + n;
        Command command = target.kind.equals("projects")
                ? describe(target, "described with a stale ETag", description -> description.put("title", name))
                : describePartnership(target, name);
        log(n, command.label() + " (If-Match " + target.previousEtag + ", current " + target.etag + ")");
        refused(command, target.previousEtag, 412, null);
        refusedNames.add(name);
        did("stale If-Match refused");
    }

    /** Commands that are wrong: 422 naming the field, and nothing changes. */
    private void invalid(int n) {
        Tracked project = pick(list(projects));
        int roll = random.nextInt(10);
        String name = "Ogiltig " + run + " " + n;
        switch (roll) {
            case 0 -> {
                Map<String, Object> line = fundingLine(false);
                line.put("programme", "INTERREG_MARS");
                refusedChange(n, new Command(project.label + " funding line from an unknown programme", project, "POST",
                        "/funding-lines", line, false), "programme");
            }
            case 1 -> refusedChange(n, new Command(project.label + " funding line granting more than applied for",
                    project, "POST", "/funding-lines", obj("programme", "OWN_BUDGET",
                    "applied", money(new BigDecimal("1000.00"), "SEK"),
                    "granted", money(new BigDecimal("2000.00"), "SEK"),
                    "decidedOn", pastDate(2024).toString()), false), "granted.amount");
            case 2 -> refusedChange(n, new Command(project.label + " funding line paying before a grant", project,
                    "POST", "/funding-lines", obj("programme", "OWN_BUDGET",
                    "applied", money(new BigDecimal("1000.00"), "EUR"), "paid", money(new BigDecimal("10.00"), "EUR")),
                    false), "paid");
            case 3 -> refusedChange(n, new Command(project.label + " indicator whose target is its baseline", project,
                    "POST", "/indicators", obj("kind", "OUTPUT", "name", name, "unit", "personer", "baseline", "7",
                    "target", "7"), false), "target");
            case 4 -> {
                Map<String, Object> activity = activity();
                activity.put("country", "ZZ");
                activity.put("title", name);
                refusedChange(n, new Command(project.label + " activity in no country", project, "POST", "/activities",
                        activity, false), "country");
            }
            case 5 -> refusedChange(n, new Command(project.label + " partner that does not exist", project, "POST",
                    "/partners", obj("organisationId", "00000000-0000-0000-0000-000000000000", "role", "PARTNER"),
                    false),
                    "organisationId");
            case 6 -> {
                Command command = describe(project, "linked to a partnership that does not exist", description -> {
                    List<Object> links = new ArrayList<>();
                    links.add("00000000-0000-0000-0000-000000000000");
                    links.addAll((List<?>) description.get("partnershipIds"));
                    description.put("partnershipIds", links);
                    description.put("title", name);
                });
                refusedChange(n, command, "partnershipIds[0]");
            }
            case 7 -> {
                Map<String, Object> body = obj("title", name, "ownerOrganisationId", pick(owners),
                        "strategies", List.of("S9"));
                log(n, "project registered with a strategy that does not exist");
                expectProblem(send("POST", "/api/projects", null, body), 422, "strategies[0]");
                refusedNames.add(name);
            }
            case 8 -> {
                log(n, "organisation registered in a region of another country");
                expectProblem(send("POST", "/api/organisations", null, obj("name", name, "type", "FOREIGN_CITY",
                        "country", "NO", "region", "FI-05")), 422, "region");
                refusedNames.add(name);
            }
            default -> {
                log(n, "partnership registered with one party");
                expectProblem(send("POST", "/api/partnerships", null, obj("name", name, "type", "TWIN_CITY",
                        "parties", List.of(obj("organisationId", municipality, "role", "LEAD")))), 422, "parties");
                refusedNames.add(name);
            }
        }
        did("invalid command refused");
    }

    /** A lifecycle step that is not allowed now, or whose condition is unmet: 409, and nothing changes. */
    private void illegal(int n) {
        boolean project = random.nextInt(3) > 0 || partnerships.isEmpty();
        Tracked target = project ? pick(list(projects)) : pick(list(partnerships));
        Set<String> allowed = new HashSet<>(texts(target.body.path("allowedTransitions")));
        List<String> unmet = new ArrayList<>();
        if (project && target.status().equals("APPLICATION_DRAFT") && target.body.path("fundingLines").isEmpty()) {
            unmet.add("SUBMITTED");
        }
        if (project && Set.of("APPROVED", "SUSPENDED").contains(target.status())
                && (absent(target.body.path("actualStart")) || target.body.path("partners").isEmpty())) {
            unmet.add("ONGOING");
        }
        if (project && Set.of("ONGOING", "SUSPENDED").contains(target.status())
                && absent(target.body.path("finalReport"))) {
            unmet.add("FINAL_REPORTED");
        }
        if (!project && target.status().equals("EXPLORING") && absent(target.body.path("agreement"))) {
            unmet.add("LETTER_OF_INTENT");
        }
        List<String> notAllowed = (project ? PROJECT_STATUSES : PARTNERSHIP_STATUSES).stream()
                .filter(status -> !allowed.contains(status) && !status.equals(target.status())).toList();
        String to = !unmet.isEmpty() && random.nextBoolean() ? pick(unmet) : pick(notAllowed);
        Command command = project ? transition(target, to) : partnershipTransition(target, to, null);
        log(n, command.label() + " (not allowed)");
        refused(command, target.etag, 409, null);
        did("illegal step refused");
    }

    /** Two writers change the same project with the same ETag at the same moment: exactly one of them wins. */
    private void race(int n) {
        Tracked project = pick(list(projects));
        List<String> statuses = pickSome(HEALTH, 2);
        String etag = project.etag;
        log(n, project.label + " health " + statuses.get(0) + " and " + statuses.get(1) + " at once, both If-Match "
                + etag);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Reply>> replies = statuses.stream().map(status -> parallel.submit(() -> {
            together.await();
            return send("PUT", project.path() + "/health", etag, obj("status", status, "note", "Kapplöpning"));
        })).toList();
        List<Reply> answered = replies.stream().map(ReportingConsistencyIT::result).toList();
        assertThat(answered.stream().map(Reply::status).sorted().toList())
                .as("two writers with If-Match %s on %s: %s", etag, project.label, answered).containsExactly(200, 412);
        Reply winner = answered.stream().filter(reply -> reply.status() == 200).findFirst().orElseThrow();
        project.took(winner);
        Reply now = send("GET", project.path(), null, null);
        assertThat(now.etag()).as("%s after the race", project.label).isEqualTo(winner.etag());
        assertThat(now.json().path("health").path("status").asString()).as("%s health after the race", project.label)
                .isEqualTo(winner.json().path("health").path("status").asString());
        did("race, one writer won");
    }

    /** Several projects changed at the same time, each with its own ETag. */
    private void burst(int n) {
        List<Tracked> targets = pickSome(list(projects), Math.min(projects.size(), 2 + random.nextInt(3)));
        List<Command> commands = targets.stream().map(project -> projectCommand(project, true)).toList();
        log(n, "at once: " + commands.stream().map(Command::label).collect(Collectors.joining(" | ")));
        List<Future<Reply>> running = commands.stream().map(command -> parallel.submit(() -> exec(command))).toList();
        running.forEach(ReportingConsistencyIT::result);
        did("parallel burst");
    }

    private void run(int n, Command command) {
        log(n, command.label());
        exec(command);
        did(command.target().kind + " changed");
    }

    private Reply exec(Command command) {
        Supplier<Reply> call = () -> send(command.method(), command.target().path() + command.path(),
                command.target().etag, command.body());
        Reply reply = command.namesOthers() ? untilKnown(call) : call.get();
        expect(reply, 200,
                command.method() + " " + command.target().path() + command.path() + " (" + command.label() + ")");
        command.target().took(reply);
        return reply;
    }

    private void refusedChange(int n, Command command, String field) {
        log(n, command.label() + " (invalid)");
        refused(command, command.target().etag, 422, field);
    }

    /** Sends the command expecting a problem, then checks that the target is still the version it was. */
    private void refused(Command command, String ifMatch, int status, String field) {
        Tracked target = command.target();
        String before = target.etag;
        Reply reply = send(command.method(), target.path() + command.path(), ifMatch, command.body());
        expectProblem(reply, status, field);
        Reply now = send("GET", target.path(), null, null);
        expect(now, 200, "GET " + target.path());
        assertThat(now.etag()).as("%s after a refused %s: nothing may change", target.label, command.label())
                .isEqualTo(before);
    }

    /** Retries while a service answers 422 because it has not yet learnt of an organisation or partnership. */
    private static Reply untilKnown(Supplier<Reply> call) {
        return await("the service learns of what the command names").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(150))
                .until(call::get, reply -> reply.status() != 422);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The comparison
    // ------------------------------------------------------------------------------------------------------------

    /**
     * The filters every report is compared under: none, one of each kind, and two of them at once, each chosen so
     * that it selects some of the test's own work: the department and the foreign country most of it involves, a
     * strategy and a year.
     */
    private List<Filter> filters() {
        Random choice = new Random(SEED ^ 0x5EED);
        Map<String, Long> byDepartment = new TreeMap<>();
        Map<String, Long> byCountry = new TreeMap<>();
        Map<String, String> countryOf = new LinkedHashMap<>();
        organisations.values().forEach(o -> countryOf.put(o.id, text(o.body.path("country"))));
        for (Tracked project : projects.values()) {
            byDepartment.merge(text(project.body.path("ownerOrganisationId")), 1L, Long::sum);
            List<String> involved = new ArrayList<>(partnerIds(project.body));
            involved.add(text(project.body.path("ownerOrganisationId")));
            involved.stream().map(countryOf::get).filter(Objects::nonNull).distinct()
                    .forEach(country -> byCountry.merge(country, 1L, Long::sum));
        }
        for (Tracked partnership : partnerships.values()) {
            byDepartment.merge(String.valueOf(text(partnership.body.path("responsibleDepartmentId"))), 1L, Long::sum);
            partyIds(partnership.body).stream().map(countryOf::get).filter(Objects::nonNull).distinct()
                    .forEach(country -> byCountry.merge(country, 1L, Long::sum));
        }
        String department = departments.stream()
                .max(java.util.Comparator.comparingLong((String id) -> byDepartment.getOrDefault(id, 0L))
                        .thenComparing(id -> -departments.indexOf(id))).orElseThrow();
        String country = byCountry.entrySet().stream().filter(entry -> !entry.getKey().equals("SE"))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("NO");
        String strategy = STRATEGIES.get(choice.nextInt(STRATEGIES.size()));
        int year = 2025 + choice.nextInt(2);
        // Two parts at once are read from the entries the parts' indexes find, not from figures (ADR 0037).
        return List.of(Filter.ALL,
                new Filter(null, department, null, null),
                new Filter(null, null, strategy, null),
                new Filter(null, null, null, country),
                new Filter(year, null, null, null),
                new Filter(year, department, null, null),
                new Filter(null, null, strategy, country));
    }

    private void compareEveryReadModel() {
        comparisons++;
        Model model = Model.read(this::get);
        SoftAssertions softly = new SoftAssertions();
        StringBuilder reports = new StringBuilder();
        List<String> sizes = new ArrayList<>();
        for (Filter filter : filters) {
            reports.append(portfolio(softly, model, filter));
            JsonNode coverage = coverage(softly, model, filter);
            JsonNode partnershipRows = partnerships(softly, model, filter, false);
            JsonNode funding = funding(softly, model, filter);
            JsonNode geography = geography(softly, model, filter);
            JsonNode priority = priority(softly, model, filter, null);
            JsonNode indicators = indicators(softly, model, filter);
            reports.append(coverage).append(partnershipRows).append(funding).append(geography).append(priority)
                    .append(indicators);
            sizes.add(("%s: %d departments, %d partnerships, %d funding rows, %d countries, %d assessed (%d below), "
                    + "%d projects with indicators").formatted(
                    filter.query().isEmpty() ? "all" : filter.query().substring(1),
                    coverage.path("departments").size(), partnershipRows.path("partnerships").size(),
                    funding.path("rows").size(), geography.path("countries").size(), priority.path("assessed").asLong(),
                    priority.path("below").path("totalItems").asLong(),
                    indicators.path("projects").path("totalItems").asLong()));
        }
        reports.append(partnerships(softly, model, Filter.ALL, true));
        reports.append(priority(softly, model, Filter.ALL, 100.0));
        reports.append(feed(softly, model));
        reportSizes = String.join("\n  ", sizes);
        String sources = model.toString();
        for (String name : refusedNames) {
            softly.assertThat(sources).as("the source services hold nothing refused").doesNotContain(name);
            softly.assertThat(reports.toString()).as("no report shows what was refused").doesNotContain(name);
        }
        compared = "%d organisations, %d partnerships, %d projects (the test's own: %d, %d, %d) under %d filters"
                .formatted(model.organisations().size(), model.partnerships().size(), model.projects().size(),
                        organisations.size(), partnerships.size(), projects.size(), filters.size());
        softly.assertAll();
    }

    private JsonNode portfolio(SoftAssertions softly, Model model, Filter filter) {
        JsonNode report = report("/api/reports/portfolio", filter, null);
        String where = "portfolio" + filter;
        fresh(softly, report, where);

        List<Project> projects = model.projects().values().stream().filter(p -> filter.includes(p, model)).toList();
        Map<String, Map<String, Long>> byProject = dimensions("status", "health", "strategy", "action", "growthArea",
                "owner", "country", "sector", "programme", "visibility", "year");
        for (Project p : projects) {
            add(byProject.get("status"), p.status());
            add(byProject.get("health"), p.health());
            addEach(byProject.get("strategy"), p.strategies());
            addEach(byProject.get("action"), p.actions());
            addEach(byProject.get("growthArea"), p.growthAreas());
            add(byProject.get("owner"), p.owner());
            addEach(byProject.get("country"), model.countriesOf(p.organisationIds()));
            addEach(byProject.get("sector"), model.sectorsOf(p.organisationIds()));
            addEach(byProject.get("programme"), p.funding().stream().map(Line::programme).toList());
            add(byProject.get("visibility"), p.visibility());
            addEach(byProject.get("year"), years(p));
        }
        softly.assertThat(report.at("/projects/total").asLong()).as("%s: projects", where).isEqualTo(projects.size());
        byProject.forEach((dimension, expected) -> softly.assertThat(counts(report.at("/projects/by/" + dimension)))
                .as("%s: projects by %s", where, dimension).isEqualTo(expected));
        Map<String, String> ownerNames = new TreeMap<>();
        byProject.get("owner").keySet().forEach(owner -> ownerNames.put(owner, model.nameOf(owner)));
        softly.assertThat(names(report.at("/projects/by/owner"))).as("%s: owners' names", where).isEqualTo(ownerNames);

        List<Partnership> partnerships = model.partnerships().values().stream().filter(p -> filter.includes(p, model))
                .toList();
        Map<String, Map<String, Long>> byPartnership = dimensions("status", "type", "strategy", "theme",
                "responsibleDepartment", "country", "sector", "visibility");
        for (Partnership p : partnerships) {
            add(byPartnership.get("status"), p.status());
            add(byPartnership.get("type"), p.type());
            addEach(byPartnership.get("strategy"), p.strategies());
            addEach(byPartnership.get("theme"), p.themes());
            add(byPartnership.get("responsibleDepartment"), p.responsibleDepartmentId());
            addEach(byPartnership.get("country"), model.countriesOf(p.partyIds()));
            addEach(byPartnership.get("sector"), model.sectorsOf(p.partyIds()));
            add(byPartnership.get("visibility"), p.visibility());
        }
        softly.assertThat(report.at("/partnerships/total").asLong()).as("%s: partnerships", where)
                .isEqualTo(partnerships.size());
        byPartnership.forEach((dimension, expected) -> softly
                .assertThat(counts(report.at("/partnerships/by/" + dimension)))
                .as("%s: partnerships by %s", where, dimension).isEqualTo(expected));

        Map<String, Map<String, Long>> byOrganisation = dimensions("type", "sector", "country");
        for (Organisation o : model.organisations().values()) {
            add(byOrganisation.get("type"), o.type());
            add(byOrganisation.get("sector"), o.sector());
            add(byOrganisation.get("country"), o.country());
        }
        softly.assertThat(report.at("/organisations/total").asLong()).as("%s: organisations", where)
                .isEqualTo(model.organisations().size());
        byOrganisation.forEach((dimension, expected) -> softly
                .assertThat(counts(report.at("/organisations/by/" + dimension)))
                .as("%s: organisations by %s", where, dimension).isEqualTo(expected));
        return report;
    }

    /** A department's row: its open projects (id → status and title), active partnerships and ongoing count. */
    private record CoverageRow(String name, String type, long ongoingProjects, Map<String, String> projects,
                               Set<String> partnerships) {
    }

    private JsonNode coverage(SoftAssertions softly, Model model, Filter filter) {
        JsonNode report = report("/api/reports/coverage", filter, "projects=listed");
        String where = "coverage" + filter;
        fresh(softly, report, where);
        Filter others = filter.withDepartment(null);
        Map<String, CoverageRow> expected = new TreeMap<>();
        for (Organisation o : model.organisations().values()) {
            if (!o.isMunicipalOperation() || !o.active()
                    || filter.department() != null && !filter.department().equals(o.id())) {
                continue;
            }
            Map<String, String> projects = new TreeMap<>();
            model.projects().values().stream()
                    .filter(p -> p.isOpen() && p.organisationIds().contains(o.id()) && others.includes(p, model))
                    .forEach(p -> projects.put(p.id(), p.status() + " " + p.title()));
            Set<String> partnerships = model.partnerships().values().stream()
                    .filter(p -> "ACTIVE".equals(p.status()))
                    .filter(p -> o.id().equals(p.responsibleDepartmentId()) || p.partyIds().contains(o.id()))
                    .filter(p -> others.includes(p, model))
                    .map(Partnership::id).collect(Collectors.toCollection(TreeSet::new));
            long ongoing = projects.values().stream().filter(value -> value.startsWith("ONGOING ")).count();
            expected.put(o.id(), new CoverageRow(o.name(), o.type(), ongoing, projects, partnerships));
        }
        Map<String, CoverageRow> actual = new TreeMap<>();
        for (JsonNode row : report.path("departments")) {
            Map<String, String> projects = new TreeMap<>();
            row.path("projects").forEach(p -> projects.put(p.path("projectId").asString(),
                    p.path("status").asString() + " " + p.path("title").asString()));
            Set<String> partnerships = new TreeSet<>();
            row.path("partnerships").forEach(p -> partnerships.add(p.path("partnershipId").asString()));
            putOnce(actual, row.path("organisationId").asString(), new CoverageRow(row.path("name").asString(),
                    row.path("type").asString(), row.path("ongoingProjects").asLong(), projects, partnerships));
        }
        softly.assertThat(actual).as("%s: departments", where).isEqualTo(expected);
        Set<String> without = expected.entrySet().stream()
                .filter(row -> row.getValue().projects().isEmpty() && row.getValue().partnerships().isEmpty())
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        softly.assertThat(idsOf(report.path("without"), "organisationId")).as("%s: without", where).isEqualTo(without);

        // Counted, not listed: read from the figures kept with the entries where one filter or none is given.
        JsonNode counted = report("/api/reports/coverage", filter, "projects=counted");
        Map<String, List<Long>> countedRows = new TreeMap<>();
        for (JsonNode row : counted.path("departments")) {
            putOnce(countedRows, row.path("organisationId").asString(),
                    List.of(row.path("openProjects").asLong(), row.path("ongoingProjects").asLong()));
        }
        Map<String, List<Long>> expectedCounts = new TreeMap<>();
        expected.forEach((id, row) -> expectedCounts.put(id, List.of((long) row.projects().size(), row.ongoingProjects())));
        softly.assertThat(countedRows).as("%s, counted: departments", where).isEqualTo(expectedCounts);
        softly.assertThat(idsOf(counted.path("without"), "organisationId")).as("%s, counted: without", where)
                .isEqualTo(without);
        softly.assertThat(report("/api/reports/coverage", filter, null).path("departments"))
                .as("%s: counted unless listed is asked for", where).isEqualTo(counted.path("departments"));

        // A department's open projects in pages, read by the index of the organisations taking part (ADR 0037).
        expected.forEach((id, row) -> {
            JsonNode page = report("/api/reports/coverage/" + id + "/projects", filter, "size=200");
            Map<String, String> paged = new TreeMap<>();
            page.path("projects").path("items").forEach(p -> putOnce(paged, p.path("projectId").asString(),
                    p.path("status").asString() + " " + p.path("title").asString()));
            softly.assertThat(paged).as("%s: the pages of %s", where, row.name()).isEqualTo(row.projects());
            softly.assertThat(page.path("projects").path("totalItems").asLong()).as("%s: the total of %s", where, row.name())
                    .isEqualTo(row.projects().size());
        });
        return report;
    }

    private record PartnershipRow(String name, String type, String status, boolean dormant, String visibility,
                                  Map<String, String> parties, Set<String> countries, String agreementType,
                                  LocalDate agreementValidTo, Map<String, String> projects, long openProjects,
                                  long activities, long participants) {
    }

    private JsonNode partnerships(SoftAssertions softly, Model model, Filter filter, boolean twinCities) {
        JsonNode report = report(twinCities ? "/api/reports/partnerships/twin-cities" : "/api/reports/partnerships",
                filter, null);
        String where = (twinCities ? "twin cities" : "partnerships") + filter;
        fresh(softly, report, where);
        Map<String, PartnershipRow> expected = new TreeMap<>();
        for (Partnership p : model.partnerships().values()) {
            if (twinCities && !"TWIN_CITY".equals(p.type()) || !filter.includes(p, model)) {
                continue;
            }
            List<Project> linked = model.projects().values().stream()
                    .filter(project -> project.partnershipIds().contains(p.id()))
                    .filter(project -> filter.year() == null || project.runsIn(filter.year())).toList();
            Map<String, String> projects = new TreeMap<>();
            linked.forEach(project -> projects.put(project.id(), project.status() + " " + project.title()));
            Map<String, String> parties = new TreeMap<>();
            p.parties().forEach((organisationId, role) -> parties.put(organisationId,
                    party(role, model.organisations().get(organisationId))));
            List<Activity> activities = linked.stream().flatMap(project -> project.activities().stream())
                    .filter(activity -> filter.year() == null || activity.heldOn().getYear() == filter.year()).toList();
            expected.put(p.id(), new PartnershipRow(p.name(), p.type(), p.status(), "DORMANT".equals(p.status()),
                    p.visibility(), parties, new TreeSet<>(model.countriesOf(p.partyIds())), p.agreementType(),
                    p.agreementValidTo(), projects, linked.stream().filter(Project::isOpen).count(), activities.size(),
                    activities.stream().mapToLong(Activity::participants).sum()));
        }
        Map<String, PartnershipRow> actual = new TreeMap<>();
        for (JsonNode row : report.path("partnerships")) {
            Map<String, String> parties = new TreeMap<>();
            row.path("parties").forEach(party -> parties.put(party.path("organisationId").asString(),
                    String.join(" | ", party.path("role").asString(), text(party.path("name")),
                            text(party.path("nameEn")), text(party.path("type")), text(party.path("country")))));
            Map<String, String> projects = new TreeMap<>();
            row.path("projects").forEach(project -> projects.put(project.path("projectId").asString(),
                    project.path("status").asString() + " " + project.path("title").asString()));
            putOnce(actual, row.path("partnershipId").asString(), new PartnershipRow(row.path("name").asString(),
                    row.path("type").asString(), row.path("status").asString(), row.path("dormant").asBoolean(),
                    text(row.path("visibility")), parties, new TreeSet<>(texts(row.path("countries"))),
                    text(row.path("agreementType")), date(row.path("agreementValidTo")), projects,
                    row.path("openProjects").asLong(), row.path("activities").asLong(),
                    row.path("participants").asLong()));
        }
        softly.assertThat(actual).as("%s: rows", where).isEqualTo(expected);
        return report;
    }

    /** Exact sums in one currency (or in SEK). */
    private record Sums(BigDecimal applied, BigDecimal granted, BigDecimal paid, BigDecimal ownContribution) {
    }

    private record FundingRow(long lines, Map<String, Sums> original, Sums sek) {
    }

    private JsonNode funding(SoftAssertions softly, Model model, Filter filter) {
        JsonNode report = report("/api/reports/funding", filter, null);
        String where = "funding" + filter;
        fresh(softly, report, where);
        Filter projectsFilter = filter.withYear(null);
        Map<String, FundingSum> rows = new TreeMap<>();
        FundingSum total = new FundingSum();
        Set<String> ratesUsed = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (Project p : model.projects().values()) {
            if (!projectsFilter.includes(p, model)) {
                continue;
            }
            for (Line line : p.funding()) {
                int year = line.decidedOn() != null ? line.decidedOn().getYear() : today.getYear();
                if (filter.year() != null && year != filter.year()) {
                    continue;
                }
                FundingSum row = rows.computeIfAbsent(line.programme() + " " + year, key -> new FundingSum());
                for (FundingSum sum : List.of(row, total)) {
                    sum.lines++;
                    Money[] amounts = {line.applied(), line.granted(), line.paid(), line.ownContribution()};
                    for (int i = 0; i < amounts.length; i++) {
                        Money money = amounts[i];
                        if (money == null) {
                            continue;
                        }
                        int part = i;
                        sum.original.computeIfAbsent(money.currency(), ReportingConsistencyIT::zeros)[part] =
                                sum.original.get(money.currency())[part].add(money.amount());
                        Optional<Rate> rate = config.rate(money.currency(), year);
                        if (rate.isEmpty()) {
                            missing.add(money.currency() + " " + year);
                        } else {
                            sum.sek[part] = sum.sek[part].add(money.amount().multiply(rate.get().sekPerUnit()));
                            if (!money.currency().equals("SEK")) {
                                ratesUsed.add(year + " " + money.currency() + " "
                                        + rate.get().sekPerUnit().stripTrailingZeros().toPlainString() + " "
                                        + rate.get().rateYear());
                            }
                        }
                    }
                }
            }
        }
        Map<String, FundingRow> expected = new TreeMap<>();
        rows.forEach((key, sum) -> expected.put(key, sum.row()));
        Map<String, FundingRow> actual = new TreeMap<>();
        for (JsonNode row : report.path("rows")) {
            putOnce(actual, row.path("programme").asString() + " " + row.path("year").asInt(), fundingRow(row));
        }
        softly.assertThat(actual).as("%s: rows per programme and year", where).isEqualTo(expected);
        softly.assertThat(fundingRow(report.path("total"))).as("%s: total", where).isEqualTo(total.row());
        Set<String> actualRates = new TreeSet<>();
        report.path("rates").forEach(rate -> actualRates.add(rate.path("year").asInt() + " "
                + rate.path("currency").asString() + " "
                + decimal(rate.path("sekPerUnit")).stripTrailingZeros().toPlainString() + " "
                + rate.path("rateYear").asInt()));
        softly.assertThat(actualRates).as("%s: exchange rates used", where).isEqualTo(ratesUsed);
        Set<String> actualMissing = new TreeSet<>();
        report.path("missingRates").forEach(rate -> actualMissing.add(rate.path("currency").asString() + " "
                + rate.path("year").asInt()));
        softly.assertThat(actualMissing).as("%s: missing rates", where).isEqualTo(missing);
        return report;
    }

    private static FundingRow fundingRow(JsonNode row) {
        Map<String, Sums> original = new TreeMap<>();
        row.path("original").forEach(sums -> putOnce(original, sums.path("currency").asString(), sums(sums)));
        return new FundingRow(row.path("lines").asLong(), original, sums(row.path("sek")));
    }

    private static Sums sums(JsonNode sums) {
        return new Sums(decimal(sums.path("applied")), decimal(sums.path("granted")), decimal(sums.path("paid")),
                decimal(sums.path("ownContribution")));
    }

    /** Funding lines summed as FundingReport defines it: exactly per currency, and in SEK rounded at the end. */
    private static final class FundingSum {
        long lines;
        final Map<String, BigDecimal[]> original = new TreeMap<>();
        final BigDecimal[] sek = zeros("SEK");

        FundingRow row() {
            Map<String, Sums> inCurrencies = new TreeMap<>();
            original.forEach((currency, sums) -> inCurrencies.put(currency,
                    new Sums(sums[0], sums[1], sums[2], sums[3])));
            BigDecimal[] rounded = Arrays.stream(sek).map(sum -> sum.setScale(2, RoundingMode.HALF_EVEN))
                    .toArray(BigDecimal[]::new);
            return new FundingRow(lines, inCurrencies, new Sums(rounded[0], rounded[1], rounded[2], rounded[3]));
        }
    }

    /** Nothing, written as the currency writes its amounts (0.00 EUR), as FundingReport writes an absent amount. */
    private static BigDecimal[] zeros(String currency) {
        BigDecimal none = BigDecimal.ZERO.setScale(Currency.getInstance(currency).getDefaultFractionDigits());
        return new BigDecimal[] {none, none, none, none};
    }

    private record GeographyCounts(long organisations, long partnerships, long projects) {
    }

    private record GeographyRow(GeographyCounts counts, Map<String, GeographyCounts> regions) {
    }

    /** What stands in one place, as GeographyReport counts it. */
    private static final class Spot {
        final Set<String> organisations = new HashSet<>();
        final Set<String> partnerships = new HashSet<>();
        final Set<String> projects = new HashSet<>();

        GeographyCounts counts() {
            return new GeographyCounts(organisations.size(), partnerships.size(), projects.size());
        }
    }

    private JsonNode geography(SoftAssertions softly, Model model, Filter filter) {
        JsonNode report = report("/api/reports/geography", filter, null);
        String where = "geography" + filter;
        fresh(softly, report, where);
        Map<String, Spot> countries = new TreeMap<>();
        Map<String, Spot> regions = new TreeMap<>();
        model.organisations().values().forEach(o -> {
            if (o.active() && (filter.country() == null || filter.country().equals(o.country()))) {
                spots(o, countries, regions).forEach(spot -> spot.organisations.add(o.id()));
            }
        });
        model.partnerships().values().forEach(p -> {
            if (filter.includes(p, model)) {
                spotsOf(p.partyIds(), model, countries, regions).forEach(spot -> spot.partnerships.add(p.id()));
            }
        });
        model.projects().values().forEach(p -> {
            if (filter.includes(p, model)) {
                spotsOf(p.organisationIds(), model, countries, regions).forEach(spot -> spot.projects.add(p.id()));
            }
        });
        Map<String, GeographyRow> expected = new TreeMap<>();
        countries.forEach((country, spot) -> {
            if (filter.country() == null || filter.country().equals(country)) {
                Map<String, GeographyCounts> inRegions = new TreeMap<>();
                regions.forEach((region, regionSpot) -> {
                    if (region.startsWith(country + "-")) {
                        inRegions.put(region, regionSpot.counts());
                    }
                });
                expected.put(country, new GeographyRow(spot.counts(), inRegions));
            }
        });
        Map<String, GeographyRow> actual = new TreeMap<>();
        for (JsonNode row : report.path("countries")) {
            Map<String, GeographyCounts> inRegions = new TreeMap<>();
            row.path("regions").forEach(region -> putOnce(inRegions, region.path("region").asString(),
                    geographyCounts(region)));
            putOnce(actual, row.path("country").asString(), new GeographyRow(geographyCounts(row), inRegions));
        }
        softly.assertThat(actual).as("%s: countries", where).isEqualTo(expected);
        return report;
    }

    /** A party as the partnerships report shows it: its role and what the directory says of it now. */
    private static String party(String role, Organisation organisation) {
        return organisation == null ? String.join(" | ", role, null, null, null, null)
                : String.join(" | ", role, organisation.name(), organisation.nameEn(), organisation.type(),
                organisation.country());
    }

    private static GeographyCounts geographyCounts(JsonNode row) {
        return new GeographyCounts(row.path("organisations").asLong(), row.path("partnerships").asLong(),
                row.path("projects").asLong());
    }

    private static List<Spot> spots(Organisation organisation, Map<String, Spot> countries, Map<String, Spot> regions) {
        Spot country = countries.computeIfAbsent(organisation.country(), key -> new Spot());
        return organisation.region() == null ? List.of(country)
                : List.of(country, regions.computeIfAbsent(organisation.region(), key -> new Spot()));
    }

    private static List<Spot> spotsOf(List<String> organisationIds, Model model, Map<String, Spot> countries,
                                      Map<String, Spot> regions) {
        return organisationIds.stream().map(model.organisations()::get).filter(Objects::nonNull)
                .flatMap(organisation -> spots(organisation, countries, regions).stream()).distinct().toList();
    }

    /** @param threshold null for the configured one */
    private JsonNode priority(SoftAssertions softly, Model model, Filter filter, Double threshold) {
        JsonNode report = paged("/api/reports/priority", filter, threshold == null ? null : "threshold=" + threshold,
                "below");
        double applied = threshold == null ? config.priorityThreshold() : threshold;
        String where = "priority" + filter + (threshold == null ? "" : " threshold " + threshold);
        fresh(softly, report, where);
        List<Project> assessed = model.projects().values().stream()
                .filter(p -> p.isOpen() && p.score() != null && filter.includes(p, model)).toList();
        double[] scores = assessed.stream().mapToDouble(Project::score).sorted().toArray();
        List<Long> distribution = IntStream.range(0, 5).mapToObj(band -> {
            int from = band * 20;
            int to = from + 20;
            return assessed.stream().map(Project::score)
                    .filter(score -> score >= from && (score < to || to == 100 && score <= to)).count();
        }).toList();
        Map<String, String> below = new TreeMap<>();
        assessed.stream().filter(p -> p.score() < applied).forEach(p -> below.put(p.id(),
                p.score() + " " + p.status() + " " + p.owner() + " " + model.nameOf(p.owner()) + " " + p.title() + " "
                        + p.unmet()));

        softly.assertThat(report.path("threshold").asDouble()).as("%s: threshold", where).isEqualTo(applied);
        softly.assertThat(report.path("assessed").asLong()).as("%s: assessed", where).isEqualTo(scores.length);
        softly.assertThat(optionalDouble(report.path("average"))).as("%s: average", where)
                .isEqualTo(scores.length == 0 ? null : round(Arrays.stream(scores).sum() / scores.length));
        softly.assertThat(optionalDouble(report.path("median"))).as("%s: median", where)
                .isEqualTo(scores.length == 0 ? null : scores.length % 2 == 1 ? scores[scores.length / 2]
                        : round((scores[scores.length / 2 - 1] + scores[scores.length / 2]) / 2));
        softly.assertThat(items(report.path("distribution")).stream().map(band -> band.path("projects").asLong())
                        .toList())
                .as("%s: distribution in bands of twenty", where).isEqualTo(distribution);
        Map<String, String> actualBelow = new TreeMap<>();
        List<Double> order = new ArrayList<>();
        for (JsonNode row : report.path("below").path("items")) {
            order.add(row.path("score").asDouble());
            putOnce(actualBelow, row.path("projectId").asString(), row.path("score").asDouble() + " "
                    + row.path("status").asString() + " " + row.path("ownerOrganisationId").asString() + " "
                    + row.path("owner").asString() + " " + row.path("title").asString() + " "
                    + new TreeSet<>(texts(row.path("unmet"))));
        }
        softly.assertThat(actualBelow).as("%s: below the threshold", where).isEqualTo(below);
        softly.assertThat(order).as("%s: below, lowest first", where).isSortedAccordingTo(Double::compare);
        return report;
    }

    private record IndicatorRow(String kind, String name, String unit, BigDecimal baseline, BigDecimal target,
                                BigDecimal latest, LocalDate latestOn, BigDecimal progress) {
    }

    private record IndicatorProject(String title, String status, Map<String, IndicatorRow> indicators) {
    }

    private record StrategySum(long indicators, long reported, BigDecimal baseline, BigDecimal target,
                               BigDecimal latest) {
    }

    private JsonNode indicators(SoftAssertions softly, Model model, Filter filter) {
        JsonNode report = paged("/api/reports/indicators", filter, null, "projects");
        String where = "indicators" + filter;
        fresh(softly, report, where);
        Map<String, IndicatorProject> expected = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (Project p : model.projects().values()) {
            if (p.indicators().isEmpty() || !filter.includes(p, model)) {
                continue;
            }
            Map<String, IndicatorRow> rows = new TreeMap<>();
            p.indicators().forEach(indicator -> rows.put(indicator.id(), indicator.row()));
            expected.put(p.id(), new IndicatorProject(p.title(), p.status(), rows));
            for (String strategy : p.strategies()) {
                if (filter.strategy() != null && !filter.strategy().equals(strategy)) {
                    continue;
                }
                for (Indicator indicator : p.indicators()) {
                    String key = strategy + " " + indicator.kind() + " " + indicator.unit();
                    long[] count = counts.computeIfAbsent(key, k -> new long[2]);
                    BigDecimal[] sum = sums.computeIfAbsent(key,
                            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                    count[0]++;
                    sum[0] = sum[0].add(indicator.baseline() == null ? BigDecimal.ZERO : indicator.baseline());
                    sum[1] = sum[1].add(indicator.target());
                    if (indicator.latest() != null) {
                        count[1]++;
                        sum[2] = sum[2].add(indicator.latest());
                    }
                }
            }
        }
        Map<String, StrategySum> expectedSums = new TreeMap<>();
        counts.forEach((key, count) -> expectedSums.put(key, new StrategySum(count[0], count[1],
                normal(sums.get(key)[0]), normal(sums.get(key)[1]), normal(sums.get(key)[2]))));

        Map<String, IndicatorProject> actual = new TreeMap<>();
        for (JsonNode row : report.path("projects").path("items")) {
            Map<String, IndicatorRow> rows = new TreeMap<>();
            row.path("indicators").forEach(indicator -> putOnce(rows, indicator.path("indicatorId").asString(),
                    new IndicatorRow(indicator.path("kind").asString(), indicator.path("name").asString(),
                            indicator.path("unit").asString(), normal(decimal(indicator.path("baseline"))),
                            normal(decimal(indicator.path("target"))), normal(decimal(indicator.path("latest"))),
                            date(indicator.path("latestOn")), normal(decimal(indicator.path("progress"))))));
            putOnce(actual, row.path("projectId").asString(), new IndicatorProject(row.path("title").asString(),
                    row.path("status").asString(), rows));
        }
        softly.assertThat(actual).as("%s: per project", where).isEqualTo(expected);
        Map<String, StrategySum> actualSums = new TreeMap<>();
        report.path("byStrategy").forEach(sum -> putOnce(actualSums, sum.path("strategy").asString() + " "
                        + sum.path("kind").asString() + " " + sum.path("unit").asString(),
                new StrategySum(sum.path("indicators").asLong(), sum.path("reported").asLong(),
                        normal(decimal(sum.path("baseline"))), normal(decimal(sum.path("target"))),
                        normal(decimal(sum.path("latest"))))));
        softly.assertThat(actualSums).as("%s: per strategy, kind and unit", where).isEqualTo(expectedSums);
        return report;
    }

    /**
     * Every status change of the test's projects and partnerships (their histories, as the source services keep
     * them) is a line of the feed, once, in order; every aggregate the test registered has its registration line.
     */
    private JsonNode feed(SoftAssertions softly, Model model) {
        JsonNode report = get("/api/reports/activity?limit=" + FEED_LIMIT);
        fresh(softly, report, "activity feed");
        List<JsonNode> lines = new ArrayList<>(items(report.path("lines")));
        Collections.reverse(lines);
        softly.assertThat(lines.stream().map(line -> line.path("eventId").asString()).distinct().count())
                .as("activity feed: every event told once").isEqualTo(lines.size());
        // A full feed may not reach back to the start of the history: what is older than its oldest line is left out.
        boolean full = lines.size() == FEED_LIMIT;
        Instant since = full ? instant(lines.get(0).path("time")).plusSeconds(1) : Instant.MIN;
        int checked = 0;
        for (String id : projects.keySet()) {
            checked += statusLines(softly, lines, since, "se.samverka.project.statusChanged", projects.get(id),
                    model.projects().get(id).history());
        }
        for (String id : partnerships.keySet()) {
            checked += statusLines(softly, lines, since, "se.samverka.partnership.statusChanged", partnerships.get(id),
                    model.partnerships().get(id).history());
        }
        softly.assertThat(checked).as("activity feed: status changes checked").isPositive();
        feedNote = "%d status changes of the test's aggregates found in the activity feed; %s".formatted(checked,
                since.isBefore(historyStarted) ? "it reaches back before the history"
                        : "changes before " + since + " are older than its oldest line");
        for (Tracked aggregate : List.of(organisations, partnerships, projects).stream()
                .flatMap(map -> map.values().stream()).toList()) {
            String type = "se.samverka." + aggregate.kind.substring(0, aggregate.kind.length() - 1) + ".registered";
            if (aggregate.created.isAfter(since)) {
                softly.assertThat(lines.stream().filter(line -> line.path("aggregateId").asString().equals(aggregate.id)
                                && line.path("type").asString().equals(type)).count())
                        .as("activity feed: %s of %s (%s)", type, aggregate.label, aggregate.id).isEqualTo(1);
            }
        }
        return report;
    }

    /**
     * Checks that the feed tells the aggregate's status changes, in order, each once. Where the feed does not reach
     * back far enough ({@code since}), the lines it has must be the latest changes, and only changes made before
     * {@code since} (give or take the moments between a change and its event) may be missing.
     *
     * @return how many changes were checked
     */
    private static int statusLines(SoftAssertions softly, List<JsonNode> lines, Instant since, String type,
                                   Tracked aggregate, List<Change> history) {
        List<String> changes = history.stream().filter(change -> change.from() != null).map(Change::to).toList();
        List<String> told = toStatuses(lines, aggregate.id, type, since);
        String what = "activity feed: status changes of " + aggregate.label + " (" + aggregate.id + ")";
        if (since.equals(Instant.MIN)) {
            softly.assertThat(told).as(what).isEqualTo(changes);
            return changes.size();
        }
        long older = history.stream()
                .filter(change -> change.from() != null && change.at().isBefore(since.plusSeconds(5))).count();
        softly.assertThat(told.size()).as("%s: no more lines than changes", what).isLessThanOrEqualTo(changes.size());
        softly.assertThat((long) changes.size() - told.size()).as("%s: only the oldest may be beyond the feed", what)
                .isLessThanOrEqualTo(older);
        if (told.size() <= changes.size()) {
            softly.assertThat(told).as(what + ", the latest").isEqualTo(changes.subList(changes.size() - told.size(),
                    changes.size()));
        }
        return told.size();
    }

    /** The statuses the feed says an aggregate moved to, oldest first ("... moved to ONGOING"). */
    private static List<String> toStatuses(List<JsonNode> lines, String id, String type, Instant since) {
        return lines.stream()
                .filter(line -> line.path("aggregateId").asString().equals(id)
                        && line.path("type").asString().equals(type))
                .filter(line -> instant(line.path("time")).isAfter(since))
                .map(line -> {
                    String text = line.path("textEn").asString();
                    return text.substring(text.lastIndexOf(" moved to ") + " moved to ".length())
                            .replace(" (no activity)", "");
                })
                .toList();
    }

    private void fresh(SoftAssertions softly, JsonNode report, String where) {
        JsonNode freshness = report.path("freshness");
        softly.assertThat(freshness.path("lagEvents").isNumber() ? freshness.path("lagEvents").asLong() : null)
                .as("%s: freshness.lagEvents", where).isEqualTo(0L);
        softly.assertThat(freshness.path("rebuilding").asBoolean()).as("%s: freshness.rebuilding", where).isFalse();
    }

    /**
     * A report with every item of its paged {@code part} in that part's items, read 200 a page until the last (the
     * history is over, so the pages hold one state).
     */
    private JsonNode paged(String path, Filter filter, String more, String part) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (int page = 0; ; page++) {
            String paging = "size=200&page=" + page;
            JsonNode report = report(path, filter, more == null ? paging : more + "&" + paging);
            items.addAll(items(report.path(part).path("items")));
            if (page + 1 >= report.path(part).path("totalPages").asInt()) {
                assertThat(items.size()).as("%s%s: every page's %s", path, filter, part)
                        .isEqualTo(report.path(part).path("totalItems").asInt());
                ((ObjectNode) report.path(part)).set("items", items);
                return report;
            }
        }
    }

    private JsonNode report(String path, Filter filter, String more) {
        String query = filter.query();
        if (more != null) {
            query = query.isEmpty() ? "?" + more : query + "&" + more;
        }
        return get(path + query);
    }

    /** Every year a project runs in, as the portfolio counts them; one still open-ended runs until this year. */
    private List<String> years(Project project) {
        LocalDate from = project.activeFrom();
        if (from == null) {
            return List.of();
        }
        int until = project.activeUntil() != null ? project.activeUntil().getYear()
                : Math.max(from.getYear(), today.getYear());
        return IntStream.rangeClosed(from.getYear(), until).mapToObj(String::valueOf).toList();
    }

    private static Map<String, Map<String, Long>> dimensions(String... names) {
        Map<String, Map<String, Long>> dimensions = new LinkedHashMap<>();
        for (String name : names) {
            dimensions.put(name, new TreeMap<>());
        }
        return dimensions;
    }

    private static void add(Map<String, Long> counts, String key) {
        counts.merge(key == null ? "NONE" : key, 1L, Long::sum);
    }

    private static void addEach(Map<String, Long> counts, List<String> keys) {
        if (keys.isEmpty()) {
            add(counts, null);
        } else {
            keys.stream().distinct().forEach(key -> add(counts, key));
        }
    }

    private static Map<String, Long> counts(JsonNode list) {
        Map<String, Long> counts = new TreeMap<>();
        list.forEach(count -> putOnce(counts, count.path("key").asString(), count.path("count").asLong()));
        return counts;
    }

    private static Map<String, String> names(JsonNode list) {
        Map<String, String> names = new TreeMap<>();
        list.forEach(count -> names.put(count.path("key").asString(), text(count.path("name"))));
        return names;
    }

    /** A key a report shows twice is a mismatch of its own: it is kept under a key no expectation has. */
    private static <V> void putOnce(Map<String, V> map, String key, V value) {
        if (map.putIfAbsent(key, value) != null) {
            map.put(key + " (shown more than once)", value);
        }
    }

    private static Set<String> idsOf(JsonNode list, String field) {
        Set<String> ids = new TreeSet<>();
        list.forEach(item -> ids.add(item.path(field).asString()));
        return ids;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Double optionalDouble(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    // ------------------------------------------------------------------------------------------------------------
    // What the source services hold
    // ------------------------------------------------------------------------------------------------------------

    private record Organisation(String id, String name, String nameEn, String type, String sector, String country,
                                String region, boolean active) {

        boolean isMunicipalOperation() {
            return "DEPARTMENT".equals(type) || "MUNICIPAL_COMPANY".equals(type);
        }

        static Organisation of(JsonNode n) {
            return new Organisation(text(n.path("id")), text(n.path("name")), text(n.path("nameEn")),
                    text(n.path("type")), text(n.path("sector")), text(n.path("country")), text(n.path("region")),
                    n.path("active").asBoolean());
        }
    }

    private record Change(String from, String to, Instant at) {

        static List<Change> of(JsonNode history) {
            return items(history).stream().map(change -> new Change(text(change.path("from")), text(change.path("to")),
                    instant(change.path("at")))).toList();
        }
    }

    /** @param parties organisation id → role, in the order of the parties */
    private record Partnership(String id, String name, String type, String status, String visibility,
                               Map<String, String> parties, String responsibleDepartmentId, List<String> themes,
                               List<String> strategies, String agreementType, LocalDate agreementValidTo,
                               List<Change> history) {

        List<String> partyIds() {
            return List.copyOf(parties.keySet());
        }

        static Partnership of(JsonNode n) {
            Map<String, String> parties = new LinkedHashMap<>();
            n.path("parties").forEach(party -> parties.put(party.path("organisationId").asString(),
                    party.path("role").asString()));
            return new Partnership(text(n.path("id")), text(n.path("name")), text(n.path("type")),
                    text(n.path("status")), text(n.path("visibility")), parties,
                    text(n.path("responsibleDepartmentId")), texts(n.path("themes")), texts(n.path("strategies")),
                    text(n.path("agreement").path("type")), date(n.path("agreement").path("validTo")),
                    Change.of(n.path("history")));
        }
    }

    private record Money(BigDecimal amount, String currency) {

        static Money of(JsonNode n) {
            return absent(n) ? null : new Money(decimal(n.path("amount")), text(n.path("currency")));
        }
    }

    private record Line(String programme, Money applied, Money granted, Money paid, Money ownContribution,
                        LocalDate decidedOn) {

        static Line of(JsonNode n) {
            return new Line(text(n.path("programme")), Money.of(n.path("applied")), Money.of(n.path("granted")),
                    Money.of(n.path("paid")), Money.of(n.path("ownContribution")), date(n.path("decidedOn")));
        }
    }

    private record Indicator(String id, String kind, String name, String unit, BigDecimal baseline, BigDecimal target,
                             BigDecimal latest, LocalDate latestOn, BigDecimal progress) {

        IndicatorRow row() {
            return new IndicatorRow(kind, name, unit, normal(baseline), normal(target), normal(latest), latestOn,
                    normal(progress));
        }

        static Indicator of(JsonNode n) {
            return new Indicator(text(n.path("indicatorId")), text(n.path("kind")), text(n.path("name")),
                    text(n.path("unit")), decimal(n.path("baseline")), decimal(n.path("target")),
                    decimal(n.path("latest")), date(n.path("latestOn")), decimal(n.path("progress")));
        }
    }

    private record Activity(LocalDate heldOn, long participants) {

        static Activity of(JsonNode n) {
            long participants = 0;
            for (JsonNode participation : n.path("participants")) {
                participants += participation.path("count").asLong();
            }
            return new Activity(date(n.path("heldOn")), participants);
        }
    }

    /**
     * @param unmet the criteria of the assessment it does not meet
     */
    private record Project(String id, String title, String status, String health, String owner, String visibility,
                           List<String> partnershipIds, List<String> strategies, List<String> actions,
                           List<String> growthAreas, LocalDate plannedStart, LocalDate plannedEnd,
                           LocalDate actualStart, LocalDate actualEnd, List<String> partners, List<Line> funding,
                           List<Indicator> indicators, List<Activity> activities, Double score, Set<String> unmet,
                           List<Change> history) {

        List<String> organisationIds() {
            List<String> ids = new ArrayList<>();
            ids.add(owner);
            partners.stream().filter(partner -> !ids.contains(partner)).forEach(ids::add);
            return ids;
        }

        LocalDate activeFrom() {
            return actualStart != null ? actualStart : plannedStart;
        }

        LocalDate activeUntil() {
            return actualEnd != null ? actualEnd : plannedEnd;
        }

        boolean runsIn(int year) {
            LocalDate from = activeFrom();
            LocalDate until = activeUntil();
            return from != null && from.getYear() <= year && (until == null || until.getYear() >= year);
        }

        boolean isOpen() {
            return !PROJECT_ENDED.contains(status);
        }

        static Project of(JsonNode n) {
            JsonNode assessment = n.path("assessment");
            Set<String> unmet = new TreeSet<>();
            assessment.path("criteria").forEach(criterion -> {
                if (!criterion.path("met").asBoolean()) {
                    unmet.add(criterion.path("criterion").asString());
                }
            });
            return new Project(text(n.path("id")), text(n.path("title")), text(n.path("status")),
                    text(n.path("health").path("status")), text(n.path("ownerOrganisationId")),
                    text(n.path("visibility")),
                    texts(n.path("partnershipIds")), texts(n.path("strategies")), texts(n.path("actions")),
                    texts(n.path("growthAreas")), date(n.path("plannedStart")), date(n.path("plannedEnd")),
                    date(n.path("actualStart")), date(n.path("actualEnd")),
                    partnerIds(n),
                    items(n.path("fundingLines")).stream().map(Line::of).toList(),
                    items(n.path("indicators")).stream().map(Indicator::of).toList(),
                    items(n.path("activities")).stream().map(Activity::of).toList(),
                    assessment.path("score").isNumber() ? assessment.path("score").asDouble() : null, unmet,
                    Change.of(n.path("history")));
        }
    }

    /** Everything the source services hold, read page by page through the gateway. */
    private record Model(Map<String, Organisation> organisations, Map<String, Partnership> partnerships,
                         Map<String, Project> projects, String raw) {

        static Model read(java.util.function.Function<String, JsonNode> get) {
            StringBuilder raw = new StringBuilder();
            Map<String, Organisation> organisations = new LinkedHashMap<>();
            all(get, "/api/organisations", raw)
                    .forEach(n -> organisations.put(n.path("id").asString(), Organisation.of(n)));
            Map<String, Partnership> partnerships = new LinkedHashMap<>();
            all(get, "/api/partnerships", raw)
                    .forEach(n -> partnerships.put(n.path("id").asString(), Partnership.of(n)));
            Map<String, Project> projects = new LinkedHashMap<>();
            all(get, "/api/projects", raw).forEach(n -> projects.put(n.path("id").asString(), Project.of(n)));
            return new Model(organisations, partnerships, projects, raw.toString());
        }

        private static List<JsonNode> all(java.util.function.Function<String, JsonNode> get, String path,
                                          StringBuilder raw) {
            List<JsonNode> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode body = get.apply(path + "?size=200&sort=createdAt&page=" + page);
                raw.append(body);
                all.addAll(items(body.path("items")));
                if (page + 1 >= body.path("totalPages").asInt()) {
                    assertThat(all).as("%s: every item of every page", path).hasSize(body.path("totalItems").asInt());
                    return all;
                }
            }
        }

        List<String> countriesOf(List<String> organisationIds) {
            return organisationIds.stream().map(organisations::get).filter(Objects::nonNull).map(Organisation::country)
                    .distinct().toList();
        }

        List<String> sectorsOf(List<String> organisationIds) {
            return organisationIds.stream().map(organisations::get).filter(Objects::nonNull).map(Organisation::sector)
                    .filter(Objects::nonNull).distinct().toList();
        }

        String nameOf(String organisationId) {
            Organisation organisation = organisations.get(organisationId);
            return organisation == null ? organisationId : organisation.name();
        }

        @Override
        public String toString() {
            return raw;
        }
    }

    /** What the report filters select, as ReportFilter defines it. */
    private record Filter(Integer year, String department, String strategy, String country) {

        static final Filter ALL = new Filter(null, null, null, null);

        Filter withDepartment(String newDepartment) {
            return new Filter(year, newDepartment, strategy, country);
        }

        Filter withYear(Integer newYear) {
            return new Filter(newYear, department, strategy, country);
        }

        boolean includes(Project project, Model model) {
            return (year == null || project.runsIn(year))
                    && (department == null || department.equals(project.owner()))
                    && (strategy == null || project.strategies().contains(strategy))
                    && (country == null || model.countriesOf(project.organisationIds()).contains(country));
        }

        boolean includes(Partnership partnership, Model model) {
            return (department == null || department.equals(partnership.responsibleDepartmentId()))
                    && (strategy == null || partnership.strategies().contains(strategy))
                    && (country == null || model.countriesOf(partnership.partyIds()).contains(country));
        }

        String query() {
            List<String> parameters = new ArrayList<>();
            if (year != null) {
                parameters.add("year=" + year);
            }
            if (department != null) {
                parameters.add("department=" + department);
            }
            if (strategy != null) {
                parameters.add("strategy=" + strategy);
            }
            if (country != null) {
                parameters.add("country=" + country);
            }
            return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        }

        @Override
        public String toString() {
            return query().isEmpty() ? "" : " " + query();
        }
    }

    private record Rate(BigDecimal sekPerUnit, int rateYear) {
    }

    /** reporting-service's settings, read from its application.yml: the zone, the threshold, the exchange rates. */
    private record ReportingConfig(ZoneId zone, double priorityThreshold, Map<Integer, Map<String, BigDecimal>> rates) {

        @SuppressWarnings("unchecked")
        static ReportingConfig read(Path file) {
            try {
                Map<String, Object> yaml = new Yaml().load(Files.readString(file));
                Map<String, Object> reporting = (Map<String, Object>) ((Map<String, Object>) yaml.get("samverka"))
                        .get("reporting");
                Map<Integer, Map<String, BigDecimal>> rates = new TreeMap<>();
                ((Map<Object, Map<String, Object>>) reporting.get("exchange-rates")).forEach((year, byCurrency) -> {
                    Map<String, BigDecimal> inYear = new TreeMap<>();
                    byCurrency.forEach((currency, rate) -> inYear.put(currency, new BigDecimal(rate.toString())));
                    rates.put(Integer.valueOf(year.toString()), inYear);
                });
                return new ReportingConfig(
                        ZoneId.of(String.valueOf(reporting.getOrDefault("zone", "Europe/Stockholm"))),
                        ((Number) reporting.getOrDefault("priority-threshold", 40)).doubleValue(), rates);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** SEK per unit in a year: that year's rate, else the nearest year's (the earlier of two as near). */
        Optional<Rate> rate(String currency, int year) {
            if (currency.equals("SEK")) {
                return Optional.of(new Rate(BigDecimal.ONE, year));
            }
            return rates.entrySet().stream().filter(byYear -> byYear.getValue().containsKey(currency))
                    .min(java.util.Comparator.<Map.Entry<Integer, Map<String, BigDecimal>>>comparingInt(
                            byYear -> Math.abs(byYear.getKey() - year)).thenComparingInt(Map.Entry::getKey))
                    .map(byYear -> new Rate(byYear.getValue().get(currency), byYear.getKey()));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // HTTP, JSON and dice
    // ------------------------------------------------------------------------------------------------------------

    private record Place(String country, List<String> regions) {
    }

    /**
     * A change to one of the test's aggregates.
     *
     * @param path        after the aggregate's own path, e.g. {@code /health}
     * @param namesOthers whether it names organisations or partnerships the project service learns of from events
     */
    private record Command(String label, Tracked target, String method, String path, Object body, boolean namesOthers) {
    }

    private record Reply(int status, String body, String etag) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Set<String> problemFields() {
            Set<String> fields = new TreeSet<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** One of the test's aggregates as the last answer about it showed it. */
    private static final class Tracked {
        final String kind;
        final String id;
        final String label;
        volatile JsonNode body;
        volatile String etag;
        volatile String previousEtag;
        /** A moment before it was registered. */
        final Instant created;

        Tracked(String kind, String id, String label, Reply created, Instant sent) {
            this.kind = kind;
            this.id = id;
            this.label = label;
            this.body = created.json();
            this.etag = created.etag();
            this.created = sent;
        }

        synchronized void took(Reply reply) {
            previousEtag = etag;
            etag = reply.etag();
            body = reply.json();
        }

        String path() {
            return "/api/" + kind + "/" + id;
        }

        String status() {
            return text(body.path("status"));
        }

        boolean active() {
            return body.path("active").asBoolean(true);
        }
    }

    private Reply send(String method, String path, String ifMatch, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode get(String path) {
        Reply reply = send("GET", path, null, null);
        expect(reply, 200, "GET " + path);
        return reply.json();
    }

    private static void expect(Reply reply, int status, String what) {
        assertThat(reply.status()).as("%s answered %s", what, reply.body()).isEqualTo(status);
    }

    private static void expectProblem(Reply reply, int status, String field) {
        assertThat(reply.status()).as("answered %s", reply.body()).isEqualTo(status);
        if (field != null) {
            assertThat(reply.problemFields()).as("the fields the problem names: %s", reply.body()).contains(field);
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a parallel command took more than a minute", e);
        }
    }

    private void log(int n, String what) {
        System.out.printf("  %4s %s%n", n <= 0 ? "set" : String.valueOf(n), what);
    }

    private void did(String what) {
        done.merge(what, 1, Integer::sum);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of the values, the earlier ones more often: the oldest projects get far in their lifecycle. */
    private <T> T pickEarly(List<T> values) {
        return values.get(Math.min(random.nextInt(values.size()), random.nextInt(values.size())));
    }

    private <T> List<T> pickSome(List<T> values, int count) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    /** Some of the values (none too), in their own order. */
    private List<String> some(List<String> values) {
        return values.stream().filter(value -> random.nextInt(3) == 0).toList();
    }

    private LocalDate pastDate(int fromYear) {
        return date(LocalDate.of(fromYear, 1, 1), today.minusDays(1));
    }

    private LocalDate date(LocalDate from, LocalDate until) {
        return from.plusDays(random.nextInt((int) (until.toEpochDay() - from.toEpochDay()) + 1));
    }

    private BigDecimal amount(int from, int until) {
        return BigDecimal.valueOf(from + random.nextInt(until - from)).add(BigDecimal.valueOf(random.nextInt(100), 2));
    }

    private static BigDecimal share(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        return obj("amount", amount.toPlainString(), "currency", currency);
    }

    /** A JSON object of the pairs whose value is not null. */
    private static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                object.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return object;
    }

    private static Map<String, Object> copy(JsonNode node, List<String> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (String field : fields) {
            if (!absent(node.path(field))) {
                copy.put(field, JSON.treeToValue(node.path(field), Object.class));
            }
        }
        return copy;
    }

    private <T> List<T> list(Map<String, T> map) {
        return List.copyOf(map.values());
    }

    private static JsonNode first(JsonNode items, Predicate<JsonNode> which) {
        return items(items).stream().filter(which).findFirst()
                .orElseThrow(() -> new IllegalStateException("none of " + items + " is the one looked for"));
    }

    private static boolean granted(JsonNode project) {
        return items(project.path("fundingLines")).stream().anyMatch(line -> !absent(line.path("granted")));
    }

    private static String lastDecision(JsonNode partnership) {
        List<JsonNode> decisions = items(partnership.path("decisions"));
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).path("id").asString();
    }

    private static List<String> partyIds(JsonNode partnership) {
        return items(partnership.path("parties")).stream().map(party -> party.path("organisationId").asString())
                .toList();
    }

    private static List<String> partnerIds(JsonNode project) {
        return items(project.path("partners")).stream().map(partner -> partner.path("organisationId").asString())
                .toList();
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static String text(JsonNode node) {
        return absent(node) ? null : node.asString();
    }

    private static List<String> texts(JsonNode array) {
        return items(array).stream().map(JsonNode::asString).toList();
    }

    private static BigDecimal decimal(JsonNode node) {
        return absent(node) ? null : node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }

    /** A decimal compared by its value: 2, 2.0 and 2.00 are one number where the services print them differently. */
    private static BigDecimal normal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static LocalDate date(JsonNode node) {
        return absent(node) ? null : LocalDate.parse(node.asString());
    }

    private static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(node.asString());
    }
}
