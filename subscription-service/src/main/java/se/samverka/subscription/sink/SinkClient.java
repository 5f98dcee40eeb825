package se.samverka.subscription.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpOptions;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import se.samverka.platform.web.Reason;
import se.samverka.subscription.SubscriptionSettings;

/**
 * Calls sinks: the CloudEvents webhook validation handshake and deliveries. Names are resolved by the
 * {@link SinkGuard}; redirects are not followed (they could lead inside), nor are requests retried here (the delivery
 * schedule does that).
 */
public class SinkClient implements AutoCloseable {

    public static final String REQUEST_ORIGIN = "WebHook-Request-Origin";
    public static final String ALLOWED_ORIGIN = "WebHook-Allowed-Origin";

    private final CloseableHttpClient http;
    private final SubscriptionSettings settings;
    private final Clock clock;

    public SinkClient(SinkGuard guard, SubscriptionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Timeout timeout = Timeout.of(settings.delivery().timeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guard)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(settings.delivery().senders())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /**
     * Asks the receiver whether it agrees to receive events from us (CloudEvents HTTP webhook, section 4).
     *
     * @return why it does not, or empty when it does
     */
    public Optional<Reason> handshake(String sink) {
        HttpOptions request = new HttpOptions(URI.create(sink));
        request.setHeader(REQUEST_ORIGIN, settings.webhookOrigin());
        try {
            return http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                Header allowed = response.getFirstHeader(ALLOWED_ORIGIN);
                if (response.getCode() != 200) {
                    return Optional.of(Reason.of("reason.sink.handshake-status", response.getCode()));
                }
                if (allowed == null || !(allowed.getValue().equals("*") || allowed.getValue().equals(settings.webhookOrigin()))) {
                    return Optional.of(Reason.of("reason.sink.handshake-origin", ALLOWED_ORIGIN,
                            settings.webhookOrigin()));
                }
                return Optional.empty();
            });
        } catch (RefusedSinkException e) {
            return Optional.of(e.reason());
        } catch (IOException e) {
            return Optional.of(Reason.of("reason.sink.unreachable", describe(e)));
        }
    }

    /**
     * Posts a delivery.
     *
     * @throws IOException when it could not be reached or did not answer in time
     */
    public SinkAnswer post(String sink, Map<String, String> headers, String body) throws IOException {
        HttpPost request = new HttpPost(URI.create(sink));
        headers.forEach(request::setHeader);
        request.setEntity(new StringEntity(body, ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8)));
        return http.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new SinkAnswer(response.getCode(), retryAfter == null ? null : retryAfter(retryAfter.getValue()));
        });
    }

    /** Seconds or an HTTP date; null when neither. */
    private Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            Instant at = DateUtils.parseStandardDate(value);
            return at == null ? null : Duration.between(clock.instant(), at).isNegative() ? Duration.ZERO
                    : Duration.between(clock.instant(), at);
        }
    }

    public static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
