package org.opencentral.sim.scenario;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * The numbered messages of one device ({@code ingest --sequence-file}): each body gets a {@code "seq"}
 * member first, 1, 2, 3, … in the order the device sends them, and the numbers the server acknowledged
 * are kept, so that what arrives downstream (an export's receiver) can be checked against what the
 * server took. Used on the device's event loop; the record is read once the run is over.
 */
final class Sequence {
    private final String deviceId;
    private final BitSet acknowledged = new BitSet();
    private int sent;

    Sequence(String deviceId) {
        this.deviceId = deviceId;
    }

    /** The next message's number (the first is 1), counted as sent by {@link #sent(int)}. */
    synchronized int next() {
        return sent + 1;
    }

    synchronized void sent(int number) {
        sent = number;
    }

    /** {@code body} (a JSON object) with {@code "seq": number} as its first member. */
    static byte[] numbered(byte[] body, int number) {
        if (body.length < 2 || body[0] != '{') {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        byte[] member = ("{\"seq\":" + number + (body.length > 2 ? "," : "")).getBytes(StandardCharsets.US_ASCII);
        byte[] numbered = new byte[member.length + body.length - 1];
        System.arraycopy(member, 0, numbered, 0, member.length);
        System.arraycopy(body, 1, numbered, member.length, body.length - 1);
        return numbered;
    }

    synchronized void acknowledged(int number) {
        acknowledged.set(number);
    }

    /**
     * One line: the device id, how many it sent, how many were acknowledged, and the numbers sent but
     * not acknowledged (comma-separated, {@code -} for none), separated by tabs.
     */
    synchronized String line() {
        StringBuilder missing = new StringBuilder();
        for (int n = acknowledged.nextClearBit(1); n <= sent; n = acknowledged.nextClearBit(n + 1)) {
            missing.append(missing.isEmpty() ? "" : ",").append(n);
        }
        return deviceId + '\t' + sent + '\t' + acknowledged.cardinality() + '\t' + (missing.isEmpty() ? "-" : missing);
    }
}
