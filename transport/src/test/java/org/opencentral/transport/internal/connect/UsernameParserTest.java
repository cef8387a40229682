package org.opencentral.transport.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencentral.core.device.DeviceId;
import org.opencentral.transport.internal.topic.Decoded;

class UsernameParserTest {

    @Test
    void javaSdkUsernameWithEncodedModelId() {
        ConnectUsername user = parsed("127.0.0.1/dev1/?api-version=2020-09-30&model-id=dtmi%3Acom%3Aexample%3AThermostat%3B1"
                + "&DeviceClientType=com.microsoft.azure.sdk.iot.iot-device-client%2F2.5.0");

        assertThat(user).isEqualTo(new ConnectUsername("127.0.0.1", "dev1", Optional.of("2020-09-30"),
                Optional.of("dtmi:com:example:Thermostat;1")));
    }

    @Test
    void nodeSdkUsernameWithRawModelId() {
        ConnectUsername user = parsed("hub.example.com/dev1/?api-version=2021-04-12&model-id=dtmi:com:example:Thermostat;1"
                + "&DeviceClientType=azure-iot-device%2F1.18.4%20(node%20v20)");

        assertThat(user.modelId()).contains("dtmi:com:example:Thermostat;1");
        assertThat(user.host()).isEqualTo("hub.example.com");
    }

    @Test
    void lenientForms() {
        assertThat(parsed("h/dev1/?api-version=2021-04-12").modelId()).isEmpty();
        assertThat(parsed("h/dev1/api-version=2021-04-12").apiVersion()).contains("2021-04-12");
        assertThat(parsed("h/dev1/").apiVersion()).isEmpty();
        assertThat(parsed("h/dev1").deviceId()).isEqualTo("dev1");
        assertThat(parsed("h/dev1/?model-id=%zz&unknown=1&api-version=x").modelId()).contains("%zz");
    }

    @Test
    void namesTheDeviceRawOrDecoded() {
        assertThat(parsed("h/dev%3A1/?api-version=1").names(DeviceId.of("dev:1"))).isTrue();
        assertThat(parsed("h/dev1/?api-version=1").names(DeviceId.of("dev2"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "dev1", "/dev1/?api-version=1", "h//?api-version=1", "h/dev1/mod1/?api-version=1",
        "a/b/c/d/?x=1"})
    void malformedUsernamesFail(String username) {
        assertThat(UsernameParser.parse(username)).isInstanceOf(Decoded.Failed.class);
    }

    private static ConnectUsername parsed(String username) {
        return switch (UsernameParser.parse(username)) {
            case Decoded.Ok<ConnectUsername> ok -> ok.value();
            case Decoded.Failed<ConnectUsername> failed -> throw new AssertionError(failed.reason());
        };
    }
}
