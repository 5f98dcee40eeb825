package se.samverka.platform.messaging.deadletter;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.messaging.deadletter.DeadLetter.Status;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.DependencyUnavailableException;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Reason;

/**
 * The operator's API of this service's dead letters (docs/operations.md, "Records were dead-lettered"): the
 * coordinator's only, since a replay changes read models and a discard decides that an event is never applied.
 * The gateway routes {@code /api/operations/<service>/**} here.
 */
@RestController
@RequestMapping("/api/operations/dead-letters")
public class DeadLetterApi {

    private static final int MOST = 200;

    private final DeadLetters deadLetters;
    private final Callers callers;

    public DeadLetterApi(DeadLetters deadLetters, Callers callers) {
        this.deadLetters = deadLetters;
        this.callers = callers;
    }

    public record DeadLetterList(List<DeadLetter> deadLetters) {
    }

    public record Discard(String reason) {
    }

    /** @param status {@code open} (those neither replayed nor discarded) or {@code all} */
    @GetMapping
    public DeadLetterList list(@RequestParam(defaultValue = "open") String status,
                               @RequestParam(defaultValue = "50") int size) {
        operator();
        if (!status.equals("open") && !status.equals("all")) {
            throw new InvalidRequestException("status", "reason.one-of", "open, all", status);
        }
        if (size < 1 || size > MOST) {
            throw new InvalidRequestException("size", "reason.size", MOST);
        }
        return new DeadLetterList(answer(() -> deadLetters.list(status.equals("open"), size), null));
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    public DeadLetter one(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        operator();
        return answer(() -> deadLetters.find(topic, partition, offset), null);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    public DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        Caller caller = operator();
        return answer(() -> deadLetters.replay(topic, partition, offset, caller.name()), Status.REPLAYED);
    }

    @PostMapping("/{topic}/{partition}/{offset}/discard")
    public DeadLetter discard(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
                              @RequestBody(required = false) Discard discard) {
        Caller caller = operator();
        return answer(() -> deadLetters.discard(topic, partition, offset, caller.name(),
                discard == null ? null : discard.reason()), Status.DISCARDED);
    }

    /** Only the coordinator gets here: platform-security guards every {@code /api/operations/**} path. */
    private Caller operator() {
        return callers.current();
    }

    /**
     * The answer, or the refusal as the problem document it is answered with.
     *
     * @param wanted the status a replay or discard would give the record; null for a reading
     */
    private static <T> T answer(Supplier<T> call, Status wanted) {
        try {
            return call.get();
        } catch (DeadLetterLog.UnreachableException e) {
            throw new DependencyUnavailableException("Kafka");
        } catch (DeadLetters.Refusal refusal) {
            throw problem(refusal, wanted);
        }
    }

    private static RuntimeException problem(DeadLetters.Refusal refusal, Status wanted) {
        String id = refusal.id();
        String to = wanted == null ? null : wanted.name();
        return switch (refusal.why()) {
            case NOT_FOUND -> new NotFoundException("not-found.dead-letter", id);
            case REASON_MISSING -> new InvalidRequestException("reason", "reason.discard");
            case DECIDED -> {
                DeadLetter decided = refusal.deadLetter().orElseThrow();
                yield new IllegalTransitionException(decided.status().name(), to, List.of(), Reason.of(
                        "dead-letter.decided", id, decided.status().name(), decided.decision().by(),
                        decided.decision().at().toString()));
            }
            case REPLAY_UNDER_WAY -> new IllegalTransitionException(Status.OPEN.name(), to, List.of(),
                    Reason.of("dead-letter.replay-under-way", id));
            case FAILED_AGAIN -> new IllegalTransitionException(Status.OPEN.name(), to,
                    List.of(Status.REPLAYED.name(), Status.DISCARDED.name()),
                    Reason.of("dead-letter.failed-again", id, refusal.getMessage()));
            case NO_CONSUMER -> new IllegalTransitionException(Status.OPEN.name(), to, List.of(Status.DISCARDED.name()),
                    Reason.of("dead-letter.no-consumer", id));
            case CONSUMED_ELSEWHERE -> new DependencyUnavailableException("the instance that runs the consumer");
        };
    }
}
