package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SrtpPolicyTest {

    @Test
    void readsTheWordsAdministratorsType() {
        assertThat(SrtpPolicy.parse("required")).contains(SrtpPolicy.REQUIRED);
        assertThat(SrtpPolicy.parse(" Optional ")).contains(SrtpPolicy.OPTIONAL);
        assertThat(SrtpPolicy.parse("OFF")).contains(SrtpPolicy.OFF);
        assertThat(SrtpPolicy.parse("mandatory")).isEmpty();
        assertThat(SrtpPolicy.parse(null)).isEmpty();
        assertThat(SrtpPolicy.REQUIRED.word()).isEqualTo("required");
        assertThat(SrtpPolicy.DEFAULT).isEqualTo(SrtpPolicy.OPTIONAL);
    }
}
