package org.opencentral.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports for a process that must be told its ports before it starts (a server on the command line,
 * Kafka's listeners). All of a call's ports are held open together while they are chosen, so they
 * differ from each other (two sockets closed one after the other may be given the same port).
 */
public final class FreePorts {
    private FreePorts() {
    }

    /** {@code count} distinct loopback ports that were free a moment ago. */
    public static int[] distinct(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // a socket that cannot close still told us its port
                }
            }
        }
    }
}
