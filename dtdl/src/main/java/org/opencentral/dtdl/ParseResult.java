package org.opencentral.dtdl;

import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Interface;

/**
 * The interfaces defined at the top level of the given documents, expanded, plus every error found
 * (in those documents and in documents loaded from the model source). When there are errors the
 * interfaces are best effort (elements in error are left out) and {@link #model} returns empty.
 */
public record ParseResult(List<Interface> interfaces, List<DtdlError> errors) {

    public ParseResult {
        interfaces = List.copyOf(interfaces);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The interface with this DTMI, only if the whole result is valid. */
    public Optional<Interface> find(String dtmi) {
        if (!valid()) {
            return Optional.empty();
        }
        return interfaces.stream().filter(i -> i.id().value().equals(dtmi)).findFirst();
    }

    /** The device model rooted at this DTMI, only if the whole result is valid. */
    public Optional<DeviceModel> model(String dtmi) {
        return find(dtmi).map(DeviceModel::new);
    }

    public List<DtdlError> errorsIn(String document) {
        return errors.stream().filter(e -> e.document().equals(document)).toList();
    }
}
