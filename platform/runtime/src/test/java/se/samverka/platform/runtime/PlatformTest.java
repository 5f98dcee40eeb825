package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void theGatewayAloneRunsBothCompilers() {
        assertThat(Platform.compiler(RuntimeSettings.GATEWAY)).isEmpty();
        assertThat(Platform.compiler(RuntimeSettings.GATEWAY + "-2")).isEmpty();
        assertThat(Platform.compiler("project-service")).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(Platform.compiler("reporting-service-2")).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(Platform.compiler(RuntimeSettings.IDENTITY_PROVIDER)).containsExactly("-XX:TieredStopAtLevel=1");
    }
}
