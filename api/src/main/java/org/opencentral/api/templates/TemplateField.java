package org.opencentral.api.templates;

import org.opencentral.core.filter.ListField;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.ValueType;
import org.opencentral.core.template.DeviceTemplate;

/** The members a device template list can be filtered and ordered by. */
enum TemplateField implements ListField {
    ID("id"),
    DISPLAY_NAME("displayName");

    private final String wireName;

    TemplateField(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public ValueType type() {
        return ValueType.TEXT;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public boolean sortable() {
        return true;
    }

    ListLiteral valueOf(TemplateListing.Key key) {
        return new ListLiteral.Text(switch (this) {
            case ID -> key.id();
            case DISPLAY_NAME -> key.displayName();
        });
    }

    static TemplateListing.Key key(DeviceTemplate template) {
        return new TemplateListing.Key(template.id(), template.displayName());
    }
}
