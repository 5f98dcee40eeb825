package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded identity provider's side of the runtime: the secrets of its two built-in clients (made once per data
 * folder, kept owner-only), access tokens for the launcher itself, and the seed of the demo's accounts: one user per
 * role and a machine client per role, for the browser and for curl (README, "Logging in"). The provider takes each
 * account of the seed into its store once; from then on its store is the truth.
 */
final class Identities {

    /** The launcher's own client: it loads the demo data and starts rebuilds, as the coordinator. */
    static final String RUNTIME_CLIENT = "samverka-runtime";
    /** The identity provider's database in the embedded store. */
    static final String DATABASE = "identity";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One demo account: a user who logs in in the browser and a machine client of the same role and organisation.
     *
     * @param organisationKey the demo data's key of its organisation; null for none
     * @param lead            the organisation's lead, who invites colleagues into it
     */
    record DemoAccount(String username, String name, String role, String organisationKey, boolean lead,
                       String clientId) {

        String password() {
            return "demo-" + username;
        }

        String clientSecret() {
            return "demo-" + clientId;
        }
    }

    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("admin", "Anna Andersson, internationell samordnare", "ADMIN", "klf", false, "admin-cli"),
            new DemoAccount("staff", "Erik Eriksson, Kultur- och fritidsförvaltningen", "STAFF", "kff", true,
                    "staff-cli"),
            new DemoAccount("bolag", "Maria Nilsson, Jämtkraft AB", "STAFF", "jamtkraft", false, "bolag-cli"),
            new DemoAccount("foretag", "Johan Berg, Peak Innovation AB", "COMPANY", "peak", false, "foretag-cli"),
            new DemoAccount("partner", "Karin Lind, Region Jämtland Härjedalen", "PARTNER", "rjh", false,
                    "partner-system"));

    private final RuntimeSettings settings;

    Identities(RuntimeSettings settings) {
        this.settings = settings;
    }

    String runtimeClientSecret() {
        return secret("runtime-client-secret");
    }

    String portalClientSecret() {
        return secret("portal-client-secret");
    }

    Path signingKeyFile() {
        return settings.dataDir(RuntimeSettings.IDENTITY_PROVIDER).resolve("signing-key.json");
    }

    /** An access token for the launcher, as the coordinator. */
    String runtimeToken() throws StartupException {
        String issuer = settings.url(RuntimeSettings.IDENTITY_PROVIDER);
        String credentials = Base64.getEncoder().encodeToString((RUNTIME_CLIENT + ":" + runtimeClientSecret())
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StartupException("The identity provider at " + issuer + " refused the launcher's token ("
                        + response.statusCode() + "). Restart Samverka with ./samverka run.");
            }
            return JSON.readTree(response.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new StartupException("The identity provider does not answer at " + issuer
                    + ": start Samverka with ./samverka run.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted.");
        }
    }

    /** Writes the seed unless there is one: an existing one may have been edited by hand. */
    void writeAccountsIfMissing(Map<String, String> organisationIds) {
        if (!Files.exists(settings.accountsFile())) {
            writeAccounts(organisationIds);
        }
    }

    /** Removes the seed, before a start whose demo data writes another. */
    void removeAccounts() {
        try {
            Files.deleteIfExists(settings.accountsFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the seed of the demo accounts, with the ids the demo data's organisations got (without them, accounts
     * have no organisation). Written aside and moved into place, so the provider never reads half a file; the
     * provider hashes the plain passwords as it takes them in.
     */
    void writeAccounts(Map<String, String> organisationIds) {
        List<Map<String, Object>> users = DEMO_ACCOUNTS.stream().map(account -> {
            Map<String, Object> user = account("username", account.username(), "password",
                    "{noop}" + account.password(), account, organisationIds);
            if (account.lead()) {
                user.put("lead", true);
            }
            return user;
        }).toList();
        List<Map<String, Object>> clients = DEMO_ACCOUNTS.stream().map(account -> account(
                "clientId", account.clientId(), "secret", "{noop}" + account.clientSecret(), account,
                organisationIds)).toList();
        write(settings.accountsFile(), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Map.of("users", users, "clients", clients)));
    }

    private static Map<String, Object> account(String idField, String id, String secretField, String secret,
                                               DemoAccount account, Map<String, String> organisationIds) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(idField, id);
        entry.put(secretField, secret);
        entry.put("name", account.name());
        entry.put("roles", List.of(account.role()));
        entry.put("org", organisationIds.get(account.organisationKey()));
        return entry;
    }

    /** A secret of this data folder, made at its first use. */
    private String secret(String name) {
        Path file = settings.dataDir(RuntimeSettings.IDENTITY_PROVIDER).resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            write(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path aside = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(aside, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(aside, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the folder's own permissions apply.
            }
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
