package org.opencentral.sim.client;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencentral.sim.iothub.SimDevice;

/**
 * Opens device connections of one protocol to one server from a shared event loop group.
 *
 * @param <C> the connections it opens
 */
public interface DeviceClient<C extends Connection> extends AutoCloseable {
    /**
     * Connects {@code device} from {@code source} (an address of this machine, port chosen by the
     * kernel); completes with the connection once the server accepted it, or fails with the reason
     * ({@link ConnectFailure#kindOf}).
     */
    CompletableFuture<C> connect(SimDevice device, Optional<InetAddress> source, ConnectionHandler<? super C> session);

    /** Stops the event loops. */
    @Override
    void close();
}
