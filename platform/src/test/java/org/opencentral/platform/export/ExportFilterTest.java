package org.opencentral.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;

/** Export filters: both sources of the export dialect parse, and errors point at the filter's own text. */
class ExportFilterTest {
    @Test
    void aFilterOnOneTemplateKnowsItsTemplate() {
        ExportFilter filter = ExportFilter.parse("SELECT * FROM dtmi:contoso:Thermostat;1 WHERE temperature > 30");

        assertThat(filter.template()).contains("dtmi:contoso:Thermostat;1");
        assertThat(filter.query().where()).isPresent();
    }

    @Test
    void aFilterOnAnyDeviceHasNoTemplate() {
        ExportFilter filter = ExportFilter.parse("select * from devices WHERE $displayName != \"from devices\"");

        assertThat(filter.template()).isEmpty();
        assertThat(filter.text()).isEqualTo("select * from devices WHERE $displayName != \"from devices\"");
        assertThat(ExportFilter.parse("SELECT * FROM devices").query().where()).isEmpty();
    }

    @Test
    void errorsArePositionedInTheTextAsWritten() {
        assertThatThrownBy(() -> ExportFilter.parse("SELECT * FROM devices WHERE"))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("invalid export filter: at 1:28:");
        assertThatThrownBy(() -> ExportFilter.parse("SELECT * FROM devicesX WHERE a > 1"))
                .hasMessageStartingWith("invalid export filter: at 1:15:");
    }
}
