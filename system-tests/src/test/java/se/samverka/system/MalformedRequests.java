package se.samverka.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Malformed requests for the whole platform, all from one seed, so that a failure can be replayed with it: bodies of
 * the wrong JSON types, huge texts, odd Unicode, broken JSON, keys given twice, deep nesting; odd query parameters,
 * odd ids in paths, wrong content types and methods, and the portal's forms with odd values. Each names what may come
 * of it: which list a 2xx adds to (none for most), and which field a refusal must name.
 */
final class MalformedRequests {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** Never a valid version of anything: a change sent with it is refused whatever its body. */
    private static final String STALE = "\"999999\"";
    /** Reactor Netty's: a longer request line is refused with 414 and no body before any of the gateway's code runs. */
    private static final int REQUEST_LINE_LIMIT = 4_096;

    /** Text no person means: refused wherever it stands in a body. */
    private static final List<String> REFUSED_TEXT = List.of("\u0000", "Sanok\u0000", "\u0007bell", "esc\u001b[31m",
            "del\u007f", "\u0085next line", "c1\u009f", "\ud800", "tail\udbff", "\udc00head", "x\ud83d");
    /** Odd, but text a person may mean: accepted where the field takes it. */
    private static final List<String> ODD_TEXT = List.of("\u200fRTL mark", "\u202eevil", "😀", "👩‍👩‍👧 family", "e\u0301",
            "\ufeffBOM", "line\u2028separator", "tab\there", "two\r\nlines", "Ω≈ç√∫ 吉林省", "'; DROP TABLE x; --",
            "{\"$gt\": \"\"}", "$where", "../../etc/passwd", "%00", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}",
            "\uffff", "\ufffd", "𝕳𝖊𝖑𝖑𝖔", " ", "");
    private static final List<Object> WRONG_TYPES = List.of(42, -1, 3.14, true, false, List.of(), List.of("a"),
            Map.of(), Map.of("a", 1), "not-a-date", "");
    /** Written as they are in place of a value: numbers out of range, values JSON has not, nesting. */
    private static final List<String> RAW_VALUES = List.of("1e309", "-0", "12345678901234567890123456789",
            "NaN", "Infinity", "0x10", "01", "[1,[2,[3]]]", "null");
    private static final List<String> ODD_IDS = List.of("%00", "..", "%2e%2e", "..%2F..%2Factuator", "%2F", "%5C",
            "x".repeat(300), "%ff", "%C0%AF", "%ED%A0%80", "%E2%80%AE", "%F0%9F%98%80", "not-a-uuid",
            "00000000-0000-0000-0000-000000000000", "%24where", "%7B%7D", "1%27%20OR%201%3D1", "%20", "%09", "%01",
            "%C2%85", "a;b", "%3B", "~", "*", "%2A", "%3F", "%23", "..%3F", "%25", "-1", "0", "%2e");
    private static final List<String> ODD_QUERY_VALUES = List.of("%00", ".*", "(", "%5B", "%5C", "%5E%24", "a%7Cb",
            "%FF%FE", "%F0%9F%98%80", "%C2%85", "%27%20OR%201%3D1", "%7B%22%24ne%22%3Anull%7D", "x".repeat(3000), "",
            "-1", "2147483648", "1e3", "NaN", "abc", "%ED%A0%80", "%E2%80%AE", "%2e%2e%2F", "%20%20");
    private static final List<String> LISTS = List.of("/api/organisations", "/api/partnerships", "/api/projects",
            "/api/subscriptions", "/api/reports/portfolio", "/api/reports/coverage", "/api/reports/partnerships",
            "/api/reports/funding", "/api/reports/geography", "/api/reports/priority", "/api/reports/indicators",
            "/api/reports/activity", "/api/reports/annual/2026", "/api/reports/annual/2026.csv",
            "/api/reports/annual/2026.xlsx", "/api/reports/annual/2026.pdf", "/api/views/dashboard",
            "/api/views/partner/projects", "/feeds/public-projects.atom", "/api/reference", "/projects",
            "/organisations", "/partnerships");
    private static final List<String> PARAMETERS = List.of("page", "size", "sort", "q", "status", "type",
            "visibility", "health", "year", "country", "owner", "party", "partnership", "responsibleDepartment",
            "strategy", "theme", "sector", "active", "parent", "threshold", "limit", "table", "department", "lang",
            "%24where", "__proto__", "q%00");
    private static final List<String> SORTS = List.of("garbage", "-", ",", "--title", "title,-,", "%24where",
            "a.b", "state.secret", "%00", "-updatedAt,name,-score,title,createdAt", "_id", "password");

    /** The resources the requests aim at, found or made before any is sent. */
    record Targets(String department, String city, String contactOrganisation, String contactPerson, String project,
                   String partnership) {
    }

    /**
     * One request as it goes on the wire.
     *
     * @param path            percent-encoded as sent, with its query
     * @param refusedField    the JSON path a refusal must name: the body holds text no one can mean there; null if none
     * @param escaped         whether the refused text is written as a JSON escape: then the body is JSON, and only a
     *                        422 naming the field will do (raw, it may be no JSON, or no UTF-8, at all)
     * @param creates         the list a 2xx answer adds to; null when nothing may be written
     * @param lineFits        whether the request line is within Reactor Netty's limit; a longer one is refused with
     *                        414 and no body before any of the platform's code sees it
     */
    record Probe(int number, String kind, String method, String path, Map<String, String> headers, byte[] body,
                 String refusedField, boolean escaped, String creates, boolean lineFits) {

        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/feeds/");
        }

        /** What was sent, printable: control characters and long stretches shown as escapes and counts. */
        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return "#" + number + " [" + kind + "] " + method + " " + printable(path, 300) + " " + headers
                    + (body == null ? "" : " body(" + body.length + " bytes): " + printable(text, 400));
        }
    }

    private final Random random;
    private final Targets targets;
    private final List<Endpoint> endpoints;
    private final List<Probe> probes = new ArrayList<>();

    private MalformedRequests(long seed, Targets targets) {
        this.random = new Random(seed);
        this.targets = targets;
        this.endpoints = endpoints(targets);
    }

    static List<Probe> generate(long seed, Targets targets, int count) {
        MalformedRequests generator = new MalformedRequests(seed, targets);
        List<Supplier<Probe>> kinds = List.of(
                generator::refusedText, generator::refusedText, generator::refusedText, generator::oddText,
                generator::oddText, generator::wrongType, generator::wrongType, generator::rawValue,
                generator::brokenJson, generator::brokenJson, generator::duplicatedKey, generator::deepNesting,
                generator::hugeText, generator::oddQuery, generator::oddQuery, generator::oddQuery, generator::oddId,
                generator::oddId, generator::oddId, generator::wrongContentType, generator::wrongContentType,
                generator::wrongMethod, generator::wrongMethod, generator::oddHeaders, generator::portalForm);
        while (generator.probes.size() < count) {
            generator.probes.add(generator.pick(kinds).get());
        }
        return List.copyOf(generator.probes);
    }

    // ---- what the bodies are about

    /** A body endpoint: where it is, how its valid body looks, and the list a 2xx adds to (null: nothing may be). */
    private record Endpoint(String method, String path, Map<String, Object> body, String creates) {
    }

    private static List<Endpoint> endpoints(Targets targets) {
        String today = LocalDate.now().toString();
        String later = LocalDate.now().plusYears(2).toString();
        Map<String, Object> organisation = object("name", "Fuzz AB", "nameEn", "Fuzz Ltd", "type", "COMPANY",
                "country", "SE", "organisationNumber", "Fuzz-1", "website", "https://fuzz.example");
        Map<String, Object> contact = object("name", "Fuzz Person", "role", "Samordnare", "email", "fuzz@example.se",
                "phone", "+46 63 14 30 00", "lawfulBasis", "PUBLIC_TASK", "retainUntil", later);
        Map<String, Object> project = object("title", "Fuzzprojekt", "titleEn", "Fuzz project", "acronym", "FUZZ",
                "summary", "Ett projekt.", "ownerOrganisationId", targets.department(), "visibility", "INTERNAL",
                "strategies", List.of("S1"), "mutualInterest", "Båda vinner.", "plannedStart", today);
        Map<String, Object> partnership = object("name", "Fuzzpartnerskap", "description", "Ett partnerskap.",
                "type", "TWIN_CITY", "visibility", "INTERNAL", "strategies", List.of("S1"), "parties", List.of(
                        object("organisationId", targets.department(), "role", "LEAD"),
                        object("organisationId", targets.city(), "role", "PARTNER")));
        Map<String, Object> partnershipChange = new LinkedHashMap<>(partnership);
        partnershipChange.remove("parties");
        Map<String, Object> subscription = object("sink", "https://localhost/fuzz-hook",
                "types", List.of("se.samverka.project.statusChanged"),
                "filters", List.of(object("prefix", object("type", "se.samverka."))),
                "projects", object("countries", List.of("NO"), "strategies", List.of("S1")));
        Map<String, Object> decision = object("body", "Kommunfullmäktige", "decidedOn", today, "paragraph", "185",
                "registrationNumber", "1783/200", "note", "Beslut.");
        String projectPath = "/api/projects/" + targets.project();
        String partnershipPath = "/api/partnerships/" + targets.partnership();
        return List.of(
                new Endpoint("POST", "/api/organisations", organisation, "organisations"),
                new Endpoint("POST", "/api/organisations/" + targets.contactOrganisation() + "/contact-persons", contact,
                        "contact-persons"),
                new Endpoint("POST", "/api/projects", project, "projects"),
                new Endpoint("POST", "/api/partnerships", partnership, "partnerships"),
                new Endpoint("POST", "/api/subscriptions", subscription, null),
                new Endpoint("PUT", "/api/organisations/" + targets.department(), organisation, null),
                new Endpoint("PUT", "/api/contact-persons/" + targets.contactPerson(), contact, null),
                new Endpoint("PUT", projectPath, project, null),
                new Endpoint("PUT", partnershipPath, partnershipChange, null),
                new Endpoint("PUT", "/api/subscriptions/fuzz-subscription", subscription, null),
                new Endpoint("POST", partnershipPath + "/decisions", decision, null),
                new Endpoint("POST", partnershipPath + "/transitions", object("to", "ACTIVE", "reason", "Dags."), null),
                new Endpoint("PUT", partnershipPath + "/agreement",
                        object("type", "MEMORANDUM_OF_UNDERSTANDING", "signedOn", today), null),
                new Endpoint("POST", partnershipPath + "/parties",
                        object("organisationId", targets.department(), "role", "PARTNER"), null),
                new Endpoint("POST", projectPath + "/partners",
                        object("organisationId", targets.city(), "role", "PARTNER"), null),
                new Endpoint("POST", projectPath + "/funding-lines", object("programme", "ERASMUS_PLUS", "call", "KA2",
                        "applied", object("amount", "1000.50", "currency", "EUR"), "decidedOn", today), null),
                new Endpoint("POST", projectPath + "/indicators", object("kind", "OUTPUT", "name", "Deltagare",
                        "unit", "personer", "baseline", 0, "target", 100), null),
                new Endpoint("POST", projectPath + "/activities", object("type", "STUDY_VISIT", "title", "Studiebesök",
                        "heldOn", today, "place", "Sanok", "country", "PL", "participants",
                        List.of(object("sector", "PUBLIC", "gender", "WOMAN", "count", 3))), null),
                new Endpoint("PUT", projectPath + "/health", object("status", "AT_RISK", "note", "Förseningar."), null),
                new Endpoint("POST", projectPath + "/transitions", object("to", "PRE_STUDY", "reason", "Vi börjar.",
                        "decision", decision), null));
    }

    // ---- the kinds of requests

    private Probe refusedText() {
        Endpoint endpoint = pick(endpoints);
        String field = pick(textFields(endpoint.body()));
        String value = pick(REFUSED_TEXT);
        Map<String, Object> body = replaced(endpoint.body(), field, value);
        boolean escaped = random.nextInt(3) > 0;
        byte[] bytes = escaped ? Json.escaped(body) : Json.raw(body);
        return changeOf(endpoint, "refused text" + (escaped ? "" : ", raw"), JSON, bytes, field, escaped, null);
    }

    private Probe oddText() {
        Endpoint endpoint = pick(endpoints);
        Map<String, Object> body = replaced(endpoint.body(), pick(textPaths(endpoint.body())), pick(ODD_TEXT));
        return changeOf(endpoint, "odd text", JSON, random.nextBoolean() ? Json.escaped(body) : Json.raw(body), null,
                false, endpoint.creates());
    }

    private Probe wrongType() {
        Endpoint endpoint = pick(endpoints);
        List<String> paths = allPaths(endpoint.body());
        Object body = random.nextInt(8) == 0 ? pick(WRONG_TYPES)
                : replaced(endpoint.body(), pick(paths), pick(WRONG_TYPES));
        // Jackson writes a number or a boolean into a text field as its text: a 2xx may add to the list.
        return changeOf(endpoint, "wrong type", JSON, Json.escaped(body), null, false, endpoint.creates());
    }

    private Probe rawValue() {
        Endpoint endpoint = pick(endpoints);
        String marker = "\"__raw__\"";
        String json = new String(Json.escaped(replaced(endpoint.body(), pick(allPaths(endpoint.body())), "__raw__")),
                StandardCharsets.UTF_8).replace(marker, pick(RAW_VALUES));
        return changeOf(endpoint, "raw JSON value", JSON, json.getBytes(StandardCharsets.UTF_8), null, false,
                endpoint.creates());
    }

    private Probe brokenJson() {
        Endpoint endpoint = pick(endpoints);
        String json = new String(Json.escaped(endpoint.body()), StandardCharsets.UTF_8);
        int cut = 1 + random.nextInt(json.length() - 2);
        String broken = switch (random.nextInt(12)) {
            case 0 -> json.substring(0, cut);
            case 1 -> json + pick(List.of("}", ",", "x", "{}", " true"));
            case 2 -> json.replace("\"", "'");
            case 3 -> json.substring(0, json.length() - 1) + ",}";
            case 4 -> "/* comment */" + json;
            case 5 -> json.substring(0, cut) + "\"" + json.substring(cut);
            case 6 -> "";
            case 7 -> "   \n\t ";
            case 8 -> "{".repeat(1 + random.nextInt(50));
            case 9 -> json.replaceFirst("\"([a-zA-Z]+)\":", "$1:");
            case 10 -> json + json;
            default -> json.substring(0, cut) + "\u0000" + json.substring(cut);
        };
        byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(6) == 0) {
            bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
        } else if (random.nextInt(6) == 0) {
            bytes = concat(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3});
        }
        return changeOf(endpoint, "broken JSON", JSON, bytes, null, false, null);
    }

    private Probe duplicatedKey() {
        Endpoint endpoint = pick(endpoints);
        String key = pick(new ArrayList<>(endpoint.body().keySet()));
        String json = new String(Json.escaped(endpoint.body()), StandardCharsets.UTF_8);
        String duplicated = "{\"" + key + "\":" + new String(Json.escaped(pick(ODD_TEXT)), StandardCharsets.UTF_8) + ","
                + json.substring(1);
        return changeOf(endpoint, "duplicated key", JSON, duplicated.getBytes(StandardCharsets.UTF_8), null, false,
                null);
    }

    private Probe deepNesting() {
        Endpoint endpoint = pick(endpoints);
        int depth = pick(List.of(600, 2_000, 50_000));
        String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String marker = "\"__nested__\"";
        String json = random.nextInt(4) == 0 ? nested
                : new String(Json.escaped(replaced(endpoint.body(), pick(allPaths(endpoint.body())), "__nested__")),
                        StandardCharsets.UTF_8).replace(marker, nested);
        return changeOf(endpoint, "deep nesting " + depth, JSON, json.getBytes(StandardCharsets.UTF_8), null, false,
                null);
    }

    /** Within the gateway's limit of 1 MB, and above it. */
    private Probe hugeText() {
        Endpoint endpoint = pick(endpoints);
        String unit = pick(List.of("a", "é", "😀", " "));
        int bytes = pick(List.of(5_000, 70_000, 900_000, 1_100_000));
        String huge = unit.repeat(bytes / unit.getBytes(StandardCharsets.UTF_8).length);
        Map<String, Object> body = replaced(endpoint.body(), pick(textFields(endpoint.body())), huge);
        return changeOf(endpoint, "huge text of " + bytes + " bytes", JSON, Json.raw(body), null, false, null);
    }

    private Probe oddQuery() {
        String list = pick(LISTS);
        StringBuilder query = new StringBuilder();
        int parameters = 1 + random.nextInt(3);
        for (int i = 0; i < parameters; i++) {
            String parameter = pick(PARAMETERS);
            String value = parameter.equals("sort") && random.nextBoolean() ? pick(SORTS) : pick(ODD_QUERY_VALUES);
            query.append(i == 0 ? "?" : "&").append(parameter).append('=').append(value);
            if (random.nextInt(8) == 0) {
                query.append('&').append(parameter).append("=1");
            }
        }
        return probe("odd query", random.nextInt(10) == 0 ? "HEAD" : "GET", list + query, Map.of(), null, null, null,
                false, null);
    }

    private Probe oddId() {
        String id = pick(ODD_IDS);
        String project = "/api/projects/" + targets.project();
        String partnership = "/api/partnerships/" + targets.partnership();
        List<String[]> addresses = List.of(
                new String[] {"GET", "/api/organisations/" + id}, new String[] {"PUT", "/api/organisations/" + id},
                new String[] {"GET", "/api/organisations/" + id + "/contact-persons"},
                new String[] {"POST", "/api/organisations/" + id + "/contact-persons"},
                new String[] {"GET", "/api/contact-persons/" + id}, new String[] {"DELETE", "/api/contact-persons/" + id},
                new String[] {"GET", "/api/contact-persons/" + id + "/export"},
                new String[] {"GET", "/api/projects/" + id}, new String[] {"PUT", "/api/projects/" + id},
                new String[] {"POST", "/api/projects/" + id + "/transitions"},
                new String[] {"GET", "/api/partnerships/" + id}, new String[] {"PUT", "/api/partnerships/" + id},
                new String[] {"GET", "/api/subscriptions/" + id}, new String[] {"DELETE", "/api/subscriptions/" + id},
                new String[] {"GET", "/api/subscriptions/" + id + "/deliveries"},
                new String[] {"POST", "/api/subscriptions/" + id + "/secret"},
                new String[] {"POST", "/api/subscriptions/" + id + "/deliveries/" + id + "/redeliver"},
                new String[] {"GET", "/api/reports/projects/" + id}, new String[] {"GET", "/api/reports/rebuilds/" + id},
                new String[] {"GET", "/api/reports/annual/" + id}, new String[] {"GET", "/api/reports/annual/" + id + ".pdf"},
                new String[] {"GET", "/api/views/projects/" + id}, new String[] {"GET", "/api/views/partnerships/" + id},
                new String[] {"PUT", project + "/funding-lines/" + id}, new String[] {"DELETE", project + "/funding-lines/" + id},
                new String[] {"DELETE", project + "/partners/" + id}, new String[] {"DELETE", project + "/activities/" + id},
                new String[] {"POST", project + "/indicators/" + id + "/reports"},
                new String[] {"DELETE", partnership + "/parties/" + id},
                new String[] {"GET", "/projects/" + id}, new String[] {"GET", "/organisations/" + id},
                new String[] {"GET", "/partnerships/" + id}, new String[] {"GET", "/projects/" + id + "/edit"},
                new String[] {"GET", "/subscriptions/" + id});
        String[] address = pick(addresses);
        boolean tooLong = random.nextInt(25) == 0;
        String path = tooLong ? address[1] + "x".repeat(5_000) : address[1];
        Map<String, String> headers = address[0].equals("GET") ? Map.of() : Map.of("If-Match", STALE);
        byte[] body = address[0].equals("PUT") || address[0].equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        return probe("odd id", address[0], path, headers, body == null ? null : JSON, body, null, false, null);
    }

    private Probe wrongContentType() {
        Endpoint endpoint = pick(endpoints);
        byte[] json = Json.raw(endpoint.body());
        String[][] variants = {
                {"text/plain", null}, {"application/xml", "<organisation><name>Fuzz</name></organisation>"},
                {FORM, "name=Fuzz&type=COMPANY&country=SE"}, {"multipart/form-data; boundary=x", "--x--"},
                {null, null}, {"image/png", null}, {"application/json; charset=ISO-8859-1", "latin-1"},
                {"application/json; charset=UTF-16", "utf-16"}, {"application/vnd.fuzz+json", null},
                {"application/json; charset=klingon", null}, {"application/json;;;", null}, {"*/*", null},
                {"application/problem+json", null}, {"text/html", null}};
        String[] variant = variants[random.nextInt(variants.length)];
        byte[] body = switch (variant[1] == null ? "json" : variant[1]) {
            case "json" -> json;
            case "latin-1" -> new String(json, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
            case "utf-16" -> new String(json, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            default -> variant[1].getBytes(StandardCharsets.UTF_8);
        };
        // Some of these are JSON under another name, which a service may well read: a 2xx may add to the list.
        return changeOf(endpoint, "content type " + variant[0], variant[0], body, null, false, endpoint.creates());
    }

    private Probe wrongMethod() {
        String project = "/api/projects/" + targets.project();
        List<String[]> addresses = List.of(
                new String[] {"PATCH", "/api/organisations"}, new String[] {"PUT", "/api/organisations"},
                new String[] {"DELETE", "/api/organisations"}, new String[] {"PATCH", project},
                new String[] {"POST", project}, new String[] {"DELETE", project},
                new String[] {"DELETE", "/api/partnerships/" + targets.partnership()},
                new String[] {"DELETE", "/api/organisations/" + targets.department()},
                new String[] {"POST", "/api/reference"}, new String[] {"PUT", "/api/reports/portfolio"},
                new String[] {"DELETE", "/api/reports/portfolio"}, new String[] {"POST", "/api/reports/activity"},
                new String[] {"DELETE", "/feeds/public-projects.atom"}, new String[] {"POST", "/api/views/dashboard"},
                new String[] {"PUT", "/api/me"}, new String[] {"TRACE", "/api/projects"},
                new String[] {"OPTIONS", "/api/projects"}, new String[] {"HEAD", "/api/projects"},
                new String[] {"PROPFIND", "/api/projects"}, new String[] {"PATCH", "/api/subscriptions"},
                new String[] {"DELETE", "/api/reports/rebuilds"}, new String[] {"PUT", "/api/projects/" + targets.project()
                        + "/partners"}, new String[] {"GET", project + "/transitions"},
                new String[] {"GET", "/api/partnerships/" + targets.partnership() + "/decisions"},
                new String[] {"PATCH", "/organisations/new"}, new String[] {"DELETE", "/projects"});
        String[] address = pick(addresses);
        boolean body = random.nextBoolean() && !address[0].equals("TRACE");
        return probe("wrong method", address[0], address[1], Map.of("If-Match", STALE), body ? JSON : null,
                body ? "{\"name\":\"Fuzz\"}".getBytes(StandardCharsets.UTF_8) : null, null, false, null);
    }

    /** Headers the services read: If-Match, Accept-Language, Accept. */
    private Probe oddHeaders() {
        Endpoint endpoint = pick(endpoints);
        String header = pick(List.of("If-Match", "Accept-Language", "Accept"));
        String value = switch (header) {
            case "If-Match" -> pick(List.of("*", "\"\"", "W/\"1\"", "\"-1\"", "\"99999999999999999999\"", "garbage",
                    "\"1\", \"2\"", "\"" + "9".repeat(500) + "\""));
            case "Accept-Language" -> pick(List.of("xx;q=abc", "*", "sv;q=2", "sv-SE-x-" + "a".repeat(300), ",,,",
                    "en;q=0.5, sv;q=", "zh-Hant-TW"));
            default -> pick(List.of("application/xml", "text/html", "image/png", "application/problem+json",
                    "*/*;q=abc", "application/json;q=0"));
        };
        byte[] body = Json.escaped(replaced(endpoint.body(), pick(textPaths(endpoint.body())), pick(REFUSED_TEXT)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(header, value);
        if (!endpoint.method().equals("POST") && !header.equals("If-Match")) {
            headers.put("If-Match", STALE);
        }
        // The body is always refused: whatever the headers say, nothing may be written.
        return probe("odd " + header, endpoint.method(), endpoint.path(), headers, JSON, body, null, false, null);
    }

    /** The portal's forms for organisations and contact persons, which the gateway turns into the services' JSON. */
    private Probe portalForm() {
        boolean organisation = random.nextBoolean();
        Map<String, String> fields = organisation
                ? new LinkedHashMap<>(Map.of("name", "Fuzz portal AB", "type", "COMPANY", "country", "SE"))
                : new LinkedHashMap<>(Map.of("name", "Fuzz Portalsson", "lawfulBasis", "PUBLIC_TASK",
                        "retainUntil", LocalDate.now().plusYears(1).toString()));
        String field = pick(new ArrayList<>(fields.keySet()));
        fields.put(field, random.nextBoolean() ? pick(REFUSED_TEXT) : pick(ODD_TEXT));
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(percentEncoded(value)));
        String path = organisation ? "/organisations/new"
                : "/organisations/" + targets.contactOrganisation() + "/contact-persons";
        // The gateway decodes a form leniently (an unpaired surrogate's bytes become U+FFFD): a 2xx may add to the list.
        return probe("portal form", "POST", path, Map.of(), FORM, form.toString().getBytes(StandardCharsets.UTF_8), null,
                false, organisation ? "organisations" : "contact-persons");
    }

    // ---- helpers

    /** A change of the endpoint's resource: a creation as it is, any other with a version that is never current. */
    private Probe changeOf(Endpoint endpoint, String kind, String contentType, byte[] body, String refusedField,
                           boolean escaped, String creates) {
        Map<String, String> headers = endpoint.method().equals("POST") && endpoint.creates() != null ? Map.of()
                : pick(List.of(Map.of(), Map.of("If-Match", STALE)));
        return probe(kind, endpoint.method(), endpoint.path(), headers, contentType, body, refusedField, escaped,
                endpoint.creates() == null ? null : creates);
    }

    private Probe probe(String kind, String method, String path, Map<String, String> headers, String contentType,
                        byte[] body, String refusedField, boolean escaped, String creates) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (contentType != null) {
            all.put("Content-Type", contentType);
        }
        boolean lineFits = method.length() + path.length() + " HTTP/1.1 ".length() <= REQUEST_LINE_LIMIT;
        return new Probe(probes.size() + 1, kind, method, path, Map.copyOf(all), body, refusedField, escaped, creates,
                lineFits);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** The JSON paths of the body's texts, as problem documents name them: {@code parties[1].organisationId}. */
    private static List<String> textPaths(Map<String, Object> body) {
        return leaves(body).entrySet().stream().filter(leaf -> leaf.getValue() instanceof String)
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The paths of the body's texts that are no dates: Jackson reads a date of nothing but control characters and
     * spaces as none, leniently but harmlessly.
     */
    private static List<String> textFields(Map<String, Object> body) {
        Map<String, Object> leaves = leaves(body);
        return textPaths(body).stream()
                .filter(path -> !((String) leaves.get(path)).matches("\\d{4}-\\d{2}-\\d{2}")).toList();
    }

    private static List<String> allPaths(Map<String, Object> body) {
        return List.copyOf(leaves(body).keySet());
    }

    private static Map<String, Object> leaves(Map<String, Object> body) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        collect(body, "", leaves);
        return leaves;
    }

    private static void collect(Object value, String path, Map<String, Object> leaves) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> collect(child, path.isEmpty() ? (String) key : path + "." + key, leaves));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path, value);
        }
    }

    /** A deep copy of the body with the value at the path replaced. */
    private static Map<String, Object> replaced(Map<String, Object> body, String path, Object replacement) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) replaced(body, "", path, replacement);
        return copy;
    }

    private static Object replaced(Object value, String at, String path, Object replacement) {
        if (at.equals(path)) {
            return replacement;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put((String) key,
                    replaced(child, at.isEmpty() ? (String) key : at + "." + key, path, replacement)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(replaced(list.get(i), at + "[" + i + "]", path, replacement));
            }
            return copy;
        }
        return value;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Every byte of the text's UTF-8 but letters and digits as %XX; an unpaired surrogate as its three bytes. */
    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : Json.utf8(text)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            int run = 1;
            while (i + run < text.length() && text.charAt(i + run) == c) {
                run++;
            }
            String shown = c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c);
            if (run > 8) {
                out.append(shown).append("×").append(run);
                i += run - 1;
            } else {
                out.append(shown);
            }
        }
        return out.length() >= max ? out + "…(" + text.length() + " chars)" : out.toString();
    }

    /** JSON written by hand, so that it can hold what no JSON library writes: unpaired surrogates, raw controls. */
    static final class Json {

        private Json() {
        }

        /** Everything but printable ASCII as a \\u escape: always JSON, whatever the texts hold. */
        static byte[] escaped(Object value) {
            StringBuilder json = new StringBuilder();
            write(value, json, true);
            return json.toString().getBytes(StandardCharsets.US_ASCII);
        }

        /**
         * Texts as they are, in UTF-8 (an unpaired surrogate as the three bytes it would be); control characters
         * as they are too, which makes C0 ones invalid JSON.
         */
        static byte[] raw(Object value) {
            StringBuilder json = new StringBuilder();
            write(value, json, false);
            return utf8(json.toString());
        }

        private static void write(Object value, StringBuilder json, boolean escaped) {
            if (value instanceof Map<?, ?> map) {
                json.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.append(first ? "" : ",");
                    first = false;
                    write(entry.getKey(), json, escaped);
                    json.append(':');
                    write(entry.getValue(), json, escaped);
                }
                json.append('}');
            } else if (value instanceof List<?> list) {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    json.append(i == 0 ? "" : ",");
                    write(list.get(i), json, escaped);
                }
                json.append(']');
            } else if (value instanceof String text) {
                json.append('"');
                for (char c : text.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        json.append('\\').append(c);
                    } else if (escaped && (c < 0x20 || c > 0x7E)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
                json.append('"');
            } else {
                json.append(value);
            }
        }

        /** UTF-8, but an unpaired surrogate is written as the three bytes it would be rather than as '?'. */
        static byte[] utf8(String text) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                    i++;
                } else if (Character.isSurrogate(c)) {
                    bytes.write(0xE0 | (c >> 12));
                    bytes.write(0x80 | ((c >> 6) & 0x3F));
                    bytes.write(0x80 | (c & 0x3F));
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            return bytes.toByteArray();
        }
    }
}
