package se.samverka.identity.revocation;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/accounts/revocations?since=}: anyone's, since it names no one. A token whose subject's SHA-256 is
 * listed, issued ({@code iat}) at or before the revocation's {@code at}, must no longer be accepted. Ask again with
 * the answer's {@code now}.
 */
@RestController
class RevocationController {

    private final RevocationFeed feed;

    RevocationController(RevocationFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/accounts/revocations")
    RevocationFeed.Page revocations(@RequestParam(required = false) Instant since) {
        return feed.since(since);
    }
}
