package org.opencentral.dtdl.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.opencentral.dtdl.DtdlErrorCode;

/** Parsed definitions by DTMI, each parsed once; a definition reached again while parsing is a cycle. */
final class Definitions<T> {

    private final Map<String, Optional<T>> done = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    boolean known(String id) {
        return done.containsKey(id) || inProgress.contains(id);
    }

    Optional<T> define(String id, Element referrer, Supplier<Optional<T>> parse) {
        Optional<T> cached = done.get(id);
        if (cached != null) {
            return cached;
        }
        if (!inProgress.add(id)) {
            referrer.error(DtdlErrorCode.CYCLE, id + " refers back to itself (through extends, a component or a schema)");
            return Optional.empty();
        }
        Optional<T> parsed;
        try {
            parsed = parse.get();
        } finally {
            inProgress.remove(id);
        }
        done.put(id, parsed);
        return parsed;
    }
}
