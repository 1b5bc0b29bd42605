package org.switchboard.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** sipsak, the SIP "swiss army knife": here its OPTIONS probe, as monitoring systems use it. */
public final class Sipsak {
    private static final Pattern STATUS_LINE = Pattern.compile("^\\s*SIP/2\\.0 (\\d{3}) ", Pattern.MULTILINE);

    private Sipsak() {
    }

    /**
     * The outcome of a probe.
     *
     * @param exitCode sipsak's status: 0 for a 2xx, 1 for another final answer, 2 for a timeout or a local error
     * @param status the last final status code received, if any
     * @param output what sipsak printed
     */
    public record Result(int exitCode, OptionalInt status, String output) {
    }

    /** Sends {@code OPTIONS sip:host:port} over UDP ({@code sipsak -s URI -vv}) and reads the answer's status. */
    public static Result options(String host, int port, Duration timeout) {
        ProcessResult run = new OneShotCommand("sipsak-options-" + port,
                List.of("sipsak", "-vv", "-H", "127.0.0.1", "-s", "sip:" + host + ":" + port),
                Path.of(System.getProperty("java.io.tmpdir")), timeout).run();
        String output = run.stdout() + run.stderr();
        Matcher m = STATUS_LINE.matcher(output);
        OptionalInt status = OptionalInt.empty();
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            if (code >= 200) {
                status = OptionalInt.of(code);
            }
        }
        return new Result(run.exitCode(), status, output);
    }
}
