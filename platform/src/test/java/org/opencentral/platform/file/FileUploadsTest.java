package org.opencentral.platform.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.file.DeviceFile;
import org.opencentral.core.file.FileUploadConfig;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * IoT Hub's file-upload flow over a real SQLite state store and a real folder; with a storage
 * configuration, the SAS URIs of its Azure container (signed locally; the uploads themselves are
 * tested against Azurite in compat-tests).
 */
class FileUploadsTest {
    private static final DeviceId CAMERA = DeviceId.of("camera");
    private static final DeviceId OTHER = DeviceId.of("other");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    StateStore state;
    FileUploads uploads;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        DeviceRegistry devices = new DeviceRegistry(state.devices(), state.outbox(), new DeviceSessions(timer), new CommandHistory(state.commandHistory()), clock);
        for (DeviceId id : List.of(CAMERA, OTHER)) {
            devices.create(id, new DeviceChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }
        uploads = new FileUploads(state.files(), new FileUploadSettings(Optional.of(dir.resolve("files")), 10, 25,
                Duration.ofHours(1)), clock);
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        state.close();
    }

    @Test
    void aDeviceUploadsAFileAndNotifiesTheOutcome() throws Exception {
        BlobGrant grant = uploads.request(CAMERA, "snaps/1.jpg", "hub.example.com");
        assertThat(grant.hostName()).isEqualTo("hub.example.com");
        assertThat(grant.containerName()).isEqualTo("devicefiles/uploads");
        assertThat(grant.blobName()).isEqualTo("camera/snaps/1.jpg");
        assertThat(grant.sasToken()).startsWith("?sv=").contains("&sr=b&sp=cw&se=2026-12-01T11%3A00%3A00Z&sig=");

        clock.advance(Duration.ofSeconds(30));
        BlobPut put = uploads.embedded().put(grant.blobName(), query(grant), Optional.of("image/jpeg"), bytes(8));
        DeviceFile file = ((BlobPut.Stored) put).file();
        assertThat(file).isEqualTo(new DeviceFile(grant.correlationId(), CAMERA, "camera/snaps/1.jpg",
                Instant.parse("2026-12-01T10:00:00Z"), DeviceFile.Status.UPLOADED, 8, Optional.of("image/jpeg"),
                Optional.of(Instant.parse("2026-12-01T10:00:30Z")), Optional.empty()));
        assertThat(Files.readAllBytes(uploads.content(file))).isEqualTo(bytes(8));

        uploads.notify(CAMERA, grant.correlationId(), true);
        assertThat(state.files().find(grant.correlationId()).orElseThrow().status()).isEqualTo(DeviceFile.Status.COMPLETED);
        assertRefused(() -> uploads.notify(CAMERA, grant.correlationId(), true), ErrorCode.BAD_REQUEST);
    }

    @Test
    void aSasLetsItsHolderWriteItsOwnBlobOnceBeforeItExpires() {
        BlobGrant grant = uploads.request(CAMERA, "a.bin", "hub");
        Map<String, List<String>> query = query(grant);
        assertAuthenticationFailed(uploads.embedded().put("other/a.bin", query, Optional.empty(), bytes(1)), "does not match");
        assertAuthenticationFailed(uploads.embedded().put("camera/b.bin", query, Optional.empty(), bytes(1)), "does not match");
        Map<String, List<String>> readOnly = new LinkedHashMap<>(query);
        readOnly.put("sp", List.of("r"));
        assertAuthenticationFailed(uploads.embedded().put(grant.blobName(), readOnly, Optional.empty(), bytes(1)), "does not match");
        Map<String, List<String>> twice = new LinkedHashMap<>(query);
        twice.put("sig", List.of(query.get("sig").getFirst(), query.get("sig").getFirst()));
        assertAuthenticationFailed(uploads.embedded().put(grant.blobName(), twice, Optional.empty(), bytes(1)), "exactly one");

        assertThat(uploads.embedded().put(grant.blobName(), query, Optional.empty(), bytes(1))).isInstanceOf(BlobPut.Stored.class);
        assertThat(uploads.embedded().put(grant.blobName(), query, Optional.empty(), bytes(1)))
                .isEqualTo(new BlobPut.Refused(409, "BlobAlreadyExists", "this SAS URI was used already"));

        BlobGrant late = uploads.request(CAMERA, "late.bin", "hub");
        clock.advance(Duration.ofHours(1));
        assertAuthenticationFailed(uploads.embedded().put(late.blobName(), query(late), Optional.empty(), bytes(1)), "expired");
    }

