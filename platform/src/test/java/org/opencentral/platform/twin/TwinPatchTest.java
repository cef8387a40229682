package org.opencentral.platform.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.twin.TwinSection;

class TwinPatchTest {
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-01T00:01:00Z");

    private static ObjectNode json(String text) {
        return Json.parseObject(text);
    }

    @Test
    void membersAreSetMergedAndDeletedWithIncreasingVersions() {
        TwinSection first = TwinPatch.apply(TwinSection.EMPTY, json("""
                {"fan": 1, "settings": {"mode": "eco", "limit": 3}, "gone": true}"""), T1, false);
        TwinSection second = TwinPatch.apply(first, json("""
                {"settings": {"limit": null, "level": 2}, "gone": null, "$version": 99}"""), T2, false);

        assertThat(first.version()).isEqualTo(2);
        assertThat(second.version()).isEqualTo(3);
        assertThat(second.properties()).isEqualTo(json("""
                {"fan": 1, "settings": {"mode": "eco", "level": 2}}"""));
    }

    @Test
    void metadataRecordsWhenEachLeafWasLastWritten() {
        TwinSection first = TwinPatch.apply(TwinSection.EMPTY, json("{\"a\": 1, \"o\": {\"x\": 1, \"y\": 2}}"), T1, true);
        TwinSection second = TwinPatch.apply(first, json("{\"o\": {\"y\": 3}}"), T2, true);

        ObjectNode meta = second.metadata();
        assertThat(meta.at("/a/$lastUpdated").asText()).isEqualTo(T1.toString());
        assertThat(meta.at("/o/x/$lastUpdated").asText()).isEqualTo(T1.toString());
        assertThat(meta.at("/o/y/$lastUpdated").asText()).isEqualTo(T2.toString());
        assertThat(meta.at("/o/$lastUpdated").asText()).isEqualTo(T2.toString());
        assertThat(meta.at("/o/y/$lastUpdatedVersion").asLong()).isEqualTo(3);
        assertThat(meta.at("/$lastUpdated").asText()).isEqualTo(T2.toString());
    }

    @Test
    void nullsInsideANewObjectAreNotStored() {
        TwinSection section = TwinPatch.apply(TwinSection.EMPTY, json("{\"o\": {\"x\": null, \"y\": 1}}"), T1, false);
        assertThat(section.properties()).isEqualTo(json("{\"o\": {\"y\": 1}}"));
    }

    @Test
    void replaceRemovesMembersMissingFromTheReplacement() {
        TwinSection first = TwinPatch.apply(TwinSection.EMPTY, json("{\"a\": 1, \"b\": 2}"), T1, true);
        TwinSection replaced = TwinPatch.replace(first, json("{\"b\": 3, \"c\": 4}"), T2, true);
        assertThat(replaced.properties()).isEqualTo(json("{\"b\": 3, \"c\": 4}"));
        assertThat(replaced.metadata().has("a")).isFalse();
    }

    @Test
    void illegalNamesAreRefused() {
        for (String bad : new String[] {"{\"a.b\": 1}", "{\"$x\": 1}", "{\"o\": {\"a b\": 1}}", "{\"\": 1}"}) {
            assertThatThrownBy(() -> TwinPatch.apply(TwinSection.EMPTY, json(bad), T1, false))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        }
    }

    @Test
    void tooDeepPatchesAreRefused() {
        ObjectNode deep = Json.object();
        ObjectNode cursor = deep;
        for (int i = 0; i < TwinPatch.MAX_DEPTH + 1; i++) {
            cursor = cursor.putObject("level" + i);
        }
        assertThatThrownBy(() -> TwinPatch.apply(TwinSection.EMPTY, deep, T1, false))
                .hasMessageContaining("deeper");
    }

    @Test
    void oversizedSectionsAreRefused() {
        ObjectNode big = Json.object().put("blob", "x".repeat(TwinPatch.MAX_SECTION_BYTES));
        assertThatThrownBy(() -> TwinPatch.apply(TwinSection.EMPTY, big, T1, false))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void theInputSectionIsNotChanged() {
        TwinSection first = TwinPatch.apply(TwinSection.EMPTY, json("{\"a\": 1}"), T1, false);
        TwinPatch.apply(first, json("{\"a\": 2}"), T2, false);
        assertThat(first.properties()).isEqualTo(json("{\"a\": 1}"));
    }
}
