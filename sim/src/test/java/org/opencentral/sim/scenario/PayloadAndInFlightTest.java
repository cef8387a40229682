package org.opencentral.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PayloadAndInFlightTest {
    @Test
    void payloadIsJsonOfTheRequestedSizeAndFields() throws Exception {
        byte[] body = Payload.json(256, 8);

        assertThat(body).hasSize(256);
        var json = new ObjectMapper().readTree(body);
        assertThat(json.has("f0")).isTrue();
        assertThat(json.has("f7")).isTrue();
        assertThat(json.get("f3").isNumber()).isTrue();
    }

    @Test
    void payloadLongerThanRequestedWhenFieldsDoNotFit() throws Exception {
        byte[] body = Payload.json(10, 4);

        assertThat(new ObjectMapper().readTree(body).size()).isEqualTo(4);
    }

    @Test
    void inFlightHandsOutIdsInOrderAndMeasuresTime() {
        InFlight inFlight = new InFlight(4);

        assertThat(inFlight.add(100)).isEqualTo(1);
        assertThat(inFlight.add(200)).isEqualTo(2);
        assertThat(inFlight.count()).isEqualTo(2);
        assertThat(inFlight.remove(2, 1_200)).isEqualTo(1_000);
        assertThat(inFlight.remove(2, 1_300)).isEqualTo(-1);
        assertThat(inFlight.remove(9, 1_300)).isEqualTo(-1);
        assertThat(inFlight.count()).isEqualTo(1);
    }

    @Test
    void inFlightWrapsAfterTheLastPacketIdAndRefusesBusySlots() {
        InFlight inFlight = new InFlight(1);
        for (int id = 1; id <= InFlight.MAX_ID; id++) {
            assertThat(inFlight.add(0)).isEqualTo(id);
            inFlight.remove(id, 0);
        }
        assertThat(inFlight.add(0)).isEqualTo(1);
        for (int i = 0; i < 31; i++) {
            inFlight.add(0);
        }
        assertThat(inFlight.add(0)).as("ring full").isEqualTo(-1);
    }

    @Test
    void aNumberedBodyHasTheSequenceNumberFirstAndTheBodyUnchangedAfterIt() throws Exception {
        byte[] body = Payload.json(64, 2);
        var json = new ObjectMapper().readTree(Sequence.numbered(body, 42));

        assertThat(json.fieldNames().next()).isEqualTo("seq");
        assertThat(json.get("seq").asInt()).isEqualTo(42);
        assertThat(json.get("f1")).isEqualTo(new ObjectMapper().readTree(body).get("f1"));
        assertThat(new String(Sequence.numbered("{}".getBytes(), 1))).isEqualTo("{\"seq\":1}");
    }

    @Test
    void aSequenceListsWhatWasSentButNotAcknowledged() {
        Sequence sequence = new Sequence("d-1");
        for (int n = 1; n <= 5; n++) {
            assertThat(sequence.next()).isEqualTo(n);
            sequence.sent(n);
        }
        sequence.acknowledged(1);
        sequence.acknowledged(3);
        sequence.acknowledged(4);

        assertThat(sequence.line()).isEqualTo("d-1\t5\t3\t2,5");
        sequence.acknowledged(2);
        sequence.acknowledged(5);
        assertThat(sequence.line()).isEqualTo("d-1\t5\t5\t-");
    }

    @Test
    void inFlightKeepsEachMessagesNumberUntilItIsRemoved() {
        InFlight inFlight = new InFlight(4);
        int id = inFlight.add(100, 7);

        assertThat(inFlight.number(id)).isEqualTo(7);
        inFlight.remove(id, 200);
        assertThat(inFlight.number(id)).isEqualTo(-1);
    }
}
