package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsFileTest {

    private static final String ONE_USER = """
            {"users":[{"username":"anna","password":"{noop}x","roles":["ADMIN"]}]}""";

    @TempDir
    Path folder;

    @Test
    void aMalformedFileFailsTheStartNamingTheFileAndThePlace() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), "{\"users\": [ {\"username\": }");

        assertThatThrownBy(() -> new AccountsFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON at line 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingFileFailsTheStart() {
        Path file = folder.resolve("nowhere.json");

        assertThatThrownBy(() -> new AccountsFile(file)).hasMessageContaining(file.toString());
    }

    @Test
    void aPasswordWithoutEncodingIdIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), """
                {"users":[{"username":"anna","password":"plain","roles":["ADMIN"]}]}""");

        assertThatThrownBy(() -> new AccountsFile(file)).hasMessageContaining("user anna: password must start");
    }

    @Test
    void anAccountWithoutRolesIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), """
                {"clients":[{"clientId":"sys","secret":"{noop}s","role":["ADMIN"]}]}""");

        assertThatThrownBy(() -> new AccountsFile(file)).hasMessageContaining("client sys needs a roles list");
    }

    @Test
    void aChangedFileIsReadAgainAndABrokenOneKeepsTheLastGoodContent() throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.json"), ONE_USER);
        AccountsFile accounts = new AccountsFile(file);
        assertThat(accounts.user("anna")).hasValueSatisfying(anna -> assertThat(anna.name()).isNull());

        Files.writeString(file, """
                {"users":[{"username":"anna","password":"{noop}x","name":"Anna A","roles":["ADMIN"]}],
                 "clients":[{"clientId":"sys","secret":"{noop}s","roles":["PARTNER"],"org":"o1"}]}""");
        assertThat(accounts.user("anna")).hasValueSatisfying(anna -> assertThat(anna.name()).isEqualTo("Anna A"));
        assertThat(accounts.client("sys")).hasValueSatisfying(sys -> assertThat(sys.identity())
                .isEqualTo(new Identity("sys", List.of("PARTNER"), "o1")));

        Files.writeString(file, "not json");
        assertThat(accounts.client("sys")).isPresent();

        Files.delete(file);
        assertThat(accounts.user("anna")).isPresent();
    }

    @Test
    void withoutFileThereAreNoAccounts() {
        AccountsFile accounts = new AccountsFile(null);

        assertThat(accounts.user("admin")).isEmpty();
        assertThat(accounts.client("partner-system")).isEmpty();
    }
}
