package org.opencentral.platform.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;

/** An in-memory device session that records what the platform sent to it. */
public final class RecordingSession implements DeviceSession {
    public record MethodRequest(String name, String requestId, byte[] payload) {
    }

    private final DeviceId id;
    private final Set<Subscription> subscriptions = EnumSet.noneOf(Subscription.class);
    public final List<ObjectNode> desired = new CopyOnWriteArrayList<>();
    public final List<MethodRequest> methods = new CopyOnWriteArrayList<>();
    public final List<C2dMessage> c2d = new CopyOnWriteArrayList<>();
    public volatile String closedFor;

    public RecordingSession(DeviceId id, Subscription... subscribed) {
        this.id = id;
        subscriptions.addAll(List.of(subscribed));
    }

    public synchronized void subscribe(Subscription subscription) {
        subscriptions.add(subscription);
    }

    @Override
    public DeviceId deviceId() {
        return id;
    }

    @Override
    public synchronized boolean isSubscribed(Subscription subscription) {
        return subscriptions.contains(subscription);
    }

    @Override
    public void sendDesiredPatch(ObjectNode patch, long version) {
        desired.add(patch);
    }

    @Override
    public void sendMethodRequest(String methodName, String requestId, byte[] payload) {
        methods.add(new MethodRequest(methodName, requestId, payload));
    }

    @Override
    public void sendCloudToDevice(C2dMessage message) {
        c2d.add(message);
    }

    @Override
    public void close(String reason) {
        closedFor = reason;
    }
}
