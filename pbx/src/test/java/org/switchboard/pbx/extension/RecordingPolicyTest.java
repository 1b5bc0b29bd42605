package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordingPolicyTest {

    @Test
    void readsTheWordsAdministratorsType() {
        assertThat(RecordingPolicy.parse("never")).contains(RecordingPolicy.NEVER);
        assertThat(RecordingPolicy.parse(" Always ")).contains(RecordingPolicy.ALWAYS);
        assertThat(RecordingPolicy.parse("on-demand")).contains(RecordingPolicy.ON_DEMAND);
        assertThat(RecordingPolicy.parse("ON_DEMAND")).as("the enum's own spelling").contains(RecordingPolicy.ON_DEMAND);
        assertThat(RecordingPolicy.parse("sometimes")).isEmpty();
        assertThat(RecordingPolicy.parse("")).isEmpty();
        assertThat(RecordingPolicy.parse(null)).isEmpty();
    }

    @Test
    void eachPolicyHasOneWordAndTheDefaultRecordsNothing() {
        assertThat(RecordingPolicy.ON_DEMAND.word()).isEqualTo("on-demand");
        for (RecordingPolicy p : RecordingPolicy.values()) {
            assertThat(RecordingPolicy.parse(p.word())).contains(p);
            assertThat(RecordingPolicy.RULE).contains(p.word());
        }
        assertThat(RecordingPolicy.DEFAULT).isEqualTo(RecordingPolicy.NEVER);
    }
}
