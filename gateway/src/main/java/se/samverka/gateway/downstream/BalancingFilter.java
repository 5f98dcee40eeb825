package se.samverka.gateway.downstream;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    static final String SCHEME = "service";
    private static final Logger log = LoggerFactory.getLogger(BalancingFilter.class);

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
        Service service = Service.valueOf(url.getHost().toUpperCase(Locale.ROOT));
        return attempt(exchange, chain, service, url, instances.count(service));
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, Service service, URI url,
                               int triesLeft) {
        URI instance = instances.choose(service);
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, UriComponentsBuilder.fromUri(url)
                .scheme(instance.getScheme()).host(instance.getHost()).port(instance.getPort()).build(true).toUri());
        return chain.filter(exchange).onErrorResume(failure -> {
            if (!Instances.refusedConnection(failure) || exchange.getResponse().isCommitted()) {
                return Mono.error(failure);
            }
            instances.refused(service, instance);
            if (triesLeft <= 1) {
                return Mono.error(failure);
            }
            log.warn("{} at {} refused the connection; trying another instance", service.id(), instance);
            ServerWebExchangeUtils.reset(exchange);
            return attempt(exchange, chain, service, url, triesLeft - 1);
        });
    }
}
