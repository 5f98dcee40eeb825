package se.samverka.gateway.downstream;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Sends a route's request ({@code uri: service://project}) to one of the service's instances ({@link Instances}); when
 * that instance refuses the connection, to the next, until each has been tried once. Only a refused connection is
 * tried again: the request never reached the instance, so no write can happen twice.
 */
@Component
class BalancingFilter implements GlobalFilter, Ordered {

    private static final String SCHEME = "service";

    private final Instances instances;

    BalancingFilter(Instances instances) {
        this.instances = instances;
    }

    @Override
    public int getOrder() {
        // Once the route's address is merged with the request's path, before the request is sent.
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 150;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (url == null || !SCHEME.equals(url.getScheme())) {
            return chain.filter(exchange);
        }
        return instances.call(Service.valueOf(url.getHost().toUpperCase(Locale.ROOT)), instance -> {
            // Routed anew: what a refused attempt marked is undone.
            ServerWebExchangeUtils.reset(exchange);
            exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, UriComponentsBuilder.fromUri(url)
                    .scheme(instance.getScheme()).host(instance.getHost()).port(instance.getPort()).build(true).toUri());
            return chain.filter(exchange);
        });
    }
}
