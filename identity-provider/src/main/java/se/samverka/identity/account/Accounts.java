package se.samverka.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import se.samverka.identity.IdentitySettings;
import se.samverka.identity.mail.Mailer;
import se.samverka.identity.mail.Mails;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.LiteralSearch;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.Reason;

/**
 * Managing accounts through the API, under its access rules: the coordinator (ADMIN) everything; an organisation's
 * lead lists and reads the accounts of their organisation, invites colleagues into it as STAFF, and deactivates and
 * reactivates those who are not leads; everyone else only their own account. An account the caller may not read is
 * answered as if it did not exist.
 */
@Service
public class Accounts {

    /** What {@code {id}} may be instead of an id: the caller's own account. */
    public static final String ME = "me";

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final int ATTEMPTS = 5;

    /** An invitation as its inviter sees it once: the link is not kept, only its hash. */
    public record Invited(Account account, String link, Instant expiresAt, boolean mailed) {
    }

    /** A password reset's link, shown once. */
    public record ResetLink(String link, Instant expiresAt, boolean mailed) {
    }

    /** Everything kept about a person (GDPR art. 15): the account, and the log's lines about them and by them. */
    public record PersonalData(Instant exportedAt, String controller, String heldIn, String purpose, Account account,
                               List<LogEntry> about, List<Action> actions) {
    }

    /** A line of another account's log that the person wrote. */
    public record Action(String accountId, LogEntry entry) {
    }

    private final AccountStore store;
    private final Actors actors;
    private final AccountSessions sessions;
    private final Mailer mailer;
    private final IdentitySettings settings;
    private final Clock clock;

