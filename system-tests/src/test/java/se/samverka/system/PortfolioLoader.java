package se.samverka.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.RuntimeSettings;
import se.samverka.platform.runtime.StartupException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a running platform with a county's portfolio through the gateway, the way a county's municipalities would
 * bring theirs in: the municipalities' departments and a few hundred foreign partners registered in the directory,
 * then projects imported 200 a request ({@code POST /api/projects/imports}), each with partners, funding lines,
 * indicators with reports, activities and its steps through the lifecycle to where it stands. The same seed makes the
 * same projects under the same keys, so a load cut short and run again, or run to a larger number, makes only what
 * is missing.
 */
final class PortfolioLoader {

    /** Projects per import request: the most the API takes. */
    static final int BATCH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The county's municipalities beside Östersund, whose departments the demo data holds. */
    private static final List<String> MUNICIPALITIES = List.of("Krokom", "Strömsund", "Åre", "Berg", "Bräcke",
            "Härjedalen", "Ragunda");
    private static final List<String> DEPARTMENTS = List.of("Kommunledningsförvaltningen",
            "Barn- och utbildningsförvaltningen", "Kultur- och fritidsförvaltningen", "Socialförvaltningen",
            "Samhällsbyggnadsförvaltningen");
    /** Cities partners come from, with their countries: twin-city regions, the Barents region, ICLD's countries. */
    private static final Map<String, String> CITIES = cities();
    private static final List<String> PARTNER_TYPES = List.of("FOREIGN_CITY", "UNIVERSITY", "COMPANY",
            "SOCIAL_ECONOMY");
    /** From where a project stands, its steps from IDEA. */
    private static final Map<String, List<String>> PATHS = paths();
    /** Where the projects stand, as in a portfolio of ten years: one in each place, twice as many under way. */
    private static final List<String> STANDING = List.of("IDEA", "PRE_STUDY", "APPLICATION_DRAFT", "SUBMITTED",
            "REJECTED", "APPROVED", "ONGOING", "ONGOING", "CLOSED", "CANCELLED");
    private static final String[] THEMES = {"Vatten", "Skola", "Kultur", "Idrott", "Klimat", "Demokrati",
            "Turism", "Vinterteknik", "Hälsa", "Ungdom", "Energi", "Digitalisering", "Jämställdhet",
            "Besöksnäring"};
    private static final String[] KINDS = {"utbyte", "samarbete", "förstudie", "nätverk", "kompetensutveckling",
            "pilotprojekt"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Supplier<String> token;

    /** What a load did: projects made (not there before) and how long the import took, in seconds. */
    record Loaded(int created, int requested, double seconds) {

        double perSecond() {
            return requested / seconds;
        }
    }

    /** @param token a coordinator's token, asked for again for each request (a token lives 15 minutes) */
    PortfolioLoader(String gateway, Supplier<String> token) {
        this.gateway = gateway;
        this.token = token;
    }

    /**
     * Loads the platform {@code ./samverka run} runs (the same {@code SAMVERKA_HOME} and ports): with the test
     * classpath, {@code java se.samverka.system.PortfolioLoader 100000}.
     */
    public static void main(String[] args) throws Exception {
        Platform platform = Platform.create(RuntimeSettings.fromEnvironment(Path.of("").toAbsolutePath(),
                System.getenv()), (component, address, took) -> { });
        int total = Integer.parseInt(args[0]);
        Loaded loaded = new PortfolioLoader(platform.gatewayUrl(), () -> {
            try {
                return platform.coordinatorToken();
            } catch (StartupException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).load(total, 2);
        System.out.printf("%,d projects (%,d new) imported in %.0f s: %,.0f a second%n", loaded.requested(),
                loaded.created(), loaded.seconds(), loaded.perSecond());
    }

    /** Makes the portfolio hold the loader's projects 0 to {@code total} - 1, from {@code clients} at once. */
    Loaded load(int total, int clients) throws Exception {
        JsonNode reference = get("/api/reference");
        List<String> owners = owners();
        List<String> partners = partners();
        Generator generator = new Generator(reference, owners, partners);
        AtomicInteger created = new AtomicInteger();
        // The directory reaches project-service through its events: the first project waits until it has.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> created.addAndGet(importing(generator, 0, 1)) >= 0);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                runs.add(pool.submit(() -> {
                    for (int batch = next.getAndIncrement(); batch * BATCH < total; batch = next.getAndIncrement()) {
                        created.addAndGet(importing(generator, batch * BATCH, Math.min(total, (batch + 1) * BATCH)));
                    }
                    return null;
                }));
            }
            for (Future<Object> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Loaded(created.get(), total, (System.nanoTime() - start) / 1e9);
    }

