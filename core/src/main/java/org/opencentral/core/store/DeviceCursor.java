package org.opencentral.core.store;

import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.DomainException;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.ListOrdering;

/**
 * Where a device list page ended: the last device's id and its sort key under {@code order}, as
 * the store computed it (for {@code displayName} its lower-case form; {@link ListLiteral.Null} for a
 * device never heard from when ordering by {@code lastActivity}). The next page starts strictly
 * after (key, id) in the list's order. {@link #encode()} makes the opaque {@code Page.next} text.
 */
public record DeviceCursor(ListOrdering<DeviceField> order, ListLiteral key, String id) {
    public DeviceCursor {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a cursor id is a device id");
        }
        if (!key.fits(order.field().type())
                || key instanceof ListLiteral.Null && order.field().type() != org.opencentral.core.filter.ValueType.INSTANT) {
            throw new IllegalArgumentException("a " + order.field().wireName() + " cursor needs a "
                    + order.field().type() + " key");
        }
    }

    public String encode() {
        return order + "\n" + id + "\n" + switch (key) {
            case ListLiteral.Null n -> "n";
            case ListLiteral.Text t -> "t" + t.value();
            case ListLiteral.Bool b -> b.value() ? "b1" : "b0";
            case ListLiteral.Time t -> "i" + t.value().toEpochMilli();
        };
    }

    /** Reads a cursor made by {@link #encode()} for a list in {@code order}; BAD_REQUEST otherwise. */
    public static DeviceCursor decode(String text, ListOrdering<DeviceField> order) {
        String[] parts = text.split("\n", 3);
        if (parts.length != 3 || parts[2].isEmpty() || parts[1].isEmpty()) {
            throw DomainException.badRequest("invalid page cursor; follow nextLink as given");
        }
        if (!parts[0].equals(order.toString())) {
            throw DomainException.badRequest("the page cursor belongs to a list ordered by '" + parts[0]
                    + "', not '" + order + "'; follow nextLink as given");
        }
        String value = parts[2].substring(1);
        ListLiteral key = switch (parts[2].charAt(0)) {
            case 'n' -> new ListLiteral.Null();
            case 't' -> new ListLiteral.Text(value);
            case 'b' -> new ListLiteral.Bool(value.equals("1"));
            case 'i' -> new ListLiteral.Time(instant(value));
            default -> throw DomainException.badRequest("invalid page cursor; follow nextLink as given");
        };
        try {
            return new DeviceCursor(order, key, parts[1]);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("invalid page cursor; follow nextLink as given");
        }
    }

    private static Instant instant(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("invalid page cursor; follow nextLink as given");
        }
    }
}
