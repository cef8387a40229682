package org.opencentral.sim.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.opencentral.platform.security.SasToken;

class IotHubCredentialsTest {
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final IotHubCredentials credentials = new IotHubCredentials("127.0.0.1");

    @Test
    void usernameIsHostDeviceAndApiVersion() {
        assertThat(credentials.username("sim-000001")).isEqualTo("127.0.0.1/sim-000001/?api-version=2021-04-12");
    }

    @Test
    void passwordIsASasTokenThePlatformAccepts() {
        String password = credentials.password("sim-000001", KEY, 1_900_000_000L);

        assertThat(password).startsWith("SharedAccessSignature sr=127.0.0.1/devices/sim-000001&sig=").endsWith("&se=1900000000");
        SasToken token = SasToken.parse(password).orElseThrow();
        assertThat(token.isSignedWith(KEY)).isTrue();
        assertThat(token.expiry()).isEqualTo(1_900_000_000L);
    }

    @Test
    void passwordMatchesThePlatformsOwnSigning() {
        assertThat(credentials.password("dev 1", KEY, 42))
                .isEqualTo(SasToken.sign("127.0.0.1/devices/dev+1", KEY, 42));
    }

    @Test
    void deviceIdsArePaddedSoTheySort() {
        assertThat(SimDevice.idFor("sim", 42)).isEqualTo("sim-000042");
    }
}
