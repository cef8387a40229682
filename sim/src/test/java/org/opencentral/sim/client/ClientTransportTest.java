package org.opencentral.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

class ClientTransportTest {
    @Test
    void epollWhereItsLibraryLoads() {
        assertThat(ClientTransport.best()).isEqualTo(Epoll.isAvailable() ? ClientTransport.EPOLL : ClientTransport.NIO);
    }

    @Test
    void thePropertyForcesNio() {
        System.setProperty("opencentral.sim.nio", "true");
        try {
            assertThat(ClientTransport.best()).isEqualTo(ClientTransport.NIO);
        } finally {
            System.clearProperty("opencentral.sim.nio");
        }
    }
}
