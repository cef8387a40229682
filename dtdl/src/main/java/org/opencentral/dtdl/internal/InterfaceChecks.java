package org.opencentral.dtdl.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.Interface;

/** Flattens inherited contents into an interface and checks names and the v2 contents limit. */
final class InterfaceChecks {

    private static final int MAX_CONTENTS_V2 = 300;

    private InterfaceChecks() {
    }

    static List<Content> expand(Element el, List<Interface> parents, List<Content> own) {
        Map<String, Content> byName = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        for (Interface parent : parents) {
            for (Content c : parent.contents()) {
                Content existing = byName.putIfAbsent(c.name(), c);
                if (existing == null) {
                    from.put(c.name(), parent.id().value());
                } else if (!existing.equals(c)) {
                    el.child("extends").error(DtdlErrorCode.NAME_DUPLICATE, "'" + c.name() + "' is inherited from both "
                            + from.get(c.name()) + " and " + parent.id());
                }
            }
        }
        List<Content> all = new ArrayList<>(byName.values());
        for (Content c : own) {
            if (byName.containsKey(c.name())) {
                String why = from.containsKey(c.name()) ? "is already inherited from " + from.get(c.name())
                        : "is used by another content of this interface";
                errorAtName(el, c, "name '" + c.name() + "' " + why + "; names must be unique in an interface");
            } else {
                byName.put(c.name(), c);
                all.add(c);
            }
        }
        if (el.scope().v2() && all.size() > MAX_CONTENTS_V2) {
            el.child("contents").error(DtdlErrorCode.CONTENTS_LIMIT, all.size() + " contents including inherited ones;"
                    + " the limit in DTDL v2 is " + MAX_CONTENTS_V2);
        }
        return all;
    }

    private static void errorAtName(Element el, Content c, String message) {
        el.session().locations().of(c).ifPresentOrElse(
                loc -> el.session().errors().add(loc.document(), loc.pointer() + "/name", DtdlErrorCode.NAME_DUPLICATE, message),
                () -> el.child("contents").error(DtdlErrorCode.NAME_DUPLICATE, message));
    }
}
