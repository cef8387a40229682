package org.opencentral.dtdl;

import java.util.Map;
import java.util.Optional;

/** Models held in memory, keyed by DTMI (the platform backs this with its template store). */
public final class MapModelSource implements ModelSource {

    private final Map<String, String> jsonByDtmi;

    public MapModelSource(Map<String, String> jsonByDtmi) {
        this.jsonByDtmi = Map.copyOf(jsonByDtmi);
    }

    @Override
    public Optional<ModelDocument> find(String dtmi) {
        return Optional.ofNullable(jsonByDtmi.get(dtmi)).map(json -> new ModelDocument("model-source:" + dtmi, json));
    }
}
