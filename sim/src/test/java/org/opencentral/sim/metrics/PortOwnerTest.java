package org.opencentral.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortOwnerTest {
    static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:22B3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 551234 1 0000000000000000 100 0 0 10 0
               1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 551240 1 0000000000000000 100 0 0 10 0
               2: 0100007F:22B3 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 661111 1 0000000000000000 20 4 30 10 -1
            """;

    @Test
    void findsTheInodeOfTheListeningSocket() {
        assertThat(PortOwner.listeningInodes(TCP, 8883)).containsExactly("551234");
        assertThat(PortOwner.listeningInodes(TCP, 8080)).containsExactly("551240");
        assertThat(PortOwner.listeningInodes(TCP, 1883)).isEmpty();
    }
}
