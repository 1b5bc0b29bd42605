package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SIPp {@code -inf} file of users, read in order (SEQUENTIAL): one line per call, fields
 * {@code user;password;[authentication username=USER password=PASSWORD]}.
 *
 * <p>The third field exists because SIPp 3.6 does not expand a {@code [fieldN]} nested inside
 * {@code [authentication ...]}; it does expand a keyword held whole in a field, so the scenarios send {@code [field2]}.
 * SIPp's format has no escaping: a password with ';', '[', ']' or white space cannot be written, and is refused here.
 */
public final class InjectionFile {
    private InjectionFile() {
    }

    /** Writes {@code users} to {@code file} and returns the file. */
    public static Path write(Path file, List<Credentials> users) {
        List<String> lines = new ArrayList<>(users.size() + 1);
        lines.add("SEQUENTIAL");
        for (Credentials c : users) {
            check(c.user(), "user name");
            check(c.password(), "password of " + c.user());
            lines.add(c.user() + ";" + c.password() + ";[authentication username=" + c.user() + " password="
                    + c.password() + "]");
        }
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SIPp injection file " + file, e);
        }
    }

    private static void check(String value, String what) {
        if (value.isEmpty() || value.chars().anyMatch(ch -> ch == ';' || ch == '[' || ch == ']'
                || Character.isWhitespace(ch))) {
            throw new IllegalArgumentException(
                    "the " + what + " cannot go in a SIPp injection file: it is empty or holds ';', '[', ']' or a space");
        }
    }
}
