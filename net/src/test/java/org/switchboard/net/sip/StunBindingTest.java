package org.switchboard.net.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class StunBindingTest {

    private static ByteBuf request(int type, int length) {
        ByteBuf b = Unpooled.buffer();
        b.writeShort(type).writeShort(length).writeInt(StunBinding.MAGIC_COOKIE);
        for (int i = 0; i < 12; i++) b.writeByte(i + 1);
        b.writeZero(length);
        return b;
    }

    @Test
    void ipv6SenderIsXoredWithCookieAndTransactionId() {
        InetSocketAddress sender = new InetSocketAddress(InetAddress.ofLiteral("2001:db8::7"), 40_000);
        ByteBuf req = request(1, 0);
        ByteBuf resp = StunBinding.response(req, sender, ByteBufAllocator.DEFAULT);
        try {
            assertThat(resp.getUnsignedShort(0)).isEqualTo(0x0101);
            assertThat(resp.getUnsignedShort(2)).isEqualTo(24);
            assertThat(resp.getByte(25)).isEqualTo((byte) 0x02);
            assertThat(resp.getUnsignedShort(26) ^ 0x2112).isEqualTo(40_000);
            byte[] ip = new byte[16];
            for (int i = 0; i < 16; i++) ip[i] = (byte) (resp.getByte(28 + i) ^ resp.getByte(4 + i));
            assertThat(InetAddress.ofLiteral("2001:db8::7").getAddress()).isEqualTo(ip);
        } finally {
            resp.release();
            req.release();
        }
    }

    @Test
    void otherStunMessagesAreNotAnswered() {
        InetSocketAddress sender = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 5060);
        assertThat(StunBinding.response(request(0x0011, 0), sender, ByteBufAllocator.DEFAULT)).isNull();
        ByteBuf badLength = request(1, 8);
        badLength.writerIndex(badLength.writerIndex() - 4);
        assertThat(StunBinding.response(badLength, sender, ByteBufAllocator.DEFAULT)).isNull();
        assertThat(StunBinding.looksLikeStun(Unpooled.copiedBuffer("OPTIONS sip:a@b SIP/2.0\r\n\r\n",
                java.nio.charset.StandardCharsets.US_ASCII))).isFalse();
    }
}
