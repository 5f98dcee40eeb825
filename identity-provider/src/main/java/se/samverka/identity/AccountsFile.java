package se.samverka.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users and machine clients of the accounts file. The runtime rewrites the file after loading demo data, so
 * every lookup compares the file's modification time and size with those last read (one stat) and re-reads it
 * when they differ. A file that cannot be read or is malformed fails the start; later, it is logged once and the
 * last good content stays in force.
 */
public final class AccountsFile {

    /** One user who logs in with a password. The password is in any {@code DelegatingPasswordEncoder} format. */
    public record User(String username, String password, String name, List<String> roles, String org) {

        Identity identity() {
            return new Identity(name == null ? username : name, roles, org);
        }
    }

    /** One machine client that gets tokens with client_credentials. */
    public record Client(String clientId, String secret, String name, List<String> roles, String org) {

        Identity identity() {
            return new Identity(name == null ? clientId : name, roles, org);
        }
    }

    private record Content(List<User> users, List<Client> clients) {
    }

    private record Accounts(Map<String, User> users, Map<String, Client> clients) {

        static final Accounts NONE = new Accounts(Map.of(), Map.of());
    }

    /** What the file looked like when last read; null modification time when it was missing. */
    private record Stamp(FileTime modified, long size) {
    }

    private record Snapshot(Stamp stamp, Accounts accounts) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccountsFile.class);

    /** The {id} prefix that tells DelegatingPasswordEncoder how the secret is encoded; without it matching throws. */
    private static final Pattern ENCODED = Pattern.compile("^\\{[^{}]+}.*", Pattern.DOTALL);

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Snapshot snapshot;

    /** @param file the accounts file, or null for no accounts at all */
    public AccountsFile(Path file) {
        this.file = file;
        if (file == null) {
            snapshot = new Snapshot(null, Accounts.NONE);
            return;
        }
        Stamp stamp = stamp();
        try {
            snapshot = new Snapshot(stamp, read());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Accounts file " + file + " is unusable: " + oneLine(e), e);
        }
        log.info("Read {}", describe());
    }

    public Optional<User> user(String username) {
        return Optional.ofNullable(current().users().get(username));
    }

    public Optional<Client> client(String clientId) {
        return Optional.ofNullable(current().clients().get(clientId));
    }

    private Accounts current() {
        Snapshot seen = snapshot;
        if (file == null || stamp().equals(seen.stamp())) {
            return seen.accounts();
        }
        synchronized (this) {
            // The stamp is taken before reading: a write that lands during the read changes it again, and the
            // next lookup reads once more.
            Stamp stamp = stamp();
            if (!stamp.equals(snapshot.stamp())) {
                try {
                    snapshot = new Snapshot(stamp, read());
                    log.info("Re-read {}", describe());
                } catch (IOException | RuntimeException e) {
                    // Remember the stamp so that the same bad file is reported once, not on every lookup.
                    snapshot = new Snapshot(stamp, snapshot.accounts());
                    log.warn("Ignoring accounts file {}, keeping its last good content: {}", file, oneLine(e));
                }
            }
            return snapshot.accounts();
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return new Stamp(null, -1);
        }
    }

    private Accounts read() throws IOException {
        Content content = json.readValue(Files.readAllBytes(file), Content.class);
        if (content == null) {
            throw new IllegalArgumentException("the file is empty");
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (User user : orEmpty(content.users())) {
            require(StringUtils.hasText(user.username()), "a user has no username");
            require(user.password() != null && ENCODED.matcher(user.password()).matches(),
                    "user " + user.username() + ": password must start with an encoding id, e.g. {bcrypt} or {noop}");
            require(validRoles(user.roles()), "user " + user.username() + " needs a roles list without blanks");
            require(users.put(user.username(), user) == null, "user " + user.username() + " appears twice");
        }
        Map<String, Client> clients = new LinkedHashMap<>();
        for (Client client : orEmpty(content.clients())) {
            require(StringUtils.hasText(client.clientId()), "a client has no clientId");
            require(client.secret() != null && ENCODED.matcher(client.secret()).matches(),
                    "client " + client.clientId() + ": secret must start with an encoding id, e.g. {bcrypt} or {noop}");
            require(validRoles(client.roles()), "client " + client.clientId() + " needs a roles list without blanks");
            require(clients.put(client.clientId(), client) == null, "client " + client.clientId() + " appears twice");
        }
        return new Accounts(Map.copyOf(users), Map.copyOf(clients));
    }

    private String describe() {
        Accounts accounts = snapshot.accounts();
        return "accounts file " + file + ": " + accounts.users().size() + " users, "
                + accounts.clients().size() + " clients";
    }

    private static boolean validRoles(List<String> roles) {
        return roles != null && roles.stream().allMatch(StringUtils::hasText);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof JacksonException jackson) {
            var where = jackson.getLocation();
            message = "not valid JSON" + (where == null ? "" : " at line " + where.getLineNr() + ", column "
                    + where.getColumnNr()) + ": " + jackson.getOriginalMessage();
        }
        return message.replaceAll("\\s+", " ");
    }
}
