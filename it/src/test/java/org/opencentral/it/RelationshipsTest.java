package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestPlatform;

/** Gateway/child relationships through the running server's REST API, and their end with a device. */
@Timeout(120)
class RelationshipsTest {
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aGatewayLinksItsChildrenUntilAChildIsDeleted() {
        RestClient rest = platform.rest();
        platform.createDevice("rel-gateway");
        platform.createDevice("rel-child-1");
        platform.createDevice("rel-child-2");

        rest.put("/devices/rel-gateway/relationships/child-1", Map.of("target", "rel-child-1")).ok();
        rest.put("/devices/rel-gateway/relationships/child-2", Map.of("target", "rel-child-2")).ok();
        assertThat(rest.get("/devices/rel-gateway/relationships/child-1").ok().path("target").asText())
                .isEqualTo("rel-child-1");
        assertThat(rest.get("/devices/rel-gateway/relationships").ok().path("value")).hasSize(2);

        assertThat(rest.delete("/devices/rel-child-1").status()).isEqualTo(204);
        assertThat(rest.get("/devices/rel-gateway/relationships/child-1").status()).isEqualTo(404);
        assertThat(rest.delete("/devices/rel-gateway/relationships/child-2").status()).isEqualTo(204);
        assertThat(rest.get("/devices/rel-gateway/relationships").ok().path("value")).isEmpty();
        assertThat(rest.get("/devices/rel-gateway/modules").ok().path("value")).isEmpty();
    }
}
