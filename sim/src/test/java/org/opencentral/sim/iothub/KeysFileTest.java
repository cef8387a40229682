package org.opencentral.sim.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysFileTest {
    @Test
    void keysAppendedAreLoadedAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        assertThat(KeysFile.load(file)).isEmpty();

        KeysFile.append(file, List.of(new SimDevice("a", Optional.of("k1")), new SimDevice("b", Optional.of("k2"))));
        KeysFile.append(file, List.of(new SimDevice("c", Optional.of("k3"))));

        assertThat(KeysFile.load(file)).containsEntry("a", "k1").containsEntry("b", "k2").containsEntry("c", "k3").hasSize(3);
    }
}
