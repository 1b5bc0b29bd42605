package org.switchboard.e2e.harness;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListeningSocketsTest {
    @Test
    void seesAUdpSocketAndATcpListenerOnlyWhileTheyAreOpen() throws Exception {
        int port;
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                ServerSocket tcp = new ServerSocket()) {
            port = udp.getLocalPort();
            tcp.bind(new InetSocketAddress("127.0.0.1", 0));

            assertThat(ListeningSockets.isListening(Transport.UDP, "127.0.0.1", port)).isTrue();
            assertThat(ListeningSockets.isListening(Transport.TCP, "127.0.0.1", tcp.getLocalPort())).isTrue();
            assertThat(ListeningSockets.isListening(Transport.UDP, "127.0.0.2", port)).isFalse();
        }
        assertThat(ListeningSockets.isListening(Transport.UDP, "127.0.0.1", port)).isFalse();
    }

    @Test
    void writesAddressesAsTheKernelDoes() {
        assertThat(ListeningSockets.hexAddress("127.0.0.1")).isEqualTo("0100007F");
        assertThatThrownBy(() -> ListeningSockets.hexAddress("::1")).isInstanceOf(IllegalArgumentException.class);
    }
}
