package org.opencentral.platform.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.filter.Op;
import org.opencentral.core.filter.TextMatch;
import org.opencentral.core.group.MemberFilter;
import org.opencentral.core.group.MemberFilter.Compare;
import org.opencentral.core.group.MemberFilter.Metadata;
import org.opencentral.core.group.MemberFilter.Property;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.CapabilityKind;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.QueryLimits;

/** Device group filters: IoT Central's device query resolved to membership conditions, and its errors. */
class GroupFiltersTest {
    private static final String THERMOSTAT = "dtmi:com:example:Thermostat;1";
    private final GroupFilters filters = new GroupFilters(QueryLimits.DEFAULTS, new ThermostatCatalog());

    /** One template: property firmwareVersion, cloud property customerName, telemetry temperature, component thermostat1. */
    private static final class ThermostatCatalog implements CapabilityCatalog {
        @Override
        public boolean templateExists(String templateId) {
            return templateId.equals(THERMOSTAT);
        }

        @Override
        public CapabilityKind kindOf(String templateId, Optional<String> component, String name) {
            String path = component.map(c -> c + ".").orElse("") + name;
            return switch (path) {
                case "firmwareVersion", "thermostat1.maxTemp" -> CapabilityKind.PROPERTY;
                case "customerName" -> CapabilityKind.CLOUD_PROPERTY;
                case "temperature" -> CapabilityKind.TELEMETRY;
                default -> CapabilityKind.UNKNOWN;
            };
        }

        @Override
        public boolean hasComponent(String templateId, String name) {
            return name.equals("thermostat1");
        }
    }

    @Test
    void aQueryWithoutWhereMatchesEveryDevice() {
        assertThat(filters.parse("SELECT * FROM devices")).isEqualTo(MemberFilter.ALL);
        assertThat(filters.parse("select * from DEVICES")).isEqualTo(MemberFilter.ALL);
    }

    @Test
    void metadataAndPropertiesAreResolved() {
        MemberFilter filter = filters.parse("SELECT * FROM devices WHERE $template = \"dtmi:com:example:Thermostat;1\""
                + " AND firmwareVersion = \"1.2\" AND (thermostat1.maxTemp >= 30 OR $simulated = true)"
                + " AND NOT $enabled = false");

        assertThat(filter).isEqualTo(new MemberFilter.All(List.of(
                new Compare(Metadata.TEMPLATE, Op.EQ, new MemberFilter.Text("dtmi:com:example:Thermostat;1")),
                new Compare(new Property(List.of("firmwareVersion")), Op.EQ, new MemberFilter.Text("1.2")),
                new MemberFilter.Any(List.of(
                        new Compare(new Property(List.of("thermostat1", "maxTemp")), Op.GE,
                                new MemberFilter.Number(new BigDecimal("30"))),
                        new Compare(Metadata.SIMULATED, Op.EQ, new MemberFilter.Bool(true)))),
                new MemberFilter.Not(new Compare(Metadata.ENABLED, Op.EQ, new MemberFilter.Bool(false))))));
    }

    @Test
    void textFunctionsAndInListsAreConditions() {
        assertThat(filters.parse("SELECT * FROM devices WHERE startswith($displayName, 'Pump') OR contains(site, 'B')"))
                .isEqualTo(new MemberFilter.Any(List.of(
                        new MemberFilter.Match(TextMatch.STARTSWITH, Metadata.DISPLAY_NAME, "Pump"),
                        new MemberFilter.Match(TextMatch.CONTAINS, new Property(List.of("site")), "B"))));
        assertThat(filters.parse("SELECT * FROM devices WHERE $id IN ['a', 'b']"))
                .isEqualTo(new MemberFilter.Any(List.of(
                        new Compare(Metadata.ID, Op.EQ, new MemberFilter.Text("a")),
                        new Compare(Metadata.ID, Op.EQ, new MemberFilter.Text("b")))));
    }

    @Test
    void invalidFiltersAreRefusedWithThePositionOfTheError() {
        assertError("SELECT * FROM devices WHERE", "at 1:28: expected a condition but found end of query");
        assertError("SELECT $id FROM devices", "at 1:8: expected '*'");
        assertError("SELECT * FROM dtmi:com:example:Thermostat;1", "at 1:15: expected devices after FROM");
        assertError("SELECT * FROM devices WHERE $simulated = 'yes'",
                "at 1:29: $simulated can only be compared with true or false");
        assertError("SELECT * FROM devices WHERE $displayName > 3", "at 1:29: $displayName must be compared with a string");
        assertError("SELECT * FROM devices WHERE\n  $ts > '2026-01-01T00:00:00Z'", "at 2:3: $ts is the time of telemetry");
        assertError("SELECT * FROM devices WHERE contains($enabled, 'x')", "at 1:29: contains() needs text");
        assertError("SELECT * FROM devices WHERE WITHIN_WINDOW(P1D)", "at 1:29: WITHIN_WINDOW is for telemetry");
        assertError("SELECT * FROM devices WHERE x = 1 ORDER BY x", "at 1:35: expected AND, OR or end of query");
        assertError("SELECT * FROM devices WHERE $nothing = 1", "at 1:29: unknown name '$nothing'");
        assertError("SELECT * FROM devices WHERE on > true", "at 1:29: null, true and false can only be compared");
    }

    @Test
    void aFilterBeingSavedNamesPropertiesOfTheTemplateItSelects() {
        String where = "SELECT * FROM devices WHERE $template = \"" + THERMOSTAT + "\" AND ";
        assertThat(filters.check(where + "(firmwareVersion = '1.2' OR thermostat1.maxTemp > 30 OR customerName = 'C')"))
                .isEqualTo(filters.parse(where + "(firmwareVersion = '1.2' OR thermostat1.maxTemp > 30 OR customerName = 'C')"));
        assertThat(filters.check("SELECT * FROM devices WHERE anything = 1")).as("no template named: not checked")
                .isEqualTo(filters.parse("SELECT * FROM devices WHERE anything = 1"));
        assertCheckError(where + "NOT colour = 'red'", "at 1:81: 'colour' is not a property or cloud property of " + THERMOSTAT);
        assertCheckError(where + "temperature > 3", "at 1:77: 'temperature' is telemetry of " + THERMOSTAT);
        assertCheckError("SELECT * FROM devices WHERE $template = 'dtmi:x:Missing;1' AND a = 1",
                "at 1:29: device template 'dtmi:x:Missing;1' does not exist");
        assertThat(filters.parse("SELECT * FROM devices WHERE $template = 'dtmi:x:Missing;1' AND a = 1").toString())
                .as("a stored filter still reads after its template is gone").contains("dtmi:x:Missing;1");
    }

    private void assertCheckError(String filter, String message) {
        assertThatThrownBy(() -> filters.check(filter)).isInstanceOf(QueryException.class)
                .hasMessageStartingWith(message);
    }

    private void assertError(String filter, String message) {
        assertThatThrownBy(() -> filters.parse(filter)).isInstanceOf(QueryException.class)
                .hasMessageStartingWith(message);
    }
}
