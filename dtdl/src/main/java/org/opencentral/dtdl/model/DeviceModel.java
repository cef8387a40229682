package org.opencentral.dtdl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A device's capability model seen from the platform: the root interface's own capabilities
 * ({@code component} empty) and those of each component, looked up by name.
 */
public record DeviceModel(Interface root) {

    public DeviceModel {
        Objects.requireNonNull(root, "root");
    }

    public Dtmi id() {
        return root.id();
    }

    public List<Component> components() {
        return root.components();
    }

    public Optional<Component> component(String name) {
        return root.content(name).filter(Component.class::isInstance).map(Component.class::cast);
    }

    /** The interface holding the capabilities of a component, or the root for an empty component. */
    public Optional<Interface> scope(Optional<String> component) {
        return component.isEmpty() ? Optional.of(root) : component(component.get()).map(Component::schema);
    }

    /** A Telemetry, Property, Command or Relationship; never a Component. */
    public Optional<Content> capability(Optional<String> component, String name) {
        return scope(component).flatMap(i -> i.content(name)).filter(c -> !(c instanceof Component));
    }

    public List<Telemetry> telemetry(Optional<String> component) {
        return scope(component).map(Interface::telemetry).orElse(List.of());
    }

    public List<Property> properties(Optional<String> component) {
        return scope(component).map(Interface::properties).orElse(List.of());
    }

    public List<Command> commands(Optional<String> component) {
        return scope(component).map(Interface::commands).orElse(List.of());
    }

    public Optional<Telemetry> telemetry(Optional<String> component, String name) {
        return capability(component, name).filter(Telemetry.class::isInstance).map(Telemetry.class::cast);
    }

    public Optional<Property> property(Optional<String> component, String name) {
        return capability(component, name).filter(Property.class::isInstance).map(Property.class::cast);
    }

    public Optional<Command> command(Optional<String> component, String name) {
        return capability(component, name).filter(Command.class::isInstance).map(Command.class::cast);
    }

    /**
     * The value schema of a Telemetry or Property; for a Command, the request schema (empty when the
     * command takes no request); empty for a Relationship.
     */
    public Optional<Schema> schema(Optional<String> component, String name) {
        return capability(component, name).flatMap(DeviceModel::schemaOf);
    }

    private static Optional<Schema> schemaOf(Content content) {
        return switch (content) {
            case Telemetry t -> Optional.of(t.schema());
            case Property p -> Optional.of(p.schema());
            case Command c -> c.request().map(CommandPayload::schema);
            case Component c -> Optional.empty();
            case Relationship r -> Optional.empty();
        };
    }
}