    public Accounts(AccountStore store, Actors actors, AccountSessions sessions, Mailer mailer,
                    IdentitySettings settings, Clock clock) {
        this.store = store;
        this.actors = actors;
        this.sessions = sessions;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Usernames and e-mails are kept in lower case, and looked up so. */
    public static String normalised(String usernameOrEmail) {
        return usernameOrEmail == null ? null : usernameOrEmail.strip().toLowerCase(Locale.ROOT);
    }

    public List<Account> list(String organisationId, AccountStatus status, String q) {
        Actor actor = signedIn();
        String organisation = organisationId;
        if (!actor.isAdmin()) {
            if (!actor.isLead() || organisationId != null && !actor.isLeadOf(organisationId)) {
                throw new AccessDeniedException(true, "access.accounts.list");
            }
            organisation = actor.account().organisationId();
        }
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (organisation != null) {
            all.add(Criteria.where("organisationId").is(organisation));
        }
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        LiteralSearch.containing(q).ifPresent(pattern -> all.add(new Criteria().orOperator(
                Criteria.where("name").regex(pattern), Criteria.where("username").regex(pattern),
                Criteria.where("email").regex(pattern))));
        if (!all.isEmpty()) {
            criteria.andOperator(all);
        }
        return store.find(new Query(criteria).with(Sort.by("name", "username")));
    }

    public Account get(String id) {
        return visible(signedIn(), id);
    }

    public Invited invite(InvitationRequest request) {
        Actor actor = signedIn();
        String organisationId = blankAsNull(request.organisationId());
        if (!actor.isAdmin() && !(actor.isLeadOf(organisationId) && request.role() == Role.STAFF && !request.isLead())) {
            throw new AccessDeniedException(true, "access.accounts.invite");
        }
        checkAssignment(organisationId, request.role(), request.isLead());
        String email = normalised(request.email());
        if (store.byEmail(email).isPresent() || store.byUsername(email).isPresent()) {
            throw new EmailTakenException();
        }
        String token = LinkTokens.generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.invitationTtl());
        Account account = new Account(UUID.randomUUID().toString(), 1, email, request.name().strip(), email,
                organisationId, request.role(), request.isLead(), AccountStatus.INVITED, null, null,
                new OneTimeLink(LinkTokens.hash(token), expiresAt), null, now, null, null, null,
                List.of(entry(actor, LogAction.INVITED, describe(request.role(), organisationId, request.isLead()))));
        try {
            account = store.insert(account);
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
        log.info("Account {} invited by {}", account.id(), actor.by());
        return mailInvitation(account, token, expiresAt);
    }

    /** A new link for an invitation not yet accepted; the old one stops working. */
    public Invited reinvite(String id, Long expectedVersion) {
        Actor actor = signedIn();
        Account target = visible(actor, id);
        requireColleagueManager(actor, target, "access.accounts.invite");
        String token = LinkTokens.generate();
        Instant expiresAt = clock.instant().plus(settings.invitationTtl());
        Account invited = update(target.id(), expectedVersion, account -> {
            requireStatus(account, AccountStatus.INVITED, "INVITED");
            return account.withInvitation(new OneTimeLink(LinkTokens.hash(token), expiresAt))
                    .logged(entry(actor, LogAction.INVITED, "new link"));
        });
        return mailInvitation(invited, token, expiresAt);
    }

    public Account change(String id, long expectedVersion, AccountChange change) {
        Actor actor = signedIn();
        Account target = visible(actor, id);
        requireAdmin(actor, "access.accounts.change");
        String organisationId = blankAsNull(change.organisationId());
        checkAssignment(organisationId, change.role(), change.isLead());
        return update(target.id(), expectedVersion, account -> {
            if (account.status() == AccountStatus.ERASED) {
                throw illegal(account, "CHANGED", "transition.erased");
            }
            String details = changes(account, change.name().strip(), organisationId, change.role(), change.isLead());
            return account.changed(change.name().strip(), organisationId, change.role(), change.isLead())
                    .logged(entry(actor, LogAction.CHANGED, details));
        });
    }

    /** Ends the person's sessions and tokens; they can log in no more until reactivated. */
    public Account deactivate(String id, Long expectedVersion, Deactivation deactivation) {
        Actor actor = signedIn();
        Account target = visible(actor, id);
        requireColleagueManager(actor, target, "access.accounts.deactivate");
        if (actor.is(target)) {
            throw illegal(target, "DEACTIVATED", "transition.self");
        }
        String reason = deactivation == null || !StringUtils.hasText(deactivation.reason()) ? null
                : "reason: " + deactivation.reason().strip();
        Account deactivated = update(target.id(), expectedVersion, account -> {
            if (account.status() != AccountStatus.ACTIVE && account.status() != AccountStatus.INVITED) {
                throw illegal(account, "DEACTIVATED", "transition.not-active");
            }
            return account.deactivated(clock.instant()).logged(entry(actor, LogAction.DEACTIVATED, reason));
        });
        sessions.end(deactivated.username());
        log.info("Account {} deactivated by {}", deactivated.id(), actor.by());
        return deactivated;
    }

    public Account reactivate(String id, Long expectedVersion) {
        Actor actor = signedIn();
        Account target = visible(actor, id);
        requireColleagueManager(actor, target, "access.accounts.deactivate");
        return update(target.id(), expectedVersion, account -> {
            requireStatus(account, AccountStatus.DEACTIVATED, "REACTIVATED");
            return account.reactivated().logged(entry(actor, LogAction.REACTIVATED, null));
        });
    }

    /** A link with which the person sets a new password, for the coordinator to pass on (and mailed, where mail is). */
    public ResetLink issuePasswordReset(String id, Long expectedVersion) {
        Actor actor = signedIn();
        Account target = visible(actor, id);
        requireAdmin(actor, "access.accounts.password-reset");
        String token = LinkTokens.generate();
        Instant expiresAt = clock.instant().plus(settings.passwordResetTtl());
        Account reset = update(target.id(), expectedVersion, account -> {
            requireStatus(account, AccountStatus.ACTIVE, "PASSWORD_RESET");
            return account.withPasswordReset(new OneTimeLink(LinkTokens.hash(token), expiresAt))
                    .logged(entry(actor, LogAction.PASSWORD_RESET, "link issued"));
        });
        String link = link("/password-reset/", token);
        boolean mailed = reset.email() != null && mailer.send(Mails.passwordReset(reset.id(), reset.email(),
                reset.name(), link, expiresAt));
        return new ResetLink(link, expiresAt, mailed);
    }

    public List<LogEntry> log(String id) {
        return visible(signedIn(), id).log();
    }

    public PersonalData personalData(String id) {
        Actor actor = signedIn();
        Account account = visible(actor, id);
        if (!actor.isAdmin() && !actor.is(account)) {
            throw new AccessDeniedException(true, "access.accounts.personal-data");
        }
        List<Action> actions = store.find(new Query(Criteria.where("log.byAccountId").is(account.id()))).stream()
                .filter(other -> !other.id().equals(account.id()))
                .flatMap(other -> other.log().stream()
                        .filter(entry -> account.id().equals(entry.byAccountId()))
                        .map(entry -> new Action(other.id(), entry)))
                .toList();
        return new PersonalData(clock.instant(), "the municipality's international coordination",
                "identity-provider (accounts)", "To let the person log in to Samverka and act for their organisation",
                account, account.log(), actions);
    }

    /**
     * Erasure (GDPR art. 17): the account keeps its id, role, organisation and log, nothing that names the person;
     * the lines the person wrote in other accounts' logs name their role and organisation instead.
     */
    public Account erase(String id, Long expectedVersion) {
        Actor actor = signedIn();
        Account target = visible(actor, id);
        requireAdmin(actor, "access.accounts.erasure");
        if (actor.is(target)) {
            throw illegal(target, "ERASED", "transition.self");
        }
        Account erased = erase(target.id(), expectedVersion, entry(actor, LogAction.ERASED, null));
        log.info("Account {} erased by {}", erased.id(), actor.by());
        return erased;
    }

    /** Erases an account, as a request or its retention ({@link Retention}) says. */
    Account erase(String id, Long expectedVersion, LogEntry why) {
        // The username changes only here: the one read now is the one whose sessions end.
        String username = store.byId(id).orElseThrow(() -> new NotFoundException("not-found.account", id)).username();
        Account erased = update(id, expectedVersion, account -> {
            if (account.status() == AccountStatus.ERASED) {
                throw illegal(account, "ERASED", "transition.erased");
            }
            String standIn = account.standIn();
            return account.erased(clock.instant())
                    .withLog(account.log().stream().map(entry -> namedAs(entry, account.id(), standIn)).toList())
                    .logged(why);
        });
        sessions.end(username);
        for (Account other : store.find(new Query(Criteria.where("log.byAccountId").is(erased.id())))) {
            if (!other.id().equals(erased.id())) {
                update(other.id(), null, account -> account.withLog(account.log().stream()
                        .map(entry -> namedAs(entry, erased.id(), erased.name())).toList()));
            }
        }
        return erased;
    }

    private static LogEntry namedAs(LogEntry entry, String accountId, String standIn) {
        return accountId.equals(entry.byAccountId())
                ? new LogEntry(entry.at(), standIn, entry.byAccountId(), entry.action(), entry.details()) : entry;
    }

    private Invited mailInvitation(Account account, String token, Instant expiresAt) {
        String link = link("/invitation/", token);
        boolean mailed = mailer.send(Mails.invitation(account.id(), account.email(), account.name(), link, expiresAt));
        return new Invited(account, link, expiresAt, mailed);
    }

    private String link(String path, String token) {
        return settings.base() + path + token;
    }

    /** Every call but the revocations needs a signed-in caller: 401 otherwise, so that signing in may help. */
    private Actor signedIn() {
        Actor actor = actors.current();
        if (actor.isAnonymous()) {
            throw new AccessDeniedException(false, "access.accounts.sign-in");
        }
        return actor;
    }

    /** The account, if the actor may read it; any other is answered as if it did not exist. */
    private Account visible(Actor actor, String id) {
        if (ME.equals(id)) {
            if (actor.account() == null) {
                throw new NotFoundException("not-found.me");
            }
            return actor.account();
        }
        Account account = store.byId(id).orElseThrow(() -> new NotFoundException("not-found.account", id));
        if (!actor.isAdmin() && !actor.is(account) && !actor.isLeadOf(account.organisationId())) {
            throw new NotFoundException("not-found.account", id);
        }
        return account;
    }

    private static void requireAdmin(Actor actor, String reason) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException(true, reason);
        }
    }

    /** The coordinator, or the lead of the account's organisation for a colleague who is not a lead. */
    private static void requireColleagueManager(Actor actor, Account account, String reason) {
        boolean colleague = actor.isLeadOf(account.organisationId()) && account.role() == Role.STAFF
                && !account.lead();
        if (!actor.isAdmin() && !colleague) {
            throw new AccessDeniedException(true, reason);
        }
    }

    /** A role with an organisation where it needs one, and a lead only among STAFF. */
    private static void checkAssignment(String organisationId, Role role, boolean lead) {
        List<FieldProblem> problems = new ArrayList<>();
        if (organisationId == null && role != Role.ADMIN) {
            problems.add(new FieldProblem("organisationId", "reason.organisation-required", role));
        }
        if (lead && (role != Role.STAFF || organisationId == null)) {
            problems.add(new FieldProblem("lead", "reason.lead-staff-only"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static void requireStatus(Account account, AccountStatus wanted, String to) {
        if (account.status() != wanted) {
            throw illegal(account, to, "transition.status", wanted);
        }
    }

    private static IllegalTransitionException illegal(Account account, String to, String key, Object... arguments) {
        return new IllegalTransitionException(account.status().name(), to, allowed(account.status()),
                Reason.of(key, arguments));
    }

    /** What may be done to an account that stands where it does. */
    private static List<String> allowed(AccountStatus status) {
        return switch (status) {
            case INVITED -> List.of("INVITED", "CHANGED", "DEACTIVATED", "ERASED");
            case ACTIVE -> List.of("CHANGED", "DEACTIVATED", "PASSWORD_RESET", "ERASED");
            case DEACTIVATED -> List.of("CHANGED", "REACTIVATED", "ERASED");
            case ERASED -> List.of();
        };
    }

    private LogEntry entry(Actor actor, LogAction action, String details) {
        return new LogEntry(clock.instant(), actor.by(), actor.byAccountId(), action, details);
    }

    private static String describe(Role role, String organisationId, boolean lead) {
        return "role " + role + (organisationId == null ? "" : ", organisation " + organisationId)
                + (lead ? ", lead" : "");
    }

    /** What a change changes, in words that name no one: a new name is said to be new, not written down twice. */
    private static String changes(Account account, String name, String organisationId, Role role, boolean lead) {
        List<String> changes = new ArrayList<>();
        if (!account.name().equals(name)) {
            changes.add("name changed");
        }
        if (!Objects.equals(account.organisationId(), organisationId)) {
            changes.add("organisation " + account.organisationId() + " → " + organisationId);
        }
        if (account.role() != role) {
            changes.add("role " + account.role() + " → " + role);
        }
        if (account.lead() != lead) {
            changes.add("lead " + account.lead() + " → " + lead);
        }
        return changes.isEmpty() ? "nothing changed" : String.join(", ", changes);
    }

    private static String blankAsNull(String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }

    /**
     * Changes an account: from the version the caller read (412 if it is not the current one), or, without one, from
     * whatever is current, repeated when someone else changed it meanwhile.
     */
    Account update(String id, Long expectedVersion, UnaryOperator<Account> change) {
        for (int attempt = 1; ; attempt++) {
            Account read = store.byId(id).orElseThrow(() -> new NotFoundException("not-found.account", id));
            if (expectedVersion != null) {
                Preconditions.requireVersion(read.version(), expectedVersion);
            }
            try {
                return store.replace(read, change.apply(read));
            } catch (OptimisticLockingFailureException e) {
                if (expectedVersion != null || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
