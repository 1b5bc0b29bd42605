package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {

    static final Headers H = Headers.of(List.of(new HeaderField("v", "SIP/2.0/UDP a"), new HeaderField("Via", "SIP/2.0/UDP b"),
            new HeaderField("to", "<sip:x@y>"), new HeaderField("X-Custom", "1")));

    @Test
    void canonicalisesNamesAndLooksUpCaseInsensitivelyAndByCompactForm() {
        assertThat(H.fields()).extracting(HeaderField::name).containsExactly("Via", "Via", "To", "X-Custom");
        assertThat(H.first("VIA")).contains("SIP/2.0/UDP a");
        assertThat(H.all("v")).containsExactly("SIP/2.0/UDP a", "SIP/2.0/UDP b");
        assertThat(H.first("x-custom")).contains("1");
        assertThat(H.has("t")).isTrue();
        assertThat(H.count(HeaderNames.VIA)).isEqualTo(2);
        assertThat(H.first("From")).isEmpty();
        assertThat(H.size()).isEqualTo(4);
    }

    @Test
    void everyChangeReturnsANewValue() {
        Headers h2 = H.withFirst("Via", "SIP/2.0/UDP new").with("Route", "<sip:r>");
        assertThat(h2.all("Via")).containsExactly("SIP/2.0/UDP new", "SIP/2.0/UDP a", "SIP/2.0/UDP b");
        assertThat(h2.fields().getLast()).isEqualTo(new HeaderField("Route", "<sip:r>"));
        assertThat(H.all("Via")).hasSize(2);
        assertThat(H.withoutFirst("Via").all("Via")).containsExactly("SIP/2.0/UDP b");
        assertThat(H.without("Via").has("Via")).isFalse();
        Headers replaced = H.replacing("Via", "SIP/2.0/TCP c");
        assertThat(replaced.all("Via")).containsExactly("SIP/2.0/TCP c");
        assertThat(replaced.fields().getFirst().name()).isEqualTo("Via");
        assertThat(H.replacing("Expires", "60").first("Expires")).contains("60");
        assertThat(H).isEqualTo(Headers.of(H.fields())).hasSameHashCodeAs(Headers.of(H.fields()));
        assertThat(Headers.empty().size()).isZero();
    }

    @Test
    void fieldsCannotInjectHeaderLines() {
        assertThatThrownBy(() -> new HeaderField("Subject", "hi\r\nVia: SIP/2.0/UDP evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderField("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> H.with("Subject", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> H.fields().add(new HeaderField("A", "b"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
