package org.switchboard.media.rtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Packets written by hand in tests: hex octets separated by spaces, with {@code 'text'} for ASCII
 * and {@code #} comments to the end of a line, so a packet reads like the RFC's diagrams.
 */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : spec.split("\n")) {
            int hash = line.indexOf('#');
            String code = hash >= 0 ? line.substring(0, hash) : line;
            int i = 0;
            while (i < code.length()) {
                char c = code.charAt(i);
                if (c == '\'') {
                    int close = code.indexOf('\'', i + 1);
                    out.writeBytes(code.substring(i + 1, close).getBytes(StandardCharsets.US_ASCII));
                    i = close + 1;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else {
                    out.write(Integer.parseInt(code.substring(i, i + 2), 16));
                    i += 2;
                }
            }
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
