package se.samverka.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressFirewallTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/projects/5", "/api/organisations/%C3%96stersund", "/api/projects/%F0%9F%98%80",
            "/api/projects/%E2%80%AE", "/api/projects/a%20b", "/projects/%3F", "/%", "/api/%zz"})
    void aPathThatDecodesToTextPasses(String path) {
        assertThat(AddressFirewall.isText(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/projects/%ff", "/api/projects/%c0%af", "/api/projects/%ed%a0%80", "/api/projects/%e2%80",
            "/api/projects/%01", "/api/projects/%1B", "/api/projects/%7f", "/api/projects/%c2%85", "/api/projects/%0a"})
    void aPathThatIsNoUtf8OrHoldsAControlCharacterIsRefused(String path) {
        assertThat(AddressFirewall.isText(path)).isFalse();
    }
}
