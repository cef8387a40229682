package org.opencentral.compat;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobClientBuilder;
import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.net.http.HttpClient;
import org.opencentral.testkit.TestPlatform;

/** The two clients of a device's file upload: the device SDK (over HTTPS) and the Azure Storage client. */
final class FileUploadClients {
    private FileUploadClients() {
    }

    /** A new device on {@code platform}, connected with the Java device SDK over HTTPS. */
    static DeviceClient device(TestPlatform platform, String id) throws IotHubClientException {
        String key = platform.createDevice(id);
        DeviceClient client = new DeviceClient("HostName=" + TestPlatform.HOST + ";DeviceId=" + id + ";SharedAccessKey="
                + key, IotHubClientProtocol.HTTPS, ClientOptions.builder().sslContext(platform.deviceTrust()).build());
        client.open(false);
        return client;
    }

    /** The Azure Storage client of the blob at {@code blobUri} (its SAS included), trusting {@code platform}'s CA. */
    static BlobClient blob(TestPlatform platform, String blobUri) {
        return new BlobClientBuilder().endpoint(blobUri)
                .httpClient(new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(platform.deviceTrust())).build())
                .buildClient();
    }
}
