package org.opencentral.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle.Change;

class PlatformEventTest {
    static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aCloudPropertyPatchCannotBeChangedFromOutside() {
        ObjectNode patch = Json.object().put("customerName", "Contoso");
        var event = new CloudPropertiesUpdated(DeviceId.of("d1"), AT, Optional.empty(), patch);

        patch.put("customerName", "changed");
        event.patch().put("customerName", "changed too");

        assertThat(event.patch().toString()).isEqualTo("{\"customerName\":\"Contoso\"}");
        assertThatThrownBy(() -> new CloudPropertiesUpdated(DeviceId.of("d1"), AT, null, patch))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aTemplateEventHasAnEtagExactlyWhenTheTemplateStillExists() {
        assertThat(new TemplateLifecycle("dtmi:t:a;1", AT, Change.CREATED, Optional.of("\"e\"")).etag())
                .contains("\"e\"");
        assertThat(new TemplateLifecycle("dtmi:t:a;1", AT, Change.DELETED, Optional.empty()).etag()).isEmpty();

        assertThatThrownBy(() -> new TemplateLifecycle("dtmi:t:a;1", AT, Change.UPDATED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TemplateLifecycle("dtmi:t:a;1", AT, Change.DELETED, Optional.of("\"e\"")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TemplateLifecycle(" ", AT, Change.CREATED, Optional.of("\"e\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
