package org.opencentral.dtdl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An expanded Interface: {@code contents} holds the inherited contents (from {@code extends}, in
 * declaration order, each ancestor once) followed by its own; component schemas are expanded
 * interfaces too. {@code extendsIds} records the direct parents for information.
 * {@code namedInterfaceName} is the name of an IoT Central {@code NamedInterface}.
 */
public record Interface(
        Dtmi id,
        DtdlVersion version,
        ElementInfo info,
        List<Dtmi> extendsIds,
        List<Content> contents,
        List<Schema> schemas,
        Optional<String> namedInterfaceName) {

    public Interface {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(info, "info");
        extendsIds = List.copyOf(extendsIds);
        contents = List.copyOf(contents);
        schemas = List.copyOf(schemas);
        Objects.requireNonNull(namedInterfaceName, "namedInterfaceName");
    }

    public Optional<Content> content(String name) {
        for (Content content : contents) {
            if (content.name().equals(name)) {
                return Optional.of(content);
            }
        }
        return Optional.empty();
    }

    public List<Telemetry> telemetry() {
        return only(Telemetry.class);
    }

    public List<Property> properties() {
        return only(Property.class);
    }

    public List<Command> commands() {
        return only(Command.class);
    }

    public List<Component> components() {
        return only(Component.class);
    }

    public List<Relationship> relationships() {
        return only(Relationship.class);
    }

    private <T extends Content> List<T> only(Class<T> kind) {
        return contents.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