    @Test
    void filesOverTheSizeLimitOrTheDevicesQuotaAreRefused() {
        BlobGrant tooLarge = uploads.request(CAMERA, "big", "hub");
        assertThat(uploads.embedded().put(tooLarge.blobName(), query(tooLarge), Optional.empty(), bytes(11)))
                .isInstanceOfSatisfying(BlobPut.Refused.class, r -> assertThat(r.code()).isEqualTo("RequestBodyTooLarge"));
        for (String name : List.of("one", "two")) {
            BlobGrant grant = uploads.request(CAMERA, name, "hub");
            assertThat(uploads.embedded().put(grant.blobName(), query(grant), Optional.empty(), bytes(10)))
                    .isInstanceOf(BlobPut.Stored.class);
        }
        BlobGrant third = uploads.request(CAMERA, "three", "hub");
        assertThat(uploads.embedded().put(third.blobName(), query(third), Optional.empty(), bytes(6)))
                .isInstanceOfSatisfying(BlobPut.Refused.class, r -> {
                    assertThat(r.status()).isEqualTo(403);
                    assertThat(r.code()).isEqualTo("QuotaExceeded");
                });
        assertThat(uploads.embedded().put(third.blobName(), query(third), Optional.empty(), bytes(5))).isInstanceOf(BlobPut.Stored.class);
        BlobGrant others = uploads.request(OTHER, "x", "hub");
        assertThat(uploads.embedded().put(others.blobName(), query(others), Optional.empty(), bytes(10)))
                .isInstanceOf(BlobPut.Stored.class);
    }

    @Test
    void badNamesUnknownCorrelationsAndADisabledStoreAreRefused() {
        for (String name : List.of("", " ", "../etc", "a//b", "a/./b", "tab\there", "back\\slash", "x".repeat(1025))) {
            assertRefused(() -> uploads.request(CAMERA, name, "hub"), ErrorCode.BAD_REQUEST);
        }
        assertRefused(() -> uploads.request(DeviceId.of("ghost"), "a", "hub"), ErrorCode.NOT_FOUND);
        BlobGrant grant = uploads.request(CAMERA, "a", "hub");
        assertRefused(() -> uploads.notify(OTHER, grant.correlationId(), false), ErrorCode.NOT_FOUND);
        assertRefused(() -> uploads.notify(CAMERA, "unknown", false), ErrorCode.NOT_FOUND);
        assertRefused(() -> uploads.notify(CAMERA, grant.correlationId(), true), ErrorCode.BAD_REQUEST);
        uploads.notify(CAMERA, grant.correlationId(), false);
        assertThat(state.files().find(grant.correlationId()).orElseThrow().status()).isEqualTo(DeviceFile.Status.FAILED);

        FileUploads disabled = new FileUploads(state.files(), FileUploadSettings.DISABLED, clock);
        assertRefused(() -> disabled.request(CAMERA, "a", "hub"), ErrorCode.FORBIDDEN);
    }

