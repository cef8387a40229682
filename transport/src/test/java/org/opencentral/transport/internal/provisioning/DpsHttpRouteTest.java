package org.opencentral.transport.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;

/** The DPS HTTPS path table (reference §2.2). */
class DpsHttpRouteTest {
    @Test
    void registerAndOperationStatusPaths() {
        assertThat(DpsHttpRoute.match(HttpMethod.PUT, "/0ne0001/registrations/dev-1/register?api-version=2019-03-31"))
                .hasValue(new DpsHttpRoute.Register("0ne0001", "dev-1"));
        assertThat(DpsHttpRoute.match(HttpMethod.GET,
                "/0ne0001/registrations/dev-1/operations/5.a%2Eb?api-version=2021-06-01"))
                .hasValue(new DpsHttpRoute.OperationStatus("0ne0001", "dev-1", "5.a.b"));
    }

    @Test
    void otherMethodsAndPathsAreNotDpsRequests() {
        assertThat(DpsHttpRoute.match(HttpMethod.GET, "/0ne0001/registrations/dev-1/register")).isEmpty();
        assertThat(DpsHttpRoute.isDpsPath("/0ne0001/registrations/dev-1/register")).isTrue();
        assertThat(DpsHttpRoute.match(HttpMethod.GET, "/$iothub/websocket")).isEmpty();
        assertThat(DpsHttpRoute.isDpsPath("/$iothub/websocket")).isFalse();
        assertThat(DpsHttpRoute.isDpsPath("/0ne0001/registrations/dev-1/register/extra")).isFalse();
    }
}
