package org.opencentral.dtdl.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** Where each parsed record came from (by identity), for checks that run after expansion. */
final class Locations {

    record Loc(String document, String pointer) {
    }

    private final Map<Object, Loc> byRecord = new IdentityHashMap<>();

    <T> T put(T record, Element from) {
        byRecord.putIfAbsent(record, new Loc(from.scope().location(), from.pointer()));
        return record;
    }

    Optional<Loc> of(Object record) {
        return Optional.ofNullable(byRecord.get(record));
    }
}
