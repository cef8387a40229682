package org.opencentral.sim.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencentral.sim.iothub.DeviceApi;
import picocli.CommandLine.Option;

/** Where OpenCentral's REST API is and the token to call it with (a picocli mixin). */
public final class ApiOptions {
    @Option(names = "--api", defaultValue = "http://127.0.0.1:8080", description = "OpenCentral base URL for "
            + "creating devices and running commands. Default: ${DEFAULT-VALUE}.")
    URI api;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding an API token, e.g. "
            + "<data-dir>/initial-admin-token. Or set OPENCENTRAL_TOKEN.")
    Path tokenFile;

    /** A client of the API with the token of {@code --token-file}, else of {@code OPENCENTRAL_TOKEN}. */
    DeviceApi deviceApi() throws IOException {
        String token = tokenFile != null ? Files.readString(tokenFile).strip() : System.getenv("OPENCENTRAL_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an API token is needed: --token-file FILE or OPENCENTRAL_TOKEN");
        }
        return new DeviceApi(api, token);
    }
}
