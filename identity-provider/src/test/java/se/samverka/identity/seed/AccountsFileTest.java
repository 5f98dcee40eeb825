package se.samverka.identity.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsFileTest {

    @TempDir
    Path folder;

    @Test
    void aMalformedFileIsRefusedNamingThePlaceOnOneLine() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), "{\"users\": [ {\"username\": }");

        assertThatThrownBy(() -> AccountsFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(AccountsFile.oneLine((Exception) e))
                        .startsWith("not valid JSON at line 1")
                        .doesNotContain("\n"));
    }

    @Test
    void aMissingFileCannotBeRead() {
        assertThatThrownBy(() -> AccountsFile.read(folder.resolve("nowhere.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aPasswordWithoutEncodingIdIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), """
                {"users":[{"username":"anna","password":"plain","roles":["ADMIN"]}]}""");

        assertThatThrownBy(() -> AccountsFile.read(file)).hasMessageContaining("user anna: password must start");
    }

    @Test
    void anAccountWithoutRolesIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), """
                {"clients":[{"clientId":"sys","secret":"{noop}s","role":["ADMIN"]}]}""");

        assertThatThrownBy(() -> AccountsFile.read(file)).hasMessageContaining("client sys needs a roles list");
    }

    @Test
    void aUserTwiceIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), """
                {"users":[{"username":"anna","password":"{noop}x","roles":["ADMIN"]},
                          {"username":"anna","password":"{noop}y","roles":["STAFF"]}]}""");

        assertThatThrownBy(() -> AccountsFile.read(file)).hasMessageContaining("user anna appears twice");
    }

    @Test
    void usersAndClientsAreReadWithWhatIsOptional() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), """
                {"users":[{"username":"lena","password":"{noop}x","name":"Lena","roles":["STAFF"],"org":"o1",
                           "lead":true,"email":"lena@example.test"}],
                 "clients":[{"clientId":"sys","secret":"{noop}s","roles":["PARTNER"],"org":"o2"}]}""");

        AccountsFile.Content content = AccountsFile.read(file);

        assertThat(content.users()).singleElement().satisfies(lena -> {
            assertThat(lena.lead()).isTrue();
            assertThat(lena.email()).isEqualTo("lena@example.test");
        });
        assertThat(content.clients()).singleElement().satisfies(sys -> {
            assertThat(sys.name()).isNull();
            assertThat(sys.org()).isEqualTo("o2");
        });
    }
}
