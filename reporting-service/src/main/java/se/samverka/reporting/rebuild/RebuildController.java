package se.samverka.reporting.rebuild;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.messaging.rebuild.Rebuild;
import se.samverka.platform.web.NotFoundException;

/** Rebuilding the read models on demand: started, then followed until it completes. */
@RestController
@RequestMapping("/api/reports/rebuilds")
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Starts a rebuild; 202 with where to follow it, 409 while one runs. */
    @PostMapping
    ResponseEntity<Rebuild> start() {
        Rebuild rebuild = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create("/api/reports/rebuilds/" + rebuild.id())).body(rebuild);
    }

    @GetMapping("/{id}")
    Rebuild rebuild(@PathVariable String id) {
        return rebuilds.find(id).orElseThrow(() -> new NotFoundException("not-found.rebuild", id));
    }
}
