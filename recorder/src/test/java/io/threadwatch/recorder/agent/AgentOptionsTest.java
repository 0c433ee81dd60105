package io.threadwatch.recorder.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threadwatch.recorder.Threadwatch;
import io.threadwatch.recorder.WatchOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {

    @TempDir
    Path dir;

    @Test
    void noOptionsWriteEvidenceAndJsonLinesUnderThreadwatchInTheWorkingDirectory() {
        WatchOptions options = AgentOptions.parse(null).watch();
        assertThat(options.window()).isEqualTo(WatchOptions.DEFAULT_WINDOW);
        assertThat(options.evidence()).contains(Path.of("threadwatch"));
        assertThat(options.jsonLines()).contains(Path.of("threadwatch", "threadwatch.jsonl"));
        assertThat(options.prometheus()).isEmpty();
    }

    @Test
    void optionsAreTheWatchFlagsWithoutDashes() {
        WatchOptions options = AgentOptions.parse("window=30s,stuck-threshold=1m,blocking-threshold=50ms,output=" + dir
                + ",jsonl=-,prometheus=127.0.0.1:0,top-sites=3,infra-package=com.acme.pool").watch();
        assertThat(options.window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.stuckThreshold()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.blockingThreshold()).isEqualTo(Duration.ofMillis(50));
        assertThat(options.evidence()).contains(dir);
        assertThat(options.jsonLines()).contains(Path.of("-"));
        assertThat(options.prometheus()).hasValueSatisfying(a -> assertThat(a.getPort()).isZero());
        assertThat(options.topSites()).isEqualTo(3);
        assertThat(options.catalog().infrastructurePrefixes()).contains("com.acme.pool", "io.netty.");
    }

    @Test
    void syncStartIsOffUnlessAsked() {
        assertThat(AgentOptions.parse("window=30s").syncStart()).isFalse();
        assertThat(AgentOptions.parse("sync-start=true").syncStart()).isTrue();
    }

    @Test
    void noneSwitchesFilesOff() {
        WatchOptions options = AgentOptions.parse("output=none,jsonl=none").watch();
        assertThat(options.evidence()).isEqualTo(Optional.empty());
        assertThat(options.jsonLines()).isEqualTo(Optional.empty());
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> AgentOptions.parse("window=soon")).hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> AgentOptions.parse("windw=20s")).hasMessageContaining("--windw");
        assertThatThrownBy(() -> AgentOptions.parse("window")).hasMessageContaining("'window' is not key=value");
        assertThatThrownBy(() -> AgentOptions.parse("prometheus=host:http"))
                .hasMessageContaining("is not [HOST:]PORT");
        assertThatThrownBy(() -> AgentOptions.parse("top-sites=0")).hasMessageContaining("at least 1");
    }

    @Test
    void aBadRuleFileIsRefusedWithItsLine() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "rules:\n  - id: thread-leak\n    for: many\n");
        assertThatThrownBy(() -> AgentOptions.parse("rules=" + rules)).hasMessageContaining("rules.yaml")
                .hasMessageContaining("for");
    }

    @Test
    void anAgentWithBadOptionsSaysSoOnceAndLeavesTheApplicationAlone() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ThreadwatchAgent.premain("window=soon", null);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .startsWith("threadwatch agent: not started: ")
                .contains("'soon' is not a duration")
                .hasLineCount(1);
        assertThat(Threadwatch.current()).isEmpty();
    }
}
