package se.samverka.gateway.revocations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway learns of the identity provider's revocations ({@code samverka.gateway.revocations.*}).
 *
 * @param pollInterval how often it asks: how long a deactivated person's token may still be used here at most
 * @param lookBack     how far back it asks at start, and how long it keeps a revocation: longer than any access token
 *                     lives (the provider's live 15 minutes), since a token issued before that has expired anyway
 */
@ConfigurationProperties("samverka.gateway.revocations")
public record RevocationSettings(@DefaultValue("10s") Duration pollInterval, @DefaultValue("1h") Duration lookBack) {
}
