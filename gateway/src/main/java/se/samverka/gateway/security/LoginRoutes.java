package se.samverka.gateway.security;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** There is no login form here: {@code /login} hands over to the identity provider at once. */
@Configuration(proxyBeanMethods = false)
class LoginRoutes {

    @Bean
    RouterFunction<ServerResponse> login() {
        return RouterFunctions.route().GET("/login", request -> ServerResponse
                .seeOther(URI.create("/oauth2/authorization/" + SecurityConfiguration.REGISTRATION_ID)).build())
                .build();
    }
}
