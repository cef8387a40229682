package org.opencentral.transport.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opencentral.platform.provisioning.RegistrationCredential;
import org.opencentral.platform.provisioning.RegistrationRequest;

class RegistrationBodyTest {
    private static RegistrationRequest parse(String body) {
        return ProvisioningRequests.request("0ne00000001", "dev-1", new RegistrationCredential.Sas("token"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theModelIdIsReadFromAnObjectPayload() {
        RegistrationRequest request = parse("{\"registrationId\":\"dev-1\",\"payload\":{\"modelId\":\"dtmi:a:b;1\"}}");
        assertThat(request.modelId()).contains("dtmi:a:b;1");
        assertThat(request.bodyRegistrationId()).contains("dev-1");
    }

    @Test
    void theJavaSdkSendsThePayloadAsAJsonString() {
        RegistrationRequest request = parse("{\"registrationId\":\"dev-1\",\"payload\":\"{\\\"modelId\\\":\\\"dtmi:a:b;1\\\"}\"}");
        assertThat(request.modelId()).contains("dtmi:a:b;1");
    }

    @Test
    void emptyOrMalformedBodiesHaveNoModelId() {
        assertThat(parse("").modelId()).isEmpty();
        assertThat(parse("{not json").modelId()).isEmpty();
        assertThat(parse("{\"payload\":\"not json either\"}").modelId()).isEmpty();
    }
}
