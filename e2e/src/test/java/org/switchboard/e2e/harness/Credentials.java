package org.switchboard.e2e.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * A SIP user name (an extension number) and its digest password.
 *
 * <p>Passwords are not printed by {@link #toString()}: test logs must not hold them.
 */
public record Credentials(String user, String password) {
    public Credentials {
        if (user == null || user.isBlank() || password == null) {
            throw new IllegalArgumentException("a user needs a name and a password");
        }
    }

    /** {@code count} users numbered from {@code first}, each with a distinct 12-character password. */
    public static List<Credentials> numbered(int first, int count) {
        List<Credentials> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = first + i;
            users.add(new Credentials(Integer.toString(number), "Pw" + number + "x" + Integer.toHexString(number * 7919)));
        }
        return List.copyOf(users);
    }

    /** The same user with another password. */
    public Credentials withPassword(String newPassword) {
        return new Credentials(user, newPassword);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
