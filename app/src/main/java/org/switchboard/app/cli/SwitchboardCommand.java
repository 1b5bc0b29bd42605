package org.switchboard.app.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.app.ServerWiring;
import org.switchboard.app.StartupException;
import org.switchboard.app.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code switchboard} command. Exit status: 0 done, 1 failed (the message says why and what
 * to do), 2 bad usage or configuration.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "Switchboard 0.1.0",
        description = "Switchboard, an IP-PBX: run the server, or manage the one running on a data directory.",
        footer = {"", "Launcher commands: ./switchboard test   install the test peers and run every test."})
public final class SwitchboardCommand implements Callable<Integer> {
    public static final int USAGE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** The command line with all subcommands; {@code run} starts servers with {@code wiring}. */
    public static CommandLine commandLine(ServerWiring wiring, PrintStream console) {
        CommandLine line = new CommandLine(new SwitchboardCommand())
                .addSubcommand(new RunCommand(wiring, console))
                .addSubcommand(new ExtensionCommand())
                .addSubcommand(new RegistrationsCommand())
                .addSubcommand(new CallsCommand())
                .addSubcommand(new CdrCommand())
                .addSubcommand(new VoicemailCommand())
                .addSubcommand(new RecordingsCommand());
        line.setExecutionExceptionHandler((e, command, parsed) -> switch (e) {
            case CliException failure -> {
                command.getErr().println(failure.getMessage());
                yield failure.exitCode();
            }
            case ConfigException bad -> {
                command.getErr().println("Configuration error: " + bad.getMessage());
                yield USAGE;
            }
            case StartupException failure -> {
                command.getErr().println(failure.getMessage());
                yield 1;
            }
            default -> {
                LOG.error("Unexpected failure", e);
                command.getErr().println("Unexpected error: " + e + " (see the log above)");
                yield 1;
            }
        });
        return line;
    }
}
