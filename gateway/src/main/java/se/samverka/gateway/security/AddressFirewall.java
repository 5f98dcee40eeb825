package se.samverka.gateway.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's strict firewall (no encoded slash, NUL or dot segment, nothing that normalises into another
 * address), and one rule more: the path decodes to UTF-8 text without control characters. A service's Tomcat would
 * refuse any other path before Samverka's code runs, with an HTML page instead of a problem document, and no resource
 * is named by a control character.
 */
final class AddressFirewall implements ServerWebExchangeFirewall {

    private final ServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        if (!isText(exchange.getRequest().getPath().value())) {
            return Mono.error(new ServerExchangeRejectedException(
                    "The path is not percent-encoded UTF-8 text without control characters"));
        }
        return strict.getFirewalledExchange(exchange);
    }

    /** @param rawPath as it came, percent-encoded */
    static boolean isText(String rawPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length() && isHex(rawPath.charAt(i + 1)) && isHex(rawPath.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(rawPath, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return decoded.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
