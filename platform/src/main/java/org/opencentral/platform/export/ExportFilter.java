package org.opencentral.platform.export;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.QueryParser;
import org.opencentral.platform.query.ast.QueryAst;

/**
 * An export's filter in the export query dialect, parsed once by the query language's parser:
 * {@code SELECT * FROM dtmi:…;1 WHERE …} (devices of one template) or {@code SELECT * FROM devices
 * WHERE …} (any device). The parser knows only template ids after FROM, so {@code devices} is read
 * as the placeholder id {@value #ANY_DEVICE}, of the same length, which keeps the positions of the
 * parser's messages exact.
 */
public record ExportFilter(String text, Optional<String> template, QueryAst query) {
    private static final String ANY_DEVICE = "urn:x:x";
    private static final Pattern FROM_DEVICES = Pattern.compile(
            "^(\\s*SELECT\\s+\\*\\s+FROM\\s+)devices(?=\\s|$)", Pattern.CASE_INSENSITIVE);
    private static final QueryParser PARSER = new QueryParser(QueryLimits.DEFAULTS);

    public ExportFilter {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(query, "query");
    }

    /** Parses {@code text}; a 400 with the parser's positioned message when it is not a filter. */
    public static ExportFilter parse(String text) {
        Matcher devices = FROM_DEVICES.matcher(text);
        boolean anyDevice = devices.find();
        String parsed = anyDevice ? devices.replaceFirst("$1" + ANY_DEVICE) : text;
        QueryAst query;
        try {
            query = PARSER.parse(parsed);
        } catch (DomainException e) {
            throw DomainException.badRequest("invalid export filter: " + e.getMessage());
        }
        return new ExportFilter(text, anyDevice ? Optional.empty() : Optional.of(query.from().id()), query);
    }
}
