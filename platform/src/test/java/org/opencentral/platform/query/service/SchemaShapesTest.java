package org.opencentral.platform.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencentral.dtdl.model.GeoKind;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.platform.query.ValueShape;

class SchemaShapesTest {
    @Test
    void iotCentralsGeopointAndVectorHaveTheirMembersInOrder() {
        assertThat(SchemaShapes.of(new IotcGeopoint())).isInstanceOfSatisfying(ValueShape.Members.class, m -> {
            assertThat(m.names()).containsExactly("lat", "lon", "alt");
            assertThat(m.describe()).isEqualTo("a geopoint");
            assertThat(m.member("lat")).containsInstanceOf(ValueShape.Scalar.class);
        });
        assertThat(SchemaShapes.of(new IotcVector())).isInstanceOfSatisfying(ValueShape.Members.class,
                m -> assertThat(m.names()).containsExactly("x", "y", "z"));
    }

    @Test
    void primitivesAreScalarsAndGeoJsonIsOpaque() {
        assertThat(SchemaShapes.of(Primitive.of(PrimitiveKind.DOUBLE))).isEqualTo(new ValueShape.Scalar("a double"));
        assertThat(SchemaShapes.of(new Geospatial(GeoKind.values()[0]))).isInstanceOf(ValueShape.Opaque.class);
    }
}
