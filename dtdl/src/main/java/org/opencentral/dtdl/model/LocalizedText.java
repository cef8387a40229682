package org.opencentral.dtdl.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A localizable string ({@code displayName}, {@code description}): language tag → text. A plain
 * string in a model is stored under {@code en}, the DTDL default language. Empty when absent.
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public static final String DEFAULT_LANGUAGE = "en";
    private static final LocalizedText NONE = new LocalizedText(Map.of());

    public LocalizedText {
        byLanguage = Collections.unmodifiableMap(new TreeMap<>(byLanguage));
    }

    public static LocalizedText none() {
        return NONE;
    }

    public static LocalizedText of(String defaultLanguageText) {
        return new LocalizedText(Map.of(DEFAULT_LANGUAGE, defaultLanguageText));
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    /** The text in the given language, if present. */
    public Optional<String> in(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    /** The English text, else the first by language tag, else empty. */
    public Optional<String> text() {
        return in(DEFAULT_LANGUAGE).or(() -> byLanguage.values().stream().findFirst());
    }
}