    @Test
    void blocksAreStagedThenCommittedInTheListsOrderAsTheBlob() throws Exception {
        EmbeddedBlobStore store = uploads.embedded();
        BlobGrant grant = uploads.request(CAMERA, "blocks.bin", "hub");
        byte[] all = bytes(9);
        assertThat(store.putBlock(grant.blobName(), query(grant), id(1), slice(all, 5, 9))).isInstanceOf(BlobPut.BlockStaged.class);
        assertThat(store.putBlock(grant.blobName(), query(grant), id(0), bytes(2))).isInstanceOf(BlobPut.BlockStaged.class);
        assertThat(store.putBlock(grant.blobName(), query(grant), id(0), slice(all, 0, 5)))
                .as("a block staged again replaces it").isInstanceOf(BlobPut.BlockStaged.class);
        assertThat(store.putBlockList(grant.blobName(), query(grant), Optional.empty(), List.of(id(0), id(7))))
                .isEqualTo(new BlobPut.Refused(400, "InvalidBlockList", "block " + id(7) + " is not staged"));
        assertThat(store.putBlock(grant.blobName(), query(grant), "not base64!", bytes(1)))
                .isInstanceOfSatisfying(BlobPut.Refused.class, r -> assertThat(r.code()).isEqualTo("InvalidQueryParameterValue"));

        BlobPut committed = store.putBlockList(grant.blobName(), query(grant), Optional.of("application/x-bin"),
                List.of(id(0), id(1)));
        DeviceFile file = ((BlobPut.Stored) committed).file();
        assertThat(file.size()).isEqualTo(9);
        assertThat(file.contentType()).contains("application/x-bin");
        assertThat(Files.readAllBytes(uploads.content(file))).isEqualTo(all);
        assertThat(staged()).as("the staged blocks are gone").isEmpty();
        assertThat(store.putBlock(grant.blobName(), query(grant), id(2), bytes(1)))
                .isEqualTo(new BlobPut.Refused(409, "BlobAlreadyExists", "this SAS URI was used already"));
    }

    @Test
    void theSizeLimitHoldsAcrossAFilesBlocksAndTheQuotaAcrossEverythingADeviceStaged() {
        EmbeddedBlobStore store = uploads.embedded();
        BlobGrant big = uploads.request(CAMERA, "big.bin", "hub");
        assertThat(store.putBlock(big.blobName(), query(big), id(0), bytes(6))).isInstanceOf(BlobPut.BlockStaged.class);
        assertThat(store.putBlock(big.blobName(), query(big), id(1), bytes(5)))
                .isInstanceOfSatisfying(BlobPut.Refused.class, r -> assertThat(r.code()).isEqualTo("RequestBodyTooLarge"));
        assertThat(store.putBlock(big.blobName(), query(big), id(1), bytes(4))).isInstanceOf(BlobPut.BlockStaged.class);

        BlobGrant second = uploads.request(CAMERA, "second.bin", "hub");
        assertThat(store.putBlock(second.blobName(), query(second), id(0), bytes(10))).isInstanceOf(BlobPut.BlockStaged.class);
        BlobGrant third = uploads.request(CAMERA, "third.bin", "hub");
        assertThat(store.putBlock(third.blobName(), query(third), id(0), bytes(6)))
                .as("10 + 10 staged, 6 more pass the quota of 25").isInstanceOfSatisfying(BlobPut.Refused.class,
                        r -> assertThat(r.code()).isEqualTo("QuotaExceeded"));
        assertThat(store.put(third.blobName(), query(third), Optional.empty(), bytes(6)))
                .isInstanceOfSatisfying(BlobPut.Refused.class, r -> assertThat(r.code()).isEqualTo("QuotaExceeded"));
        assertThat(store.putBlock(third.blobName(), query(third), id(0), bytes(5))).isInstanceOf(BlobPut.BlockStaged.class);
    }

