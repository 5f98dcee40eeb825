package se.samverka.identity.client;

import java.text.Normalizer;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import se.samverka.identity.account.AccountStore;
import se.samverka.identity.account.Actor;
import se.samverka.identity.account.Actors;
import se.samverka.identity.account.LinkTokens;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Reason;

/**
 * The coordinator's machine clients: created with a secret shown once (only its hash is kept), given a new secret
 * (the old one stops at once, and every token issued under it is revoked), deactivated.
 */
@Service
public class MachineClients {

    private static final Logger log = LoggerFactory.getLogger(MachineClients.class);
    private static final int ATTEMPTS = 5;

    /** A client and its secret, as the coordinator sees it once. */
    public record WithSecret(MachineClient client, String secret) {
    }

    private final MachineClientStore store;
    private final AccountStore accounts;
    private final Actors actors;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public MachineClients(MachineClientStore store, AccountStore accounts, Actors actors, PasswordEncoder encoder,
                          Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.actors = actors;
        this.encoder = encoder;
        this.clock = clock;
    }

    public List<MachineClient> list() {
        requireAdmin();
        return store.all();
    }

    public WithSecret create(MachineClientRequest request) {
        Actor actor = requireAdmin();
        String organisationId = StringUtils.hasText(request.organisationId()) ? request.organisationId().strip() : null;
        if (organisationId == null && request.role() != Role.ADMIN) {
            throw new InvalidRequestException("organisationId", "reason.organisation-required", request.role());
        }
        String secret = LinkTokens.generate();
        String hash = encoder.encode(secret);
        for (int attempt = 1; ; attempt++) {
            String clientId = clientId(request.name());
            // A client id is a token's subject, as a username is: the two must never meet.
            if (accounts.byUsername(clientId).isPresent()) {
                continue;
            }
            try {
                MachineClient client = store.insert(new MachineClient(clientId, 1, request.name().strip(),
                        organisationId, request.role(), ClientStatus.ACTIVE, hash, clock.instant(), null, null));
                log.info("Machine client {} created by {}", clientId, actor.by());
                return new WithSecret(client, secret);
            } catch (DuplicateKeyException taken) {
                if (attempt == ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    /** A new secret: the old one stops at once, and the tokens issued under it are revoked. */
    public WithSecret rotate(String clientId) {
        Actor actor = requireAdmin();
        String secret = LinkTokens.generate();
        String hash = encoder.encode(secret);
        MachineClient rotated = update(clientId, client -> {
            requireActive(client, "ROTATED");
            return client.rotated(hash, clock.instant());
        });
        log.info("Machine client {} given a new secret by {}", clientId, actor.by());
        return new WithSecret(rotated, secret);
    }

    public MachineClient deactivate(String clientId) {
        Actor actor = requireAdmin();
        MachineClient deactivated = update(clientId, client -> {
            requireActive(client, "DEACTIVATED");
            return client.deactivated(clock.instant());
        });
        log.info("Machine client {} deactivated by {}", clientId, actor.by());
        return deactivated;
    }

    private MachineClient update(String clientId, UnaryOperator<MachineClient> change) {
        for (int attempt = 1; ; attempt++) {
            MachineClient read = store.byClientId(clientId)
                    .orElseThrow(() -> new NotFoundException("not-found.machine-client", clientId));
            try {
                return store.replace(read, change.apply(read));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Actor requireAdmin() {
        Actor actor = actors.current();
        if (!actor.isAdmin()) {
            throw new AccessDeniedException(!actor.isAnonymous(), "access.machine-clients");
        }
        return actor;
    }

    private static void requireActive(MachineClient client, String to) {
        if (!client.isActive()) {
            throw new IllegalTransitionException(client.status().name(), to, List.of(),
                    Reason.of("transition.client-deactivated"));
        }
    }

    /** The name as letters and digits joined by dashes, then six random hex digits, e.g. {@code region-jh-3f09c2}. */
    static String clientId(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return (slug.isEmpty() ? "client" : slug) + "-" + HexFormat.of().formatHex(suffix);
    }
}
