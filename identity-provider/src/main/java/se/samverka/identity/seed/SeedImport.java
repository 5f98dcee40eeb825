package se.samverka.identity.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import se.samverka.identity.IdentitySettings;
import se.samverka.identity.account.Account;
import se.samverka.identity.account.AccountStatus;
import se.samverka.identity.account.AccountStore;
import se.samverka.identity.account.Accounts;
import se.samverka.identity.account.LogAction;
import se.samverka.identity.account.LogEntry;
import se.samverka.identity.client.ClientStatus;
import se.samverka.identity.client.MachineClient;
import se.samverka.identity.client.MachineClientStore;
import se.samverka.identity.revocation.Revocation;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.tokens.Tokens;

/**
 * Takes the accounts of the seed ({@link AccountsFile}, {@code samverka.identity.accounts-file}) into the store,
 * each one once: at start, and again whenever the file has changed since it was last read and a login or a token
 * request names someone the store lacks (the launcher writes the demo's seed after loading the demo data, while the
 * provider runs). Plain ({@code {noop}}) passwords and secrets are hashed on the way in. Each account taken is
 * remembered by the SHA-256 of its username or client id, so an account the store has changed, renamed or erased
 * since is never brought back by the file. A file that cannot be read fails the start; later, it is logged and
 * ignored.
 */
@Component
public class SeedImport implements ApplicationRunner {

    static final String COLLECTION = "seeded";
    /** Who the log says created the accounts of the seed. */
    static final String BY = "accounts file";

    private static final Logger log = LoggerFactory.getLogger(SeedImport.class);

    /** One account of the seed taken into the store. */
    private record Seeded(String id, Instant importedAt) {
    }

    /** What the file looked like when last read; null modification time when it was missing. */
    private record Stamp(FileTime modified, long size) {
    }

    private final Path file;
    private final AccountStore accounts;
    private final MachineClientStore clients;
    private final MongoOperations mongo;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private Stamp seen;

    public SeedImport(IdentitySettings settings, AccountStore accounts, MachineClientStore clients,
                      MongoOperations mongo, PasswordEncoder encoder, Clock clock) {
        this.file = settings.accountsFile();
        this.accounts = accounts;
        this.clients = clients;
        this.mongo = mongo;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public synchronized void run(ApplicationArguments arguments) {
        if (file == null) {
            return;
        }
        seen = stamp();
        if (seen.modified() == null) {
            log.info("No accounts file at {} yet", file);
            return;
        }
        try {
            take(AccountsFile.read(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Accounts file " + file + " is unusable: " + AccountsFile.oneLine(e), e);
        }
    }

    /** @return whether the file had changed since it was last read, so it was read again */
    public synchronized boolean importIfChanged() {
        if (file == null) {
            return false;
        }
        // The stamp is taken before reading: a write that lands during the read changes it again, and the next
        // lookup reads once more.
        Stamp stamp = stamp();
        if (stamp.equals(seen)) {
            return false;
        }
        seen = stamp;
        if (stamp.modified() == null) {
            return false;
        }
        try {
            take(AccountsFile.read(file));
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring accounts file {}: {}", file, AccountsFile.oneLine(e));
        }
        return true;
    }

    private void take(AccountsFile.Content content) {
        int users = 0;
        int machines = 0;
        for (AccountsFile.User user : content.users()) {
            users += take(user) ? 1 : 0;
        }
        for (AccountsFile.Client client : content.clients()) {
            machines += take(client) ? 1 : 0;
        }
        log.info("Accounts file {}: {} of {} users and {} of {} clients taken into the store", file, users,
                content.users().size(), machines, content.clients().size());
    }

    private boolean take(AccountsFile.User user) {
        String username = Accounts.normalised(user.username());
        String key = "user:" + Revocation.hash(username);
        if (seeded(key)) {
            return false;
        }
        Optional<Role> role = Tokens.role(user.roles());
        if (role.isEmpty()) {
            log.warn("Accounts file {}: user {} has none of the roles {}", file, username, List.of(Role.values()));
            return false;
        }
        String email = Accounts.normalised(user.email());
        boolean taken = false;
        if (accounts.byUsername(username).isEmpty() && (email == null || accounts.byEmail(email).isEmpty())) {
            Instant now = clock.instant();
            try {
                accounts.insert(new Account(UUID.randomUUID().toString(), 1, username,
                        user.name() == null ? username : user.name(), email, user.org(), role.get(),
                        Boolean.TRUE.equals(user.lead()) && role.get() == Role.STAFF, AccountStatus.ACTIVE,
                        hashed(user.password()), null, null, null, now, null, null, null,
                        List.of(new LogEntry(now, BY, null, LogAction.ACTIVATED, "imported from the accounts file"))));
                taken = true;
            } catch (DuplicateKeyException meanwhile) {
                log.debug("User {} was created meanwhile", username);
            }
        }
        remember(key);
        return taken;
    }

    private boolean take(AccountsFile.Client client) {
        String key = "client:" + Revocation.hash(client.clientId());
        if (seeded(key)) {
            return false;
        }
        Optional<Role> role = Tokens.role(client.roles());
        if (role.isEmpty()) {
            log.warn("Accounts file {}: client {} has none of the roles {}", file, client.clientId(),
                    List.of(Role.values()));
            return false;
        }
        boolean taken = false;
        if (clients.byClientId(client.clientId()).isEmpty()) {
            try {
                clients.insert(new MachineClient(client.clientId(), 1,
                        client.name() == null ? client.clientId() : client.name(), client.org(), role.get(),
                        ClientStatus.ACTIVE, hashed(client.secret()), clock.instant(), null, null));
                taken = true;
            } catch (DuplicateKeyException meanwhile) {
                log.debug("Client {} was created meanwhile", client.clientId());
            }
        }
        remember(key);
        return taken;
    }

    /** A {@code {noop}} secret hashed as every new one is; another format as it is, upgraded at its first use. */
    private String hashed(String secret) {
        return secret.startsWith("{noop}") ? encoder.encode(secret.substring("{noop}".length())) : secret;
    }

    private boolean seeded(String key) {
        return mongo.findById(key, Seeded.class, COLLECTION) != null;
    }

    private void remember(String key) {
        try {
            mongo.insert(new Seeded(key, clock.instant()), COLLECTION);
        } catch (DuplicateKeyException meanwhile) {
            log.debug("{} was remembered meanwhile", key);
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
}
