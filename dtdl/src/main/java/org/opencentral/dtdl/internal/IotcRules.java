package org.opencentral.dtdl.internal;

import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcAdjunct;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Schema;

/** The schema constraints of the IoT Central extension's adjunct types. */
final class IotcRules {

    private IotcRules() {
    }

    static void check(Element el, ElementTypes t, Schema schema) {
        for (IotcAdjunct adjunct : t.iotc()) {
            String expected = switch (adjunct) {
                case STATE -> schema instanceof EnumSchema ? "" : "an Enum schema";
                case EVENT -> eventSchema(schema) ? "" : "a double, float, integer, long or string schema";
                case LOCATION -> schema instanceof Geospatial || schema instanceof IotcGeopoint ? ""
                        : "a geospatial schema or geopoint";
                case VELOCITY_VECTOR, ACCELERATION_VECTOR -> schema instanceof IotcVector ? "" : "the vector schema";
                case CLOUD, INITIALIZED, EVENT_VALUE -> "";
            };
            if (!expected.isEmpty()) {
                el.child("schema").error(DtdlErrorCode.IOTC_SCHEMA_MISMATCH, "IoT Central co-type " + adjunct.term()
                        + " needs " + expected);
            }
        }
    }

    private static boolean eventSchema(Schema schema) {
        return schema instanceof Primitive p && (p.kind().numeric() || p.kind() == PrimitiveKind.STRING);
    }
}