    /** Imports the projects {@code from} to {@code to} - 1; how many were not there before. */
    private int importing(Generator generator, int from, int to) throws IOException, InterruptedException {
        List<Map<String, Object>> projects = IntStream.range(from, to).mapToObj(generator::project).toList();
        HttpResponse<String> response = send("POST", "/api/projects/imports", Map.of("projects", projects));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import of %d–%d answered %d: %s".formatted(from, to - 1,
                    response.statusCode(), response.body()));
        }
        int created = 0;
        for (JsonNode project : JSON.readTree(response.body()).path("projects")) {
            created += project.path("created").asBoolean() ? 1 : 0;
        }
        return created;
    }

    /** The county's departments: Östersund's from the demo data, and those of the other municipalities. */
    private List<String> owners() throws IOException, InterruptedException {
        Map<String, String> known = known();
        List<String> owners = new ArrayList<>();
        String ostersund = known.get("Östersunds kommun");
        for (JsonNode department : get("/api/organisations?type=DEPARTMENT&size=100&parent=" + ostersund)
                .path("items")) {
            owners.add(department.path("id").asString());
        }
        for (String municipality : MUNICIPALITIES) {
            String name = municipality + "s kommun";
            String id = organisation(known, Map.of("name", name, "type", "MUNICIPALITY", "country", "SE",
                    "region", "SE-Z"));
            for (String department : DEPARTMENTS) {
                owners.add(organisation(known, Map.of("name", department + ", " + name, "type", "DEPARTMENT",
                        "country", "SE", "region", "SE-Z", "parentOrganisationId", id)));
            }
        }
        return owners;
    }

    /** Foreign cities and, in each, a university, a company and a social-economy organisation. */
    private List<String> partners() throws IOException, InterruptedException {
        Map<String, String> known = known();
        List<String> partners = new ArrayList<>();
        for (Map.Entry<String, String> city : CITIES.entrySet()) {
            for (String type : PARTNER_TYPES) {
                String name = switch (type) {
                    case "FOREIGN_CITY" -> city.getKey();
                    case "UNIVERSITY" -> "University of " + city.getKey();
                    case "COMPANY" -> city.getKey() + " Tech Ltd";
                    default -> city.getKey() + " Youth Association";
                };
                partners.add(organisation(known, Map.of("name", name, "type", type, "country", city.getValue())));
            }
        }
        return partners;
    }

    /** Every organisation of the directory by name. */
    private Map<String, String> known() throws IOException, InterruptedException {
        Map<String, String> byName = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = get("/api/organisations?size=100&page=" + page).path("items");
            items.forEach(item -> byName.put(item.path("name").asString(), item.path("id").asString()));
            if (items.size() < 100) {
                return byName;
            }
        }
    }

    /** The organisation of that name, registered if the directory does not have it yet. */
    private String organisation(Map<String, String> known, Map<String, String> body)
            throws IOException, InterruptedException {
        String existing = known.get(body.get("name"));
        if (existing != null) {
            return existing;
        }
        HttpResponse<String> response = send("POST", "/api/organisations", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering " + body + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("id").asString();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, Object body)
            throws IOException, InterruptedException {
        return JsonRequests.send(http, gateway + path, token.get(), method, body, Duration.ofSeconds(60));
    }

    /** The projects, each made from its own number: the same number, the same project. */
    private static final class Generator {

        private final List<JsonNode> strategies = new ArrayList<>();
        private final List<String> growthAreas = new ArrayList<>();
        private final List<String> programmes = new ArrayList<>();
        private final List<String> owners;
        private final List<String> partners;

        Generator(JsonNode reference, List<String> owners, List<String> partners) {
            reference.path("strategy").path("strategies").forEach(strategies::add);
            reference.path("strategy").path("growthAreas").forEach(area -> growthAreas.add(area.path("code")
                    .asString()));
            reference.path("fundingProgrammes").path("programmes").forEach(programme -> programmes.add(programme
                    .path("code").asString()));
            this.owners = owners;
            this.partners = partners;
        }

        Map<String, Object> project(int number) {
            Random random = new Random(number);
            String status = STANDING.get(random.nextInt(STANDING.size()));
            boolean started = PATHS.get(status).contains("ONGOING");
            boolean ended = PATHS.get(status).contains("CLOSED");
            LocalDate start = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(ended ? 2_400 : 3_600));
            if (started && !ended && start.isAfter(LocalDate.now())) {
                start = LocalDate.now().minusDays(30);
            }
            LocalDate end = start.plusMonths(12 + random.nextInt(36));
            JsonNode strategy = strategies.get(random.nextInt(strategies.size()));
            JsonNode actions = strategy.path("actions");
            String theme = THEMES[random.nextInt(THEMES.length)];
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("title", "%s%s %d".formatted(theme, KINDS[random.nextInt(KINDS.length)], number));
            description.put("ownerOrganisationId", owners.get(random.nextInt(owners.size())));
            description.put("visibility", List.of("INTERNAL", "COUNTY", "PUBLIC").get(random.nextInt(3)));
            description.put("strategies", List.of(strategy.path("code").asString()));
            if (!actions.isEmpty()) {
                description.put("actions", List.of(actions.get(random.nextInt(actions.size())).path("code")
                        .asString()));
            }
            description.put("growthAreas", List.of(growthAreas.get(random.nextInt(growthAreas.size()))));
            description.put("plannedStart", start.toString());
            description.put("plannedEnd", end.toString());
            if (started) {
                description.put("actualStart", start.toString());
            }
            if (ended) {
                end = LocalDate.now().isBefore(end) ? LocalDate.now().minusDays(1) : end;
                description.put("actualEnd", end.toString());
            }
            description.put("mutualInterest", "Båda parter utvecklar sitt arbete med " + theme.toLowerCase());

            Map<String, Object> project = new LinkedHashMap<>();
            project.put("key", "loader-" + number);
            project.put("description", description);
            project.put("partners", IntStream.range(0, 1 + random.nextInt(3))
                    .mapToObj(i -> partners.get(random.nextInt(partners.size()))).distinct()
                    .map(id -> Map.of("organisationId", id, "role", "PARTNER")).toList());
            LocalDate decided = start.isAfter(LocalDate.now()) ? LocalDate.now() : start;
            long applied = 50_000 + random.nextInt(2_000) * 1_000L;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("programme", programmes.get(random.nextInt(programmes.size())));
            line.put("applied", money(applied));
            if (PATHS.get(status).contains("APPROVED")) {
                line.put("granted", money(applied * (60 + random.nextInt(41)) / 100));
                line.put("decidedOn", decided.toString());
            }
            project.put("fundingLines", List.of(line));
            LocalDate reported = decided.plusMonths(6).isAfter(LocalDate.now()) ? LocalDate.now()
                    : decided.plusMonths(6);
            project.put("indicators", List.of(Map.of("definition", Map.of("kind", random.nextBoolean() ? "OUTPUT"
                            : "RESULT", "name", "Deltagare i utbyten", "unit", "personer", "baseline", 0,
                            "target", 10 + random.nextInt(200)),
                    "reports", started ? List.of(Map.of("reportedOn", reported.toString(), "value",
                            random.nextInt(100))) : List.of())));
            if (started) {
                project.put("activities", List.of(Map.of("type", "STUDY_VISIT", "title", "Studiebesök",
                        "heldOn", start.plusMonths(2).toString())));
                project.put("health", Map.of("status", List.of("ON_TRACK", "ON_TRACK", "AT_RISK", "OFF_TRACK")
                        .get(random.nextInt(4))));
            }
            if (ended) {
                project.put("finalReport", Map.of("submittedOn", end.toString(), "summary",
                        "Projektet genomfördes enligt plan."));
            }
            project.put("transitions", PATHS.get(status).stream().map(to -> Map.of("to", to, "reason",
                    "Enligt diariet")).toList());
            return project;
        }

        private static Map<String, Object> money(long amount) {
            return Map.of("amount", amount, "currency", "SEK");
        }
    }

    private static Map<String, List<String>> paths() {
        List<String> toApproved = List.of("PRE_STUDY", "APPLICATION_DRAFT", "SUBMITTED", "APPROVED");
        Map<String, List<String>> paths = new LinkedHashMap<>();
        paths.put("IDEA", List.of());
        paths.put("PRE_STUDY", List.of("PRE_STUDY"));
        paths.put("APPLICATION_DRAFT", List.of("PRE_STUDY", "APPLICATION_DRAFT"));
        paths.put("SUBMITTED", List.of("PRE_STUDY", "APPLICATION_DRAFT", "SUBMITTED"));
        paths.put("REJECTED", List.of("PRE_STUDY", "APPLICATION_DRAFT", "SUBMITTED", "REJECTED"));
        paths.put("APPROVED", toApproved);
        paths.put("ONGOING", concat(toApproved, "ONGOING"));
        paths.put("CLOSED", concat(toApproved, "ONGOING", "FINAL_REPORTED", "CLOSED"));
        paths.put("CANCELLED", List.of("PRE_STUDY", "CANCELLED"));
        return paths;
    }

    private static List<String> concat(List<String> first, String... then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(then));
        return all;
    }

    private static Map<String, String> cities() {
        Map<String, String> cities = new LinkedHashMap<>();
        String[][] pairs = {{"Kajaani", "FI"}, {"Vaasa", "FI"}, {"Oulu", "FI"}, {"Rovaniemi", "FI"},
                {"Trondheim", "NO"}, {"Tromsø", "NO"}, {"Bodø", "NO"}, {"Levanger", "NO"}, {"Odense", "DK"},
                {"Aarhus", "DK"}, {"Sanok", "PL"}, {"Gdańsk", "PL"}, {"Kraków", "PL"}, {"Tartu", "EE"},
                {"Pärnu", "EE"}, {"Riga", "LV"}, {"Kaunas", "LT"}, {"Hamburg", "DE"}, {"Freiburg", "DE"},
                {"Groningen", "NL"}, {"Gent", "BE"}, {"Grenoble", "FR"}, {"Innsbruck", "AT"}, {"Bolzano", "IT"},
                {"Bilbao", "ES"}, {"Porto", "PT"}, {"Galway", "IE"}, {"Inverness", "GB"}, {"Akureyri", "IS"},
                {"Murmansk", "RU"}, {"Darkhan", "MN"}, {"Ulaanbaatar", "MN"}, {"Changchun", "CN"},
                {"Mthatha", "ZA"}, {"Kokstad", "ZA"}, {"Gaborone", "BW"}, {"Kisumu", "KE"}, {"Jinja", "UG"},
                {"Da Nang", "VN"}, {"Banda Aceh", "ID"}, {"Tbilisi", "GE"}, {"Lviv", "UA"}, {"Chișinău", "MD"},
                {"Sarajevo", "BA"}, {"Bitola", "MK"}, {"Quetzaltenango", "GT"}, {"León", "NI"},
                {"Cochabamba", "BO"}, {"Duluth", "US"}, {"Whitehorse", "CA"}};
        for (String[] pair : pairs) {
            cities.put(pair[0], pair[1]);
        }
        return cities;
    }
}