    @Test
    void blocksOfUploadsThatCanNoLongerBeCommittedAreDiscarded() throws Exception {
        EmbeddedBlobStore store = uploads.embedded();
        BlobGrant failed = uploads.request(CAMERA, "failed.bin", "hub");
        store.putBlock(failed.blobName(), query(failed), id(0), bytes(3));
        uploads.notify(CAMERA, failed.correlationId(), false);
        BlobGrant waiting = uploads.request(OTHER, "waiting.bin", "hub");
        store.putBlock(waiting.blobName(), query(waiting), id(0), bytes(3));
        assertThat(store.purgeAbandonedBlocks()).isEqualTo(1);
        assertThat(store.putBlockList(waiting.blobName(), query(waiting), Optional.empty(), List.of(id(0))))
                .isInstanceOf(BlobPut.Stored.class);

        BlobGrant abandoned = uploads.request(CAMERA, "abandoned.bin", "hub");
        store.putBlock(abandoned.blobName(), query(abandoned), id(0), bytes(3));
        clock.advance(Duration.ofMinutes(59));
        assertThat(store.purgeAbandonedBlocks()).as("its SAS is still valid").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.purgeAbandonedBlocks()).isEqualTo(1);
        assertThat(staged()).isEmpty();
    }

    @Test
    void withAStorageConfigurationDevicesGetASasOfItsContainerAndTheEmbeddedStoreRefusesThoseBlobs() {
        String connection = "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=c2VjcmV0LWtleQ==";
        uploads.storage().configure(new FileUploadConfig(connection, "device-files", Duration.ofMinutes(30), false, "x"),
                Optional.empty());
        BlobGrant grant = uploads.request(CAMERA, "snaps/2.jpg", "hub.example.com");
        assertThat(grant.hostName()).isEqualTo("contoso.blob.core.windows.net");
        assertThat(grant.containerName()).isEqualTo("device-files");
        assertThat(grant.blobName()).isEqualTo("camera/snaps/2.jpg");
        assertThat(query(grant)).containsEntry("sr", List.of("b")).containsEntry("sp", List.of("cw"))
                .containsEntry("se", List.of("2026-12-01T10:30:00Z")).containsKey("sig");
        assertThat(state.files().find(grant.correlationId()).orElseThrow().container())
                .contains("https://contoso.blob.core.windows.net/device-files");
        assertThat(uploads.embedded().put(grant.blobName(), query(grant), Optional.empty(), bytes(1)))
                .isInstanceOfSatisfying(BlobPut.Refused.class, r -> assertThat(r.status()).isEqualTo(403));

        uploads.storage().remove(Optional.empty());
        assertRefused(() -> uploads.notify(CAMERA, grant.correlationId(), true), ErrorCode.CONFLICT);
        uploads.notify(CAMERA, grant.correlationId(), false);
        BlobGrant embedded = uploads.request(CAMERA, "snaps/3.jpg", "hub.example.com");
        assertThat(embedded.containerName()).isEqualTo("devicefiles/uploads");
    }

    @Test
    void aConfigurationIsCheckedAndWrittenOnlyOverTheEtagItNames() {
        String connection = "AccountName=contoso;AccountKey=c2VjcmV0LWtleQ==";
        FileUploadStorage storage = uploads.storage();
        assertRefused(() -> storage.configure(new FileUploadConfig(connection, "ab", Duration.ofHours(1), false, "x"),
                Optional.empty()), ErrorCode.BAD_REQUEST);
        assertRefused(() -> storage.configure(new FileUploadConfig(connection, "a--b", Duration.ofHours(1), false, "x"),
                Optional.empty()), ErrorCode.BAD_REQUEST);
        assertRefused(() -> storage.configure(new FileUploadConfig(connection, "files", Duration.ofSeconds(30), false,
                "x"), Optional.empty()), ErrorCode.BAD_REQUEST);
        FileUploadConfig stored = storage.configure(new FileUploadConfig(connection, "files", Duration.ofHours(1), false,
                "x"), Optional.empty());
        assertThat(stored.etag()).isNotEqualTo("x");
        assertRefused(() -> storage.configure(stored, Optional.of("stale")), ErrorCode.PRECONDITION_FAILED);
        assertRefused(() -> storage.remove(Optional.of("stale")), ErrorCode.PRECONDITION_FAILED);
        storage.remove(Optional.of(stored.etag()));
        assertRefused(() -> storage.remove(Optional.empty()), ErrorCode.NOT_FOUND);
    }

    private static void assertAuthenticationFailed(BlobPut put, String reason) {
        assertThat(put).isInstanceOfSatisfying(BlobPut.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("AuthenticationFailed");
            assertThat(r.message()).contains(reason);
        });
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    /** Every file and folder under the staged blocks' folder. */
    private List<Path> staged() throws java.io.IOException {
        try (var files = Files.walk(dir.resolve("files/blocks"))) {
            return files.skip(1).toList();
        }
    }

    private static String id(int n) {
        return java.util.Base64.getEncoder().encodeToString(String.format("block-%04d", n).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** The SAS token's parameters, decoded, as the blob endpoint hands them over. */
    private static Map<String, List<String>> query(BlobGrant grant) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : grant.sasToken().substring(1).split("&")) {
            String[] parts = pair.split("=", 2);
            query.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
