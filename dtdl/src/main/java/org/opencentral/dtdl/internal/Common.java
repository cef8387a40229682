package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.Dtmi;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.LocalizedText;

/** Properties every element shares: {@code @id}, {@code displayName}, {@code description}, {@code comment}. */
final class Common {

    static final Set<String> KEYS = Set.of("@id", "@type", "comment", "description", "displayName");
    static final int DISPLAY_NAME_MAX = 64;
    static final int DESCRIPTION_MAX = 512;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*");

    private Common() {
    }

    static Set<String> keys(String... more) {
        Set<String> keys = new java.util.HashSet<>(KEYS);
        keys.addAll(List.of(more));
        return keys;
    }

    static ElementInfo info(Element el, int maxIdLength, List<String> otherTypes) {
        Optional<Dtmi> id = Optional.empty();
        if (el.has("@id")) {
            id = el.text("@id").flatMap(value -> DtmiRules.check(el.child("@id"), value, maxIdLength, true));
        }
        LocalizedText displayName = localized(el, "displayName", DISPLAY_NAME_MAX);
        LocalizedText description = localized(el, "description", DESCRIPTION_MAX);
        Optional<String> comment = el.text("comment").filter(c -> withinLimit(el.child("comment"), c, DESCRIPTION_MAX));
        return new ElementInfo(id, displayName, description, comment, otherTypes);
    }

    static LocalizedText localized(Element el, String key, int max) {
        JsonNode value = el.node().get(key);
        if (value == null) {
            return LocalizedText.none();
        }
        Element at = el.child(key);
        if (value.isTextual()) {
            return withinLimit(at, value.textValue(), max) ? LocalizedText.of(value.textValue()) : LocalizedText.none();
        }
        if (!value.isObject()) {
            at.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "'" + key + "' must be a string or a map of language tag to string");
            return LocalizedText.none();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Element langAt = at.child(entry.getKey());
            if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
                langAt.error(DtdlErrorCode.LANGUAGE_TAG_INVALID, "'" + entry.getKey() + "' is not a language tag (BCP 47)");
            } else if (!entry.getValue().isTextual()) {
                langAt.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "localized '" + key + "' values must be strings");
            } else if (withinLimit(langAt, entry.getValue().textValue(), max)) {
                texts.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        return new LocalizedText(texts);
    }

    private static boolean withinLimit(Element at, String text, int max) {
        if (text.length() > max) {
            at.error(DtdlErrorCode.STRING_TOO_LONG, "text is " + text.length() + " characters long; the limit is " + max);
            return false;
        }
        return true;
    }
}
