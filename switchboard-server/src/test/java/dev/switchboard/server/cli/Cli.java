package dev.switchboard.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Runs the command line in this JVM, as {@code main} would, capturing its output. */
final class Cli {
    private Cli() {}

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs {@code args} with an empty environment. */
    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code args} with {@code environment} as the environment configurations expand from. */
    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SwitchboardCommand.commandLine(new SwitchboardCommand(environment))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
