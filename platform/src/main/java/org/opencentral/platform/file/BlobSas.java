package org.opencentral.platform.file;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SAS query of one blob in the embedded store, in Azure Storage's parameter names (so the Azure
 * Storage client keeps it): {@code sv}, {@code sr=b}, {@code sp=cw}, {@code se} (expiry, UTC
 * seconds) and {@code sig}, our HMAC-SHA256 over the blob name, the expiry and the permissions with
 * a key that lives as long as the process (a restart ends every SAS URI handed out before it).
 */
final class BlobSas {
    static final String VERSION = "2021-08-06";
    static final String PERMISSIONS = "cw";
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final byte[] key;
    private final Clock clock;

    BlobSas(Clock clock) {
        this.key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    /** The query ({@code ?…}) that lets its holder write {@code blobName} until {@code expiry}. */
    String token(String blobName, Instant expiry) {
        String se = EXPIRY.format(expiry.truncatedTo(ChronoUnit.SECONDS));
        return "?sv=" + VERSION + "&sr=b&sp=" + PERMISSIONS + "&se=" + se.replace(":", "%3A") + "&sig="
                + java.net.URLEncoder.encode(sign(blobName, se, PERMISSIONS), StandardCharsets.UTF_8);
    }

    /** Why {@code query} (decoded parameters) does not let its holder write {@code blobName}, if it does not. */
    Optional<String> refusal(String blobName, Map<String, List<String>> query) {
        Optional<String> se = single(query, "se");
        Optional<String> sp = single(query, "sp");
        Optional<String> sig = single(query, "sig");
        if (se.isEmpty() || sp.isEmpty() || sig.isEmpty()) {
            return Optional.of("the SAS query needs exactly one se, sp and sig");
        }
        if (!MessageDigest.isEqual(sign(blobName, se.get(), sp.get()).getBytes(StandardCharsets.US_ASCII),
                sig.get().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("the SAS signature does not match this blob");
        }
        if (!sp.get().contains("w")) {
            return Optional.of("the SAS does not grant write permission");
        }
        try {
            if (!Instant.from(EXPIRY.parse(se.get())).isAfter(clock.instant())) {
                return Optional.of("the SAS has expired");
            }
        } catch (DateTimeParseException e) {
            return Optional.of("the SAS expiry is not a time");
        }
        return Optional.empty();
    }

    private static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }

    private String sign(String blobName, String expiry, String permissions) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((blobName + "\n" + expiry + "\n" + permissions).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
