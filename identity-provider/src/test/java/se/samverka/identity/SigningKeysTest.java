package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path folder;

    @Test
    void theKeyIsCreatedOnceAndReadLater() {
        Path file = folder.resolve("key.json");

        RSAKey created = SigningKeys.loadOrCreate(file);
        RSAKey read = SigningKeys.loadOrCreate(file);

        assertThat(created.size()).isEqualTo(2048);
        assertThat(read.getKeyID()).isEqualTo(created.getKeyID());
        assertThat(read.toPublicJWK()).isEqualTo(created.toPublicJWK());
        assertThat(read.isPrivate()).isTrue();
    }

    @Test
    void aFileWithoutPrivateKeyIsNeverReplaced() throws IOException {
        Path file = folder.resolve("key.json");
        String publicOnly = SigningKeys.generate().toPublicJWK().toJSONString();
        Files.writeString(file, publicOnly);

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(file)).hasMessageContaining("private RSA JWK");
        assertThat(Files.readString(file)).isEqualTo(publicOnly);
    }

    @Test
    void anUnreadableFileFailsClearly() throws IOException {
        Path file = Files.writeString(folder.resolve("key.json"), "{ nope");

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(file)).hasMessageContaining("Cannot read signing key file");
    }
}
