package org.opencentral.sim.scenario;

/**
 * The unacknowledged messages of one connection: packet ids 1…65534 handed out in order, each with
 * its send time (and its {@link Sequence} number, if numbered), in a ring at least twice the window.
 * Not thread-safe: used on one event loop.
 */
final class InFlight {
    static final int MAX_ID = 65_534;

    private final long[] sentAt;
    private final int[] ids;
    private final int[] numbers;
    private final int mask;
    private int count;
    private int nextId = 1;

    InFlight(int window) {
        int size = Integer.highestOneBit(Math.max(16, Math.min(window, 16_384) * 2 - 1)) << 1;
        sentAt = new long[size];
        ids = new int[size];
        numbers = new int[size];
        mask = size - 1;
    }

    int count() {
        return count;
    }

    /** The packet id for a message sent at {@code nanos}, or -1 while the ring slot is still in use. */
    int add(long nanos) {
        return add(nanos, 0);
    }

    /** As {@link #add(long)}, for the message numbered {@code number} ({@link #number(int)}). */
    int add(long nanos, int number) {
        int id = nextId;
        int slot = id & mask;
        if (ids[slot] != 0) {
            return -1;
        }
        ids[slot] = id;
        sentAt[slot] = nanos;
        numbers[slot] = number;
        count++;
        nextId = id == MAX_ID ? 1 : id + 1;
        return id;
    }

    /** The number the message in flight as {@code id} was added with, or -1 when it is not in flight. */
    int number(int id) {
        int slot = id & mask;
        return id < 1 || id > MAX_ID || ids[slot] != id ? -1 : numbers[slot];
    }

    /** Nanoseconds since {@code id} was sent, or -1 when it is not in flight. */
    long remove(int id, long nanos) {
        int slot = id & mask;
        if (id < 1 || id > MAX_ID || ids[slot] != id) {
            return -1;
        }
        ids[slot] = 0;
        count--;
        return nanos - sentAt[slot];
    }
}
