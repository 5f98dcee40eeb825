package se.samverka.identity.account;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.ProblemDetailsHandler;
import se.samverka.platform.web.ProblemTypes;
import se.samverka.platform.web.Reason;
import se.samverka.platform.web.VersionedResponses;

/**
 * The accounts API. {@code {id}} may be {@code me}, the caller's own account. A change of the account itself (PUT)
 * needs the If-Match of the version it was made from; the actions (deactivation, reactivation, erasure, new links)
 * take one too, and refuse a stale one with 412.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    record AccountList(List<AccountResource> accounts) {
    }

    record InvitationLink(String link, Instant expiresAt, boolean mailed) {
    }

    record InvitationResource(AccountResource account, InvitationLink invitation) {
    }

    record LogEntryResource(Instant at, String by, LogAction action, String details) {

        static LogEntryResource of(LogEntry entry) {
            return new LogEntryResource(entry.at(), entry.by(), entry.action(), entry.details());
        }
    }

    record AccountLog(List<LogEntryResource> entries) {
    }

    record ActionResource(String accountId, Instant at, LogAction action, String details) {
    }

    /** Everything kept about the person; {@code log} is about them, {@code actions} are what they did to others. */
    record PersonalDataResource(Instant exportedAt, String controller, String heldIn, String purpose,
                                AccountResource account, List<LogEntryResource> log,
                                List<ActionResource> actions) {
    }

    private final Accounts accounts;
    private final MessageSource messages;

    AccountController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    AccountList list(@RequestParam(required = false) String organisationId,
                     @RequestParam(required = false) AccountStatus status, @RequestParam(required = false) String q) {
        return new AccountList(accounts.list(organisationId, status, q).stream().map(AccountResource::of).toList());
    }

    @GetMapping("/{id}")
    ResponseEntity<AccountResource> get(@PathVariable String id) {
        return ok(accounts.get(id));
    }

    @PostMapping("/invitations")
    ResponseEntity<InvitationResource> invite(@Valid @RequestBody InvitationRequest request) {
        return created(accounts.invite(request));
    }

    @PostMapping("/{id}/invitation")
    ResponseEntity<InvitationResource> reinvite(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return created(accounts.reinvite(id, optionalVersion(ifMatch)));
    }

    @PutMapping("/{id}")
    ResponseEntity<AccountResource> change(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AccountChange change) {
        return ok(accounts.change(id, Preconditions.expectedVersion(ifMatch), change));
    }

    @PostMapping("/{id}/deactivation")
    ResponseEntity<AccountResource> deactivate(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) Deactivation deactivation) {
        return ok(accounts.deactivate(id, optionalVersion(ifMatch), deactivation));
    }

    @PostMapping("/{id}/reactivation")
    ResponseEntity<AccountResource> reactivate(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(accounts.reactivate(id, optionalVersion(ifMatch)));
    }

    @PostMapping("/{id}/password-reset")
    ResponseEntity<InvitationLink> passwordReset(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Accounts.ResetLink reset = accounts.issuePasswordReset(id, optionalVersion(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InvitationLink(reset.link(), reset.expiresAt(), reset.mailed()));
    }

    @GetMapping("/{id}/log")
    AccountLog log(@PathVariable String id) {
        return new AccountLog(accounts.log(id).stream().map(LogEntryResource::of).toList());
    }

    /** Access (GDPR art. 15): everything kept about the person, as a file. */
    @GetMapping("/{id}/personal-data")
    ResponseEntity<PersonalDataResource> personalData(@PathVariable String id) {
        Accounts.PersonalData data = accounts.personalData(id);
        Account account = data.account();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"account-" + account.id() + ".json\"")
                .body(new PersonalDataResource(data.exportedAt(), data.controller(), data.heldIn(), data.purpose(),
                        AccountResource.of(account),
                        data.about().stream().map(LogEntryResource::of).toList(),
                        data.actions().stream().map(action -> new ActionResource(action.accountId(),
                                action.entry().at(), action.entry().action(), action.entry().details())).toList()));
    }

    /** Erasure (GDPR art. 17). */
    @PostMapping("/{id}/erasure")
    ResponseEntity<AccountResource> erase(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(accounts.erase(id, optionalVersion(ifMatch)));
    }

    /** Handled here, before the platform's handler answers it as any conflict: this one names its field. */
    @ExceptionHandler(EmailTakenException.class)
    ResponseEntity<ProblemDetail> emailTaken() {
        Locale locale = LocaleContextHolder.getLocale();
        String reason = Reason.of("reason.email-taken").in(messages, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "email: " + reason);
        problem.setType(ProblemTypes.CONFLICT);
        problem.setTitle(Reason.of("problem.title.conflict").in(messages, locale));
        problem.setProperty("errors", List.of(new ProblemDetailsHandler.FieldReason("email", reason)));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static Long optionalVersion(String ifMatch) {
        return ifMatch == null ? null : Preconditions.expectedVersion(ifMatch);
    }

    private static ResponseEntity<AccountResource> ok(Account account) {
        return VersionedResponses.ok(account.version(), AccountResource.of(account));
    }

    private static ResponseEntity<InvitationResource> created(Accounts.Invited invited) {
        Account account = invited.account();
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .eTag(VersionedResponses.etag(account.version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InvitationResource(AccountResource.of(account),
                        new InvitationLink(invited.link(), invited.expiresAt(), invited.mailed())));
    }
}
