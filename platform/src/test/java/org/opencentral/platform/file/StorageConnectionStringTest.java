package org.opencentral.platform.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;

/** Azure Storage connection strings: the account, its key, the blob endpoint, and the masked form answers carry. */
class StorageConnectionStringTest {
    static final String KEY = "c2VjcmV0LWtleQ==";

    @Test
    void anAccountStringNamesTheAccountsBlobEndpoint() {
        StorageConnectionString parsed = StorageConnectionString.parse(
                "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=" + KEY + ";EndpointSuffix=core.windows.net");
        assertThat(parsed.accountName()).isEqualTo("contoso");
        assertThat(parsed.accountKey()).isEqualTo(KEY);
        assertThat(parsed.blobEndpoint()).isEqualTo(URI.create("https://contoso.blob.core.windows.net"));
        assertThat(parsed.masked()).isEqualTo("DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=********;"
                + "EndpointSuffix=core.windows.net;");
        assertThat(parsed.toString()).doesNotContain(KEY);
    }

    @Test
    void anExplicitBlobEndpointIsKeptWithoutItsTrailingSlash() {
        StorageConnectionString azurite = StorageConnectionString.parse("DefaultEndpointsProtocol=http;"
                + "AccountName=devstoreaccount1;AccountKey=" + KEY + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1/;");
        assertThat(azurite.blobEndpoint()).isEqualTo(URI.create("http://127.0.0.1:10000/devstoreaccount1"));
    }

    @Test
    void aStringWithoutAKeyOrWithABadPartIsABadRequestNamingIt() {
        assertRefused("AccountName=contoso", "AccountKey is required");
        assertRefused("AccountKey=" + KEY, "AccountName is required");
        assertRefused("AccountName=contoso;AccountKey=********", "the AccountKey is the mask");
        assertRefused("AccountName=contoso;AccountKey=" + KEY + ";garbage", "is not name=value");
        assertRefused("AccountName=contoso;AccountKey=" + KEY + ";BlobEndpoint=ftp://host/x", "is not an http(s) address");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> StorageConnectionString.parse(text)).isInstanceOf(DomainException.class)
                .hasMessageContaining(message).hasMessageNotContaining(KEY);
    }
}
