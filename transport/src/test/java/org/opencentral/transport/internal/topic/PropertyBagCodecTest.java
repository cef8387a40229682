package org.opencentral.transport.internal.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyBagCodecTest {

    @Test
    void decodesJavaSdkBagWithRawSystemKeysAndEncodedValues() {
        PropertyBag bag = decoded("$.mid=m1&$.cid=c%201&$.cdid=dev1&$.ct=application%2Fjson&$.ce=utf-8&temp=21");

        assertThat(bag.systemProperties()).containsEntry("messageId", "m1").containsEntry("correlationId", "c 1")
                .containsEntry("connectionDeviceId", "dev1").containsEntry("contentType", "application/json")
                .containsEntry("contentEncoding", "utf-8");
        assertThat(bag.applicationProperties()).isEqualTo(Map.of("temp", "21"));
        assertThat(bag.component()).isEmpty();
    }

    @Test
    void decodesNodeSdkBagWithEncodedSystemKeysAndComponent() {
        PropertyBag bag = decoded("%24.sub=thermostat1&%24.mid=abc&%24.ct=application%2Fjson&color=dark%20blue");

        assertThat(bag.component()).contains("thermostat1");
        assertThat(bag.systemProperties()).containsEntry("messageId", "abc").doesNotContainKey("sub");
        assertThat(bag.applicationProperties()).containsEntry("color", "dark blue");
    }

    @Test
    void mapsEveryShortSystemName() {
        PropertyBag bag = decoded("$.uid=u&$.to=t&$.exp=e&$.ctime=ct&$.cmid=cm&$.on=o&$.ifid=i&$.x=unknown");

        assertThat(bag.systemProperties()).containsEntry("userId", "u").containsEntry("to", "t")
                .containsEntry("absoluteExpiryTime", "e").containsEntry("creationTime", "ct")
                .containsEntry("connectionModuleId", "cm").containsEntry("outputName", "o")
                .containsEntry("interfaceId", "i").containsEntry("$.x", "unknown");
    }

    @Test
    void toleratesEmptyBagsKeysWithoutValueAndStraySeparators() {
        assertThat(decoded("")).isEqualTo(PropertyBag.EMPTY);
        assertThat(decoded("&&flag&a=&").applicationProperties()).isEqualTo(Map.of("flag", "", "a", ""));
    }

    @Test
    void aRepeatedKeyKeepsItsLastValue() {
        PropertyBag bag = decoded("a=1&$.sub=c1&$.mid=m1&a=2&$.sub=&%24.mid=m2");

        assertThat(bag.applicationProperties()).isEqualTo(Map.of("a", "2"));
        assertThat(bag.systemProperties()).isEqualTo(Map.of("messageId", "m2"));
        assertThat(bag.component()).isEmpty();
        assertThat(PropertyBagCodec.decodePairs("a=1&b=2&a=3"))
                .isEqualTo(Decoded.ok(new LinkedHashMap<>(Map.of("a", "3", "b", "2"))));
    }

    @Test
    void roundTripsArbitraryText() {
        PropertyBag bag = new PropertyBag(Optional.of("comp one"),
                Map.of("messageId", "id/with?odd&chars=+%", "to", "/devices/d1/messages/devicebound"),
                Map.of("ümlaut key", "välue with spaces + plus", "method-name", "reboot", "empty", ""));

        String encoded = PropertyBagCodec.encode(bag);

        assertThat(encoded).doesNotContain("/", " ", "+").contains("%24.mid=", "%24.to=%2Fdevices%2Fd1").startsWith("%24.");
        assertThat(decoded(encoded)).isEqualTo(bag);
    }

    @Test
    void roundTripsRandomStrings() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            PropertyBag bag = new PropertyBag(Optional.empty(), Map.of(), Map.of(randomText(random) + "k",
                    randomText(random)));
            assertThat(decoded(PropertyBagCodec.encode(bag))).isEqualTo(bag);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%", "%4=x", "=value", "a=b&%2=c", "x=%E0%A4%"})
    void corruptedInputIsAFailureValueNotAnException(String corrupted) {
        assertThat(PropertyBagCodec.decode(corrupted)).isInstanceOf(Decoded.Failed.class);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            assertThat(PropertyBagCodec.decode(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .isNotNull();
        }
    }

    private static PropertyBag decoded(String text) {
        return switch (PropertyBagCodec.decode(text)) {
            case Decoded.Ok<PropertyBag> ok -> ok.value();
            case Decoded.Failed<PropertyBag> failed -> throw new AssertionError(failed.reason());
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < random.nextInt(12); i++) {
            text.appendCodePoint(random.nextBoolean() ? 32 + random.nextInt(95) : 160 + random.nextInt(2000));
        }
        return text.toString();
    }
}
