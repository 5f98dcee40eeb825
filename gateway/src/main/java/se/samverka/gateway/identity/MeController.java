package se.samverka.gateway.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Gateway")
class MeController {

    private final Callers callers;

    MeController(Callers callers) {
        this.callers = callers;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who the caller is", description = "From the bearer token or the session's access token; "
            + "without either, authenticated is false.")
    Mono<Me> me(ServerWebExchange exchange) {
        return callers.current(exchange).map(Me::of);
    }
}
