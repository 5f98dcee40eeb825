package se.samverka.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The identity provider of tests: one RSA key per test JVM, its public half served as a JWK set over real HTTP (the
 * services fetch it as they fetch the real provider's), and access tokens signed with it as the real provider signs
 * them. Tokens that must be refused are made here too: expired, for another audience, from another issuer, signed by
 * another key, not signed at all.
 */
public final class TestTokens {

    public static final String ISSUER = "http://samverka-test-issuer";
    public static final String AUDIENCE = "samverka";

    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();
    private static String jwkSetUri;

    private TestTokens() {
    }

    /** Where the services of a test find the key, served from this JVM. */
    public static synchronized String jwkSetUri() {
        if (jwkSetUri == null) {
            jwkSetUri = serve(new JWKSet(KEY.toPublicJWK()).toString());
        }
        return jwkSetUri;
    }

    public static String admin() {
        return token().role("ADMIN").build();
    }

    public static String staff(String organisationId) {
        return token().role("STAFF").organisation(organisationId).build();
    }

    public static String company(String organisationId) {
        return token().role("COMPANY").organisation(organisationId).build();
    }

    public static String partner(String organisationId) {
        return token().role("PARTNER").organisation(organisationId).build();
    }

    /** A token as the provider issues it, to be changed where a test needs another one. */
    public static Token token() {
        return new Token();
    }

    /** An access token and how it is made. */
    public static final class Token {

        private String role;
        private String organisation;
        private String subject = "test-" + UUID.randomUUID();
        private String name = "Test Testsson";
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Duration validFor = Duration.ofMinutes(10);
        private RSAKey key = KEY;
        private boolean signed = true;

        private Token() {
        }

        /** Whom the token is about; a new one for every token unless set. */
        public Token subject(String newSubject) {
            subject = newSubject;
            return this;
        }

        public Token role(String newRole) {
            role = newRole;
            return this;
        }

        public Token organisation(String organisationId) {
            organisation = organisationId;
            return this;
        }

        public Token name(String newName) {
            name = newName;
            return this;
        }

        public Token issuer(String newIssuer) {
            issuer = newIssuer;
            return this;
        }

        public Token audience(String newAudience) {
            audience = newAudience;
            return this;
        }

        /** Expired a while ago. */
        public Token expired() {
            validFor = Duration.ofMinutes(-5);
            return this;
        }

        public Token signedByAnotherKey() {
            key = OTHER_KEY;
            return this;
        }

        /** {@code alg: none}. */
        public Token unsigned() {
            signed = false;
            return this;
        }

        public String build() {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(List.of(audience))
                    .issueTime(Date.from(now.minusSeconds(60)))
                    .notBeforeTime(Date.from(now.minusSeconds(60)))
                    .expirationTime(Date.from(now.plus(validFor)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("name", name);
            if (role != null) {
                claims.claim("roles", List.of(role));
            }
            if (organisation != null) {
                claims.claim("org", organisation);
            }
            if (!signed) {
                return new PlainJWT(claims.build()).serialize();
            }
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serve(String jwkSet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = jwkSet.getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve the test JWK set", e);
        }
    }
}
