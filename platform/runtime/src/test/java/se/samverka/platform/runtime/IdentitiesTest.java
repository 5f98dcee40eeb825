package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IdentitiesTest {

    @TempDir
    Path home;

    @Test
    void theSeedHasEveryDemoAccountWithItsOrganisationAndPlainPasswordsForTheProviderToHash() throws Exception {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(home, Map.of("SAMVERKA_HOME", home.toString()));
        Identities identities = new Identities(settings);

        identities.writeAccounts(Map.of("kff", "org-kff", "klf", "org-klf"));

        JsonNode seed = JsonMapper.builder().build().readTree(Files.readString(settings.accountsFile()));
        JsonNode staff = user(seed, "staff");
        assertThat(staff.path("password").asString()).isEqualTo("{noop}demo-staff");
        assertThat(staff.path("org").asString()).isEqualTo("org-kff");
        assertThat(staff.path("lead").asBoolean()).as("the department's lead invites colleagues").isTrue();
        assertThat(user(seed, "bolag").has("lead")).isFalse();
        assertThat(user(seed, "bolag").path("org").isNull()).as("no id: the organisation was not loaded").isTrue();
        assertThat(seed.path("clients").valueStream().map(client -> client.path("clientId").asString()))
                .containsExactlyElementsOf(Identities.DEMO_ACCOUNTS.stream().map(Identities.DemoAccount::clientId)
                        .toList());
    }

    @Test
    void aSeedIsWrittenIfMissingAndRemovedBeforeTheDemoDataWritesAnother() throws IOException, StartupException {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(home, Map.of("SAMVERKA_HOME", home.toString()));
        Identities identities = new Identities(settings);
        Files.writeString(settings.accountsFile(), "{\"users\":[]}");

        identities.writeAccountsIfMissing(Map.of());
        assertThat(Files.readString(settings.accountsFile())).as("edited by hand: kept").isEqualTo("{\"users\":[]}");

        identities.removeAccounts();
        assertThat(settings.accountsFile()).doesNotExist();
        identities.writeAccountsIfMissing(Map.of());
        assertThat(List.of(Files.readString(settings.accountsFile()))).singleElement().asString().contains("admin-cli");
    }

    private static JsonNode user(JsonNode seed, String username) {
        return seed.path("users").valueStream().filter(user -> user.path("username").asString().equals(username))
                .findFirst().orElseThrow();
    }
}
