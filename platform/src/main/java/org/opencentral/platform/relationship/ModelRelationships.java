package org.opencentral.platform.relationship;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Dtmi;
import org.opencentral.dtdl.model.Relationship;
import org.opencentral.platform.template.TemplateModel;
import org.opencentral.platform.template.TemplateService;

/**
 * The Relationship elements a source device's model declares, and what they allow: the name of a
 * relationship must be one of them (absent, it defaults to the only one), and a Relationship with a
 * {@code target} only links to devices whose template is that model (or whose model is or extends
 * it). A source without a template, or whose model declares no Relationship, constrains nothing.
 */
final class ModelRelationships {
    private final TemplateService templates;

    ModelRelationships(TemplateService templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** The name to store for a relationship from {@code source} to {@code target}; 400 if the model forbids it. */
    Optional<String> check(Device source, Optional<String> name, Device target) {
        Optional<TemplateModel> model = templates.of(source);
        List<Relationship> declared = model.map(m -> m.model().root().relationships()).orElse(List.of());
        if (declared.isEmpty()) {
            return name;
        }
        String template = model.get().template().id();
        Relationship chosen = choose(declared, name, source, template);
        chosen.target().filter(dtmi -> !instanceOf(target, dtmi)).ifPresent(dtmi -> {
            throw DomainException.badRequest("relationship '" + chosen.name() + "' of template '" + template
                    + "' links to devices of template '" + dtmi.value() + "', but device '" + target.id() + "' "
                    + target.template().map(t -> "has template '" + t + "'").orElse("has no template"));
        });
        return Optional.of(chosen.name());
    }

    private static Relationship choose(List<Relationship> declared, Optional<String> name, Device source,
            String template) {
        if (name.isEmpty() && declared.size() == 1) {
            return declared.getFirst();
        }
        String allowed = declared.stream().map(r -> "'" + r.name() + "'").collect(Collectors.joining(", "));
        if (name.isEmpty()) {
            throw DomainException.badRequest("a relationship of device '" + source.id() + "' needs a 'name': "
                    + "template '" + template + "' declares the relationships " + allowed);
        }
        return declared.stream().filter(r -> r.name().equals(name.get())).findFirst()
                .orElseThrow(() -> DomainException.badRequest("'" + name.get() + "' is not a relationship of "
                        + "template '" + template + "' of device '" + source.id() + "'; allowed names: " + allowed));
    }

    private boolean instanceOf(Device target, Dtmi expected) {
        if (target.template().filter(expected.value()::equals).isPresent()) {
            return true;
        }
        Optional<DeviceModel> model = templates.of(target).map(TemplateModel::model);
        return model.filter(m -> m.id().equals(expected) || m.root().extendsIds().contains(expected)).isPresent();
    }
}
