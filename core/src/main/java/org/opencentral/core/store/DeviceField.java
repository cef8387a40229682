package org.opencentral.core.store;

import java.util.Arrays;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.filter.ListField;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.ValueType;

/**
 * The members a device list can be filtered and ordered by, under their REST names. {@code connected}
 * and {@code lastActivity} are OpenCentral extensions; {@code organizations} holds at most one value
 * (a device belongs to one organization) and only compares with {@code eq}/{@code ne}.
 */
public enum DeviceField implements ListField {
    ID("id", ValueType.TEXT, false, true),
    DISPLAY_NAME("displayName", ValueType.TEXT, false, true),
    TEMPLATE("template", ValueType.TEXT, true, true),
    ENABLED("enabled", ValueType.BOOLEAN, false, true),
    PROVISIONED("provisioned", ValueType.BOOLEAN, false, true),
    SIMULATED("simulated", ValueType.BOOLEAN, false, true),
    ORGANIZATIONS("organizations", ValueType.TEXT, true, false),
    CONNECTED("connected", ValueType.BOOLEAN, false, true),
    LAST_ACTIVITY("lastActivity", ValueType.INSTANT, true, true);

    private final String wireName;
    private final ValueType type;
    private final boolean nullable;
    private final boolean sortable;

    DeviceField(String wireName, ValueType type, boolean nullable, boolean sortable) {
        this.wireName = wireName;
        this.type = type;
        this.nullable = nullable;
        this.sortable = sortable;
    }

    public static Optional<DeviceField> byWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public ValueType type() {
        return type;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public boolean sortable() {
        return sortable;
    }

    /** This member of {@code device}, for in-memory evaluation. */
    public ListLiteral valueOf(Device device) {
        return switch (this) {
            case ID -> new ListLiteral.Text(device.id().value());
            case DISPLAY_NAME -> new ListLiteral.Text(device.displayName());
            case TEMPLATE -> text(device.template());
            case ENABLED -> new ListLiteral.Bool(device.enabled());
            case PROVISIONED -> new ListLiteral.Bool(device.provisioned());
            case SIMULATED -> new ListLiteral.Bool(device.simulated());
            case ORGANIZATIONS -> text(device.organization());
            case CONNECTED -> new ListLiteral.Bool(device.connection().connected());
            case LAST_ACTIVITY -> device.connection().lastActivity().<ListLiteral>map(ListLiteral.Time::new)
                    .orElseGet(ListLiteral.Null::new);
        };
    }

    private static ListLiteral text(Optional<String> value) {
        return value.<ListLiteral>map(ListLiteral.Text::new).orElseGet(ListLiteral.Null::new);
    }
}
