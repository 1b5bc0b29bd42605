package org.switchboard.e2e.harness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The netstring framing of baresip's ctrl_tcp. */
class BaresipTest {
    @Test
    void netstringsRoundTrip() throws IOException {
        byte[] two = (new String(Baresip.netstring("{\"a\":\"é\"}"), StandardCharsets.UTF_8)
                + new String(Baresip.netstring("{}"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(two);

        assertThat(new String(Baresip.readNetstring(in), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"é\"}");
        assertThat(new String(Baresip.readNetstring(in), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(Baresip.readNetstring(in)).isNull();
    }

    @Test
    void aBrokenFrameIsAnError() {
        assertThatThrownBy(() -> Baresip.readNetstring(new ByteArrayInputStream("5:ab".getBytes())))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Baresip.readNetstring(new ByteArrayInputStream("x:".getBytes())))
                .isInstanceOf(IOException.class);
    }
}
