package org.switchboard.app;

import org.switchboard.app.cli.SwitchboardCommand;

/** Entry point of {@code ./switchboard}: the server ({@code run}) and the admin CLI. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        int status = SwitchboardCommand.commandLine(ServerWiring.production(), System.out).execute(args);
        System.exit(status);
    }
}
