package se.samverka.identity.login;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import org.springframework.stereotype.Component;

/**
 * The second factor: time-based one-time codes (RFC 6238: six digits, thirty seconds, SHA-1, as every authenticator
 * app reads them), a code of the period before or after accepted too, for clocks that differ a little.
 */
@Component
public class SecondFactor {

    private static final String ISSUER = "Samverka";

    private final SecretGenerator secrets = new DefaultSecretGenerator(32);
    private final CodeVerifier verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());

    /** A new secret, Base32: 160 random bits. */
    public String newSecret() {
        return secrets.generate();
    }

    public boolean verify(String secret, String code) {
        return secret != null && code != null && code.strip().matches("\\d{6}")
                && verifier.isValidCode(secret, code.strip());
    }

    /** The secret as a QR code an authenticator app scans, as a data URI: the page loads nothing from elsewhere. */
    public String qrCode(String secret, String username) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
        ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
        try {
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot draw the QR code", e);
        }
    }
}
