package io.threadwatch.recorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The live commands' refusals: one line, the right exit code, nothing started. */
class RecorderCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RecorderCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpListsTheLiveCommandsBesideTheOfflineOnes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("analyze", "rules", "schema", "settings", "watch", "attach");
        assertThat(run("watch", "--help")).isZero();
        assertThat(out.toString()).contains("--jmx", "--duration", "--window", "--output", "--prometheus");
    }

    @Test
    void watchWithoutAJmxAddressIsAUsageError() {
        assertThat(run("watch")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--jmx=HOST:PORT'");
    }

    @Test
    void aBadFlagIsAUsageError() {
        assertThat(run("watch", "--jmx", "127.0.0.1:1", "--window", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
        assertThat(run("attach", "1", "--top-sites", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("threadwatch attach: --top-sites must be at least 1, not 0");
    }

    @Test
    void aJvmThatCannotBeReachedIsBadInputInOneLine() {
        assertThat(run("watch", "--jmx", "127.0.0.1:1", "--duration", "1s")).isEqualTo(3);
        assertThat(err.toString())
                .startsWith("threadwatch watch: cannot connect to service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi: "
                        + "java.net.ConnectException: Connection refused")
                .hasLineCount(1);
    }
}
