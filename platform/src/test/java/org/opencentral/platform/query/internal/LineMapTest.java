package org.opencentral.platform.query.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencentral.platform.query.ast.SourcePosition;

class LineMapTest {

    @Test
    void agreesWithTheSimpleLineCounterForEveryOffset() {
        Random random = new Random(42);
        String alphabet = "ab \n\r\t";
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            LineMap lines = new LineMap(text.toString());
            for (int offset = 0; offset <= text.length(); offset++) {
                assertThat(lines.position(offset)).isEqualTo(SourcePosition.of(text.toString(), offset));
            }
        }
    }

    @Test
    void crLfIsOneLineBreak() {
        assertThat(new LineMap("a\r\nb\rc\nd").position(7)).isEqualTo(new SourcePosition(7, 4, 1));
        assertThat(SourcePosition.of("a\r\nb", 2)).isEqualTo(new SourcePosition(2, 1, 3));
    }
}
