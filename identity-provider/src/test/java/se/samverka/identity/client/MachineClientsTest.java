package se.samverka.identity.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineClientsTest {

    @Test
    void aClientIdIsTheNameAsPlainLettersWithARandomEnd() {
        assertThat(MachineClients.clientId("Region Jämtland Härjedalen (system)"))
                .matches("region-jamtland-harjedalen-system-[0-9a-f]{6}");
        assertThat(MachineClients.clientId("!!!")).matches("client-[0-9a-f]{6}");
        assertThat(MachineClients.clientId("x".repeat(80))).matches("x{40}-[0-9a-f]{6}");
        assertThat(MachineClients.clientId("Skript")).isNotEqualTo(MachineClients.clientId("Skript"));
    }
}
