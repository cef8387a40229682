package org.opencentral.transport.internal.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Put Block List bodies: the ids in order whatever list they are in; anything else, and any DTD, is no list. */
class BlockListXmlTest {
    private static java.util.Optional<List<String>> parse(String xml) {
        return BlockListXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theIdsComeInTheBodysOrder() {
        assertThat(parse("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>QQ==</Latest>"
                + "<Uncommitted> Qg== </Uncommitted><Committed>Qw==</Committed></BlockList>"))
                .contains(List.of("QQ==", "Qg==", "Qw=="));
        assertThat(parse("<BlockList/>")).contains(List.of());
    }

    @Test
    void otherDocumentsAndEntitiesAreNoBlockList() {
        assertThat(parse("<Blocks><Latest>QQ==</Latest></Blocks>")).isEmpty();
        assertThat(parse("<BlockList><Block>QQ==</Block></BlockList>")).isEmpty();
        assertThat(parse("<BlockList><Latest>QQ==</Latest>")).isEmpty();
        assertThat(parse("not xml")).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("<?xml version=\"1.0\"?><!DOCTYPE BlockList [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<BlockList><Latest>&x;</Latest></BlockList>")).isEmpty();
    }
}
