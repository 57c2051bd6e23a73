package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoServerCommandTest {

    @Test
    void isASubcommandOfSwitchboard() {
        CommandLine cli = new CommandLine(new SwitchboardCommand());

        assertThat(cli.getSubcommands()).containsKey("demo-server");
    }

    @Test
    void rejectsAPortOutOfRange() {
        CommandLine cli = new CommandLine(new SwitchboardCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("demo-server", "--http", "70000")).isEqualTo(2);
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        CommandLine cli = new CommandLine(new SwitchboardCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("demo-server", "--http", "eighty")).isEqualTo(2);
        assertThat(err.toString()).contains("--http");
    }

    @Test
    void failsWithStatusOneWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLine cli = new CommandLine(new SwitchboardCommand());

            int status = cli.execute("demo-server", "--http", String.valueOf(taken.getLocalPort()));

            assertThat(status).isEqualTo(1);
        }
    }
}
