package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencentral.store.contract.Fixtures.assertFails;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.export.Customization;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Enrichment;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.export.WebhookAuthorization;
import org.opencentral.core.export.WebhookDestination;
import org.opencentral.core.secret.SecretCipherException;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.StateStore;

/** Data export definitions: round trips, destination order, references, paging, and sealed secrets. */
public interface ExportStoreContract extends StoreFixture {
    String HEADER_SECRET = "header-secret-value";
    String AUTH_SECRET = "Bearer authorization-secret";

    static WebhookDestination webhook(String id) {
        return new WebhookDestination(id, "Hook " + id, URI.create("https://example.com/hook/" + id),
                Map.of("code", new Customization("query-secret", true), "plain", new Customization("p", false)),
                Map.of("X-Key", new Customization(HEADER_SECRET, true)),
                Optional.of(new WebhookAuthorization.Header(AUTH_SECRET)));
    }

    static Export export(String id, String... destinations) {
        return new Export(id, "Export " + id, true, ExportSource.TELEMETRY, Optional.of("SELECT * FROM devices"),
                Map.of("site", new Enrichment(Optional.empty(), Optional.empty(), Optional.of(Json.parse("\"north\""))),
                        "name", new Enrichment(Optional.empty(), Optional.of("$displayName"), Optional.empty())),
                java.util.Arrays.stream(destinations).map(d -> new DestinationReference(d,
                        d.endsWith("2") ? Optional.of("{ id: .device.id }") : Optional.empty())).toList());
    }

    @Test
    default void destinationsAndExportsRoundTripAndSurviveAReopen() {
        assertThat(store().exports().putDestination(webhook("d1"))).isTrue();
        assertThat(store().exports().putDestination(webhook("d2"))).isTrue();
        assertThat(store().exports().putExport(export("e1", "d2", "d1"))).isTrue();
        assertThat(store().exports().putExport(export("e1", "d2", "d1"))).isFalse();

        assertThat(reopen().exports().findDestination("d1")).contains(webhook("d1"));
        assertThat(store().exports().findExport("e1")).contains(export("e1", "d2", "d1"));
        assertThat(store().exports().findExport("e1").orElseThrow().destinations())
                .extracting(DestinationReference::id).containsExactly("d2", "d1");
    }

    @Test
    default void secretsAreSealedAtRestAndBoundToTheirDestination() throws SQLException {
        store().exports().putDestination(webhook("d1"));
        store().exports().putDestination(webhook("d2"));

        String config = rawConfig("d1");
        assertThat(config).doesNotContain(HEADER_SECRET, AUTH_SECRET, "query-secret").contains("enc1:", "\"p\"");
        assertThat(store().exports().findDestination("d1")).contains(webhook("d1"));

        StateStore reopened = reopenAfter(() -> rawUpdate("UPDATE data_export_destinations SET config = '"
                + config.replace("'", "''") + "' WHERE id = 'd2'"));
        assertThatThrownBy(() -> reopened.exports().findDestination("d2")).isInstanceOf(SecretCipherException.class);
    }

    @Test
    default void anExportNamesOnlyExistingDestinationsAndADestinationInUseIsKept() {
        store().exports().putDestination(webhook("d1"));

        assertFails(ErrorCode.BAD_REQUEST, () -> store().exports().putExport(export("e1", "d1", "missing")));
        assertThat(store().exports().findExport("e1")).isEmpty();

        store().exports().putExport(export("e1", "d1"));
        assertFails(ErrorCode.CONFLICT, () -> store().exports().deleteDestination("d1"));
        assertThat(store().exports().deleteExport("e1")).isTrue();
        assertThat(store().exports().deleteExport("e1")).isFalse();
        assertThat(store().exports().deleteDestination("d1")).isTrue();
        assertThat(store().exports().findDestination("d1")).isEmpty();
    }

    @Test
    default void listsArePagedInIdOrder() {
        for (String d : List.of("d3", "d1", "d2")) {
            store().exports().putDestination(webhook(d));
        }
        store().exports().putExport(export("e2", "d1"));
        store().exports().putExport(export("e1", "d2", "d1"));
        store().exports().putExport(export("e3", "d3"));

        Page<org.opencentral.core.export.Destination> first = store().exports().listDestinations(Optional.empty(), 2);
        assertThat(first.items()).extracting(org.opencentral.core.export.Destination::id).containsExactly("d1", "d2");
        assertThat(store().exports().listDestinations(first.next(), 2).items())
                .extracting(org.opencentral.core.export.Destination::id).containsExactly("d3");

        Page<Export> exports = store().exports().listExports(Optional.empty(), 2);
        assertThat(exports.items()).containsExactly(export("e1", "d2", "d1"), export("e2", "d1"));
        assertThat(store().exports().listExports(exports.next(), 2).items()).containsExactly(export("e3", "d3"));
        assertThat(store().exports().listExportsTo("d1", Optional.empty(), 10).items()).extracting(Export::id)
                .containsExactly("e1", "e2");
        assertThat(store().exports().listExportsTo("d1", Optional.empty(), 1).next()).contains("e1");
    }

    private void rawUpdate(String sql) {
        try (Connection connection = rawConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String rawConfig(String id) throws SQLException {
        try (Connection connection = rawConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT config FROM data_export_destinations WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
