package org.opencentral.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The PROXY protocol v1 line that names a tunnelled connection's peer to the HTTP server. */
class HttpsTunnelTest {
    @Test
    void namesThePeerAndTheListenerInTheirFamily() {
        assertThat(HttpsTunnel.proxyLine(new InetSocketAddress("192.0.2.7", 50_000),
                new InetSocketAddress("192.0.2.2", 8443))).isEqualTo("PROXY TCP4 192.0.2.7 192.0.2.2 50000 8443\r\n");
        assertThat(HttpsTunnel.proxyLine(new InetSocketAddress("2001:db8::7", 50_000),
                new InetSocketAddress("2001:db8::2", 8443)))
                .isEqualTo("PROXY TCP6 2001:db8:0:0:0:0:0:7 2001:db8:0:0:0:0:0:2 50000 8443\r\n");
    }

    @Test
    void mixedFamiliesAreUnknown() {
        assertThat(HttpsTunnel.proxyLine(new InetSocketAddress("192.0.2.7", 50_000),
                new InetSocketAddress("2001:db8::2", 8443))).isEqualTo("PROXY UNKNOWN\r\n");
    }
}
