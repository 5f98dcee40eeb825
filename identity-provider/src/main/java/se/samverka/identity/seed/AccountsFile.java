package se.samverka.identity.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.StringUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed: a JSON file of users and machine clients, as the launcher writes the demo's and compose mounts the
 * coordinator's. {@link SeedImport} takes each into the store once; from then on the store is the truth.
 */
public final class AccountsFile {

    /**
     * One user who logs in with a password, in any {@code DelegatingPasswordEncoder} format ({@code {noop}} ones are
     * hashed on import).
     *
     * @param roles the Samverka roles; the strongest one counts
     * @param email optional; the person's e-mail, for password resets by mail
     * @param lead  optional; an organisation's lead (STAFF only)
     */
    public record User(String username, String password, String name, List<String> roles, String org, String email,
                       Boolean lead) {
    }

    /** One machine client that gets tokens with client_credentials. */
    public record Client(String clientId, String secret, String name, List<String> roles, String org) {
    }

    public record Content(List<User> users, List<Client> clients) {

        public Content {
            users = users == null ? List.of() : List.copyOf(users);
            clients = clients == null ? List.of() : List.copyOf(clients);
        }
    }

    /** The {id} prefix that tells DelegatingPasswordEncoder how the secret is encoded; without it matching throws. */
    private static final Pattern ENCODED = Pattern.compile("^\\{[^{}]+}.*", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountsFile() {
    }

    /**
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not valid JSON, or says what cannot be an account
     */
    public static Content read(Path file) throws IOException {
        Content content;
        try {
            content = JSON.readValue(Files.readAllBytes(file), Content.class);
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new IllegalArgumentException("not valid JSON" + (where == null ? "" : " at line " + where.getLineNr()
                    + ", column " + where.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
        require(content != null, "the file is empty");
        Set<String> usernames = new HashSet<>();
        for (User user : content.users()) {
            require(StringUtils.hasText(user.username()), "a user has no username");
            require(user.password() != null && ENCODED.matcher(user.password()).matches(),
                    "user " + user.username() + ": password must start with an encoding id, e.g. {bcrypt} or {noop}");
            require(validRoles(user.roles()), "user " + user.username() + " needs a roles list without blanks");
            require(usernames.add(user.username()), "user " + user.username() + " appears twice");
        }
        Set<String> clientIds = new HashSet<>();
        for (Client client : content.clients()) {
            require(StringUtils.hasText(client.clientId()), "a client has no clientId");
            require(client.secret() != null && ENCODED.matcher(client.secret()).matches(),
                    "client " + client.clientId() + ": secret must start with an encoding id, e.g. {bcrypt} or {noop}");
            require(validRoles(client.roles()), "client " + client.clientId() + " needs a roles list without blanks");
            require(clientIds.add(client.clientId()), "client " + client.clientId() + " appears twice");
        }
        return content;
    }

    /** What went wrong, on one line, for the log or a failed start. */
    static String oneLine(Exception e) {
        String message = e instanceof IllegalArgumentException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.replaceAll("\\s+", " ");
    }

    private static boolean validRoles(List<String> roles) {
        return roles != null && !roles.isEmpty() && roles.stream().allMatch(StringUtils::hasText);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
