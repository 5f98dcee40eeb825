package se.samverka.identity.client;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.tokens.Role;

/** The machine clients API, the coordinator's only. A secret is in the answer that made it, and nowhere else. */
@RestController
@RequestMapping("/api/machine-clients")
class MachineClientController {

    record ClientResource(String clientId, String name, String organisationId, Role role, ClientStatus status,
                          Instant createdAt, Instant rotatedAt) {

        static ClientResource of(MachineClient client) {
            return new ClientResource(client.clientId(), client.name(), client.organisationId(), client.role(),
                    client.status(), client.createdAt(), client.rotatedAt());
        }
    }

    record ClientList(List<ClientResource> clients) {
    }

    record ClientWithSecret(ClientResource client, String secret) {
    }

    private final MachineClients clients;

    MachineClientController(MachineClients clients) {
        this.clients = clients;
    }

    @GetMapping
    ClientList list() {
        return new ClientList(clients.list().stream().map(ClientResource::of).toList());
    }

    @PostMapping
    ResponseEntity<ClientWithSecret> create(@Valid @RequestBody MachineClientRequest request) {
        MachineClients.WithSecret created = clients.create(request);
        return ResponseEntity.created(URI.create("/api/machine-clients/" + created.client().clientId()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ClientWithSecret(ClientResource.of(created.client()), created.secret()));
    }

    @PostMapping("/{clientId}/secret")
    ResponseEntity<ClientWithSecret> rotate(@PathVariable String clientId) {
        MachineClients.WithSecret rotated = clients.rotate(clientId);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ClientWithSecret(ClientResource.of(rotated.client()), rotated.secret()));
    }

    @PostMapping("/{clientId}/deactivation")
    ClientResource deactivate(@PathVariable String clientId) {
        return ClientResource.of(clients.deactivate(clientId));
    }
}
