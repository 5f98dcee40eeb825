package se.samverka.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RSA key that signs every token; kept in a file so that tokens stay valid across restarts. */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    /** Reads the key from {@code file}, or creates and writes it when the file does not exist yet. */
    static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        RSAKey key = generate();
        write(file, key);
        log.info("Created signing key {} in {}", key.getKeyID(), file);
        return key;
    }

    /** The kid is the key's RFC 7638 thumbprint, so it is stable and names exactly this key. */
    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    private static RSAKey read(Path file) {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.getKeyID() == null) {
                throw new IllegalStateException("Signing key file " + file
                        + " must hold one private RSA JWK with a kid; move it away to have a new key created");
            }
            return rsa;
        } catch (IOException | ParseException e) {
            // Never replace an unreadable key silently: every token signed with it would stop verifying.
            throw new IllegalStateException("Cannot read signing key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, RSAKey key) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            // Written to an owner-only temporary file first, then moved, so no reader ever sees half a key.
            Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp", ownerOnly(directory));
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write signing key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
