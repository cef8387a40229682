package org.opencentral.dtdl.model;

import java.util.Arrays;
import java.util.Optional;

/** DTDL's GeoJSON-based geospatial schemas. */
public enum GeoKind {
    POINT("point", "Point"),
    MULTI_POINT("multiPoint", "MultiPoint"),
    LINE_STRING("lineString", "LineString"),
    MULTI_LINE_STRING("multiLineString", "MultiLineString"),
    POLYGON("polygon", "Polygon"),
    MULTI_POLYGON("multiPolygon", "MultiPolygon");

    private final String term;
    private final String geoJsonType;

    GeoKind(String term, String geoJsonType) {
        this.term = term;
        this.geoJsonType = geoJsonType;
    }

    public String term() {
        return term;
    }

    /** The GeoJSON {@code type} member of a value. */
    public String geoJsonType() {
        return geoJsonType;
    }

    public static Optional<GeoKind> ofTerm(String term) {
        return Arrays.stream(values()).filter(k -> k.term.equals(term)).findFirst();
    }
}
