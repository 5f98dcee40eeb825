package se.samverka.subscription.stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.samverka.platform.security.Callers;

@RestController
class EventStreamController {

    private final EventStream stream;
    private final Callers callers;

    EventStreamController(EventStream stream, Callers callers) {
        this.stream = stream;
        this.callers = callers;
    }

    /** The project events the caller may read, as they happen (text/event-stream; event id = CloudEvent id). */
    @GetMapping(path = "/api/subscriptions/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open(callers.require(caller -> !caller.isAnonymous(), "access.stream"));
    }
}
