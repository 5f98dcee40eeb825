package se.samverka.partnership.call;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.VersionedResponses;

@RestController
@RequestMapping("/api/calls")
class CallController {

    /** What a list may be sorted by, and the stored field each sorts on. */
    static final Map<String, String> SORTABLE = Map.of(
            "deadline", "state.deadline", "opensOn", "state.opensOn", "name", "state.name",
            "programme", "state.programme", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final CallRegister register;
    private final Callers callers;

    CallController(CallRegister register, Callers callers) {
        this.register = register;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<CallResource> publish(@Valid @RequestBody CallDetails details) {
        Versioned<Call> call = register.publish(details);
        return VersionedResponses.created("/api/calls/" + call.id(), call.version(), view(call, register.today()));
    }

    @GetMapping("/{id}")
    ResponseEntity<CallResource> find(@PathVariable String id) {
        return ok(register.get(id));
    }

    /** Soonest deadline first, unless {@code sort} says otherwise. */
    @GetMapping
    PageResponse<CallResource> list(@RequestParam(required = false) CallStatus status,
                                    @RequestParam(required = false) String programme,
                                    @RequestParam(required = false) Integer closingWithinDays,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort) {
        Paging paging = Paging.of(page, size, sort, SORTABLE, Sort.by("state.deadline", "state.name"));
        LocalDate today = register.today();
        return PageResponse.of(register.find(new CallFilter(status, programme, closingWithinDays), paging),
                call -> view(call, today));
    }

    @PutMapping("/{id}")
    ResponseEntity<CallResource> describe(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody CallDetails details) {
        return ok(register.describe(id, Preconditions.expectedVersion(ifMatch), details));
    }

    @PostMapping("/{id}/withdrawal")
    ResponseEntity<CallResource> withdraw(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody WithdrawalDetails withdrawal) {
        return ok(register.withdraw(id, Preconditions.expectedVersion(ifMatch), withdrawal));
    }

    private ResponseEntity<CallResource> ok(Versioned<Call> call) {
        return VersionedResponses.ok(call.version(), view(call, register.today()));
    }

    private CallResource view(Versioned<Call> call, LocalDate today) {
        return CallResource.of(call, today, callers.current().isMunicipality());
    }
}
