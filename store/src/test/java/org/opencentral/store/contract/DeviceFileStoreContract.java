package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.file.DeviceFile;
import org.opencentral.core.file.DeviceFile.Status;
import org.opencentral.core.file.FileUploadConfig;

/**
 * Device file uploads: requested, stored once, notified once, counted against the device, gone with it;
 * the application's storage configuration, its connection string sealed.
 */
public interface DeviceFileStoreContract extends StoreFixture {
    @Test
    default void anUploadIsRequestedStoredAndCompleted() {
        store().devices().insert(device("d1"));
        DeviceFile requested = DeviceFile.requested("c1", id("d1"), "d1/photo.jpg", T0);
        assertThat(store().files().insert(requested)).isTrue();
        assertThat(store().files().find("c1")).contains(requested);
        assertThat(store().files().pending(id("d1"), "d1/photo.jpg")).contains(requested);
        assertThat(store().files().stored(id("d1"))).isEmpty();

        assertThat(store().files().uploaded("c1", 1234, Optional.of("image/jpeg"), T0.plusSeconds(5))).isTrue();
        assertThat(store().files().uploaded("c1", 99, Optional.empty(), T0.plusSeconds(6))).isFalse();
        assertThat(store().files().pending(id("d1"), "d1/photo.jpg")).isEmpty();
        assertThat(store().files().settle("c1", Status.COMPLETED)).isTrue();
        assertThat(store().files().settle("c1", Status.FAILED)).isFalse();

        DeviceFile stored = reopen().files().find("c1").orElseThrow();
        assertThat(stored).isEqualTo(new DeviceFile("c1", id("d1"), "d1/photo.jpg", T0, Status.COMPLETED, 1234,
                Optional.of("image/jpeg"), Optional.of(T0.plusSeconds(5)), Optional.empty()));
        assertThat(store().files().stored(id("d1"))).containsExactly(stored);
    }

    @Test
    default void storedBytesAreCountedPerDeviceAndNewestFirst() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        store().files().insert(DeviceFile.requested("a", id("d1"), "d1/a", T0));
        store().files().insert(DeviceFile.requested("b", id("d1"), "d1/b", T0));
        store().files().insert(DeviceFile.requested("never", id("d1"), "d1/never", T0));
        store().files().insert(DeviceFile.requested("other", id("d2"), "d2/a", T0));
        store().files().uploaded("a", 100, Optional.empty(), T0.plusSeconds(1));
        store().files().uploaded("b", 50, Optional.of("text/plain"), T0.plusSeconds(2));
        store().files().uploaded("other", 7, Optional.empty(), T0.plusSeconds(3));
        store().files().settle("b", Status.FAILED);
        assertThat(store().files().settle("never", Status.COMPLETED)).isFalse();

        assertThat(store().files().bytesStored(id("d1"))).isEqualTo(150);
        assertThat(store().files().stored(id("d1"))).extracting(DeviceFile::correlationId).containsExactly("b", "a");
        assertThat(store().files().bytesStored(id("d2"))).isEqualTo(7);
    }

    @Test
    default void theNewestRequestOfABlobWaitsForItAndAnUnknownDeviceRecordsNothing() {
        store().devices().insert(device("d1"));
        store().files().insert(DeviceFile.requested("old", id("d1"), "d1/x", T0));
        store().files().insert(DeviceFile.requested("new", id("d1"), "d1/x", T0.plusSeconds(1)));
        assertThat(store().files().pending(id("d1"), "d1/x")).map(DeviceFile::correlationId).contains("new");
        assertThat(store().files().insert(DeviceFile.requested("ghost", id("nobody"), "nobody/x", T0))).isFalse();
        assertThat(store().files().find("ghost")).isEmpty();
        assertThatThrownBy(() -> store().files().settle("old", Status.UPLOADED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void anUploadRemembersTheContainerItWentTo() {
        store().devices().insert(device("d1"));
        store().files().insert(DeviceFile.requested("az", id("d1"), "d1/x", T0,
                Optional.of("https://acct.blob.core.windows.net/uploads")));
        assertThat(reopen().files().find("az")).map(DeviceFile::container)
                .contains(Optional.of("https://acct.blob.core.windows.net/uploads"));
    }

    @Test
    default void theStorageConfigurationIsStoredSealedReplacedAndRemoved() throws Exception {
        String connection = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0LWtleQ==";
        assertThat(store().files().configuration()).isEmpty();
        FileUploadConfig first = new FileUploadConfig(connection, "uploads", Duration.ofHours(2), true, "e1");
        store().files().configure(first);
        assertThat(reopen().files().configuration()).contains(first);
        try (Connection raw = rawConnection(); Statement statement = raw.createStatement();
                ResultSet row = statement.executeQuery("SELECT connection_string FROM file_upload_config")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).startsWith("enc1:").doesNotContain("c2VjcmV0LWtleQ==");
        }

        FileUploadConfig second = new FileUploadConfig(connection, "other", Duration.ofMinutes(5), false, "e2");
        store().files().configure(second);
        assertThat(store().files().configuration()).contains(second);
        assertThat(store().files().removeConfiguration()).isTrue();
        assertThat(store().files().removeConfiguration()).isFalse();
        assertThat(reopen().files().configuration()).isEmpty();
    }

    @Test
    default void filesGoWithTheirDevice() {
        store().devices().insert(device("d1"));
        store().files().insert(DeviceFile.requested("c1", id("d1"), "d1/x", T0));
        store().files().uploaded("c1", 10, Optional.empty(), T0);
        store().devices().delete(id("d1"));
        assertThat(store().files().find("c1")).isEmpty();
        assertThat(store().files().bytesStored(id("d1"))).isZero();
    }
}
