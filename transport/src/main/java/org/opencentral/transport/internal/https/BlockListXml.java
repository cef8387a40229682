package org.opencentral.transport.internal.https;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The body of a Put Block List: {@code <BlockList>} with {@code <Latest>}, {@code <Uncommitted>} or
 * {@code <Committed>} elements, each a block id, in the blob's order (the embedded store keeps only
 * uncommitted blocks, so the three mean the same). Read with StAX, DTDs and external entities off.
 */
final class BlockListXml {
    private static final Set<String> BLOCKS = Set.of("Latest", "Uncommitted", "Committed");
    private static final XMLInputFactory FACTORY = factory();

    private BlockListXml() {
    }

    /** The block ids, in order; empty if {@code body} is not a block list. */
    static Optional<List<String>> parse(byte[] body) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                if (reader.nextTag() != XMLStreamConstants.START_ELEMENT || !reader.getLocalName().equals("BlockList")) {
                    return Optional.empty();
                }
                List<String> ids = new ArrayList<>();
                while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    if (!BLOCKS.contains(reader.getLocalName())) {
                        return Optional.empty();
                    }
                    ids.add(reader.getElementText().strip());
                }
                return Optional.of(ids);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return Optional.empty();
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
