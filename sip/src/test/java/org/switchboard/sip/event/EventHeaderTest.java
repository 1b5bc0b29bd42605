package org.switchboard.sip.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventHeaderTest {

    @Test
    void aPackageWithoutIdParsesAndPrintsBack() {
        EventHeader e = EventHeader.parse(" message-summary ").orElseThrow();
        assertThat(e.type()).isEqualTo("message-summary");
        assertThat(e.id()).isEmpty();
        assertThat(e).hasToString("message-summary");
    }

    @Test
    void theIdIsKeptAndOtherParametersAreSkipped() {
        EventHeader e = EventHeader.parse("presence.winfo ; foo=\"a;b\" ;id=sub7").orElseThrow();
        assertThat(e.type()).isEqualTo("presence.winfo");
        assertThat(e.id()).hasValue("sub7");
        assertThat(e).hasToString("presence.winfo;id=sub7");
    }

    @Test
    void packagesCompareWithoutCase() {
        assertThat(EventHeader.parse("Message-Summary").orElseThrow().isPackage("message-summary")).isTrue();
        assertThat(EventHeader.parse("presence").orElseThrow().isPackage("message-summary")).isFalse();
    }

    @Test
    void malformedValuesAreRefusedNotThrown() {
        assertThat(EventHeader.parse("")).isEmpty();
        assertThat(EventHeader.parse("message summary")).isEmpty();
        assertThat(EventHeader.parse("message-summary;id=")).isEmpty();
        assertThat(EventHeader.parse("message-summary;=x")).isEmpty();
        assertThat(EventHeader.parse(null)).isEmpty();
    }

    @Test
    void aValueThatIsNotATokenCannotBeBuilt() {
        assertThatThrownBy(() -> new EventHeader("a b", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventHeader("a", Optional.of("x\r\ny"))).isInstanceOf(IllegalArgumentException.class);
    }
}
