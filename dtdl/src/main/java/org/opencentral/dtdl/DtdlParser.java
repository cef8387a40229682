package org.opencentral.dtdl;

import java.util.List;
import java.util.Objects;
import org.opencentral.dtdl.internal.ParseSession;

/**
 * Parses DTDL documents into expanded interfaces. Documents given together may reference each
 * other; anything else is asked of the {@link ModelSource}. Thread-safe if the source is.
 *
 * <pre>{@code
 * ParseResult result = new DtdlParser(new FolderModelSource(repo)).parse(List.of(document));
 * result.errors().forEach(e -> System.out.println(e.format()));
 * }</pre>
 */
public final class DtdlParser {

    private final ModelSource source;

    public DtdlParser(ModelSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A parser that resolves references only among the documents given together. */
    public static DtdlParser standalone() {
        return new DtdlParser(ModelSource.none());
    }

    public ParseResult parse(List<ModelDocument> documents) {
        return ParseSession.parse(List.copyOf(documents), source);
    }

    public ParseResult parse(ModelDocument document) {
        return parse(List.of(document));
    }

    public ParseResult parse(String location, String json) {
        return parse(new ModelDocument(location, json));
    }
}
