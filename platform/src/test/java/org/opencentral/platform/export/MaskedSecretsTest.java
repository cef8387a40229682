package org.opencentral.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.export.Customization;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.DestinationJson;
import org.opencentral.core.export.WebhookAuthorization;
import org.opencentral.core.export.WebhookDestination;

/** Secrets are answered as a mask; the mask sent back keeps the stored secret of the same slot only. */
class MaskedSecretsTest {
    private static final WebhookDestination HOOK = new WebhookDestination("hook", "Hook",
            URI.create("https://example.com/in"), Map.of("code", new Customization("q-secret", true)),
            Map.of("X-Key", new Customization("h-secret", true), "X-Plain", new Customization("plain", false)),
            Optional.of(new WebhookAuthorization.OAuth(URI.create("https://login.example.com/token"), "client",
                    "c-secret", Optional.empty(), Optional.of("export"), Optional.of("json"))));

    @Test
    void answersMaskEverySecretAndNothingElse() {
        ObjectNode answered = DestinationJson.write(HOOK, MaskedSecrets.answering());

        assertThat(answered.toString()).doesNotContain("q-secret", "h-secret", "c-secret").contains("plain", "client");
        assertThat(answered.at("/headerCustomizations/X-Key/value").asText()).isEqualTo(MaskedSecrets.MASK);
        assertThat(answered.at("/authorization/clientSecret").asText()).isEqualTo(MaskedSecrets.MASK);
    }

    @Test
    void aMaskSentBackKeepsTheStoredSecretsAndNewValuesReplaceThem() {
        ObjectNode answered = DestinationJson.write(HOOK, MaskedSecrets.answering());
        Destination kept = DestinationJson.read("hook", answered, MaskedSecrets.replacing(Optional.of(HOOK)));
        assertThat(kept).isEqualTo(HOOK);

        answered.withObject("/headerCustomizations/X-Key").put("value", "new-secret");
        WebhookDestination changed = (WebhookDestination) DestinationJson.read("hook", answered,
                MaskedSecrets.replacing(Optional.of(HOOK)));
        assertThat(changed.headers().get("X-Key").value()).isEqualTo("new-secret");
        assertThat(changed.query().get("code").value()).isEqualTo("q-secret");
    }

    @Test
    void aMaskWithoutAStoredSecretInThatSlotIsRefused() {
        ObjectNode answered = DestinationJson.write(HOOK, MaskedSecrets.answering());
        answered.withObject("/headerCustomizations/X-Plain").put("secret", true).put("value", MaskedSecrets.MASK);

        assertThatThrownBy(() -> DestinationJson.read("hook", answered, MaskedSecrets.replacing(Optional.of(HOOK))))
                .isInstanceOf(DomainException.class).hasMessageContaining("header/X-Plain");
        assertThatThrownBy(() -> DestinationJson.read("other", DestinationJson.write(HOOK, MaskedSecrets.answering()),
                MaskedSecrets.replacing(Optional.empty()))).hasMessageContaining("send its value");
    }
}
