package se.samverka.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxRequestSize the largest request body let through ({@code samverka.gateway.max-request-size}) */
@ConfigurationProperties("samverka.gateway")
public record RequestSizeSettings(@DefaultValue("1MB") DataSize maxRequestSize) {
}
