package org.opencentral.sim.amqp;

import java.nio.BufferOverflowException;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.message.Message;

/** Encoding and decoding of whole AMQP messages with Proton-J's codec. */
final class AmqpMessages {
    private AmqpMessages() {
    }

    /** The encoded message. */
    static byte[] encode(Message message) {
        byte[] buffer = new byte[256];
        int length = encode(message, buffer);
        while (length < 0) {
            buffer = new byte[buffer.length * 2];
            length = encode(message, buffer);
        }
        return java.util.Arrays.copyOf(buffer, length);
    }

    /** Encodes {@code message} into {@code buffer}; answers its length, or -1 when it does not fit. */
    static int encode(Message message, byte[] buffer) {
        try {
            return message.encode(buffer, 0, buffer.length);
        } catch (BufferOverflowException e) {
            return -1;
        }
    }

    static Message decode(byte[] bytes, int length) {
        Message message = Message.Factory.create();
        message.decode(bytes, 0, length);
        return message;
    }

    /** {@code amqp:unauthorized-access} → {@code unauthorized-access}. */
    static String shortName(Symbol condition) {
        String name = condition.toString();
        return name.substring(name.lastIndexOf(':') + 1);
    }
}
