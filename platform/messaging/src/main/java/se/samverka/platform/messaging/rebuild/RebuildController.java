package se.samverka.platform.messaging.rebuild;

import java.net.URI;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's rebuilds of a service's read models: started, then followed until done. Only the coordinator may
 * (platform/security guards {@code /api/operations/**}). Made by the messaging auto-configuration where a service
 * has rebuilds; the condition keeps an application that scans this package without any from making it.
 */
@RestController
@ConditionalOnBean(RebuildOperations.class)
@RequestMapping(RebuildController.PATH)
public class RebuildController {

    static final String PATH = "/api/operations/rebuilds";

    private final RebuildOperations rebuilds;

    public RebuildController(RebuildOperations rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Starts a rebuild; 202 with where to follow it, 409 while one is under way. */
    @PostMapping
    public ResponseEntity<Rebuild> start() {
        Rebuild rebuild = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + rebuild.id())).body(rebuild);
    }

    @GetMapping("/{id}")
    public Rebuild rebuild(@PathVariable String id) {
        return rebuilds.find(id).orElseThrow(() -> new RebuildNotFoundException(id));
    }

    /** The most recent rebuilds, newest first. */
    @GetMapping
    public List<Rebuild> recent() {
        return rebuilds.recent();
    }
}
