package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingLimits;
import io.threadwatch.analyzer.source.RecordingSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser gives the same analysis of every committed recording as the JDK's own parser, the
 * reference: the same findings (rule, kind, severity, site, first and last window, the fired SLI's
 * value, the evidence), the same SLI series and limitations, and the same recorded JVM and time span.
 * Only {@code source.parser} may differ. Parsers join as {@link RecordingSource#of} learns them.
 *
 * <p>The JMC parser matches the JDK's on every recording here. Where it differs in what it can
 * see, the difference does not reach the analysis (see the README, "Parsers"): JMC has no
 * {@code virtual} thread field, so the source tells virtual threads by their thread group; it names
 * a thread without a Java name by its OS name; and events with equal commit times of one type may
 * reach the engine in another order.
 */
class ParserDifferentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Parser REFERENCE = Parser.JDK;

    static Stream<Arguments> recordingsAndParsers() {
        List<Parser> candidates = Arrays.stream(Parser.values())
                .filter(parser -> parser != REFERENCE && isBuilt(parser)).toList();
        assertThat(candidates).as("parsers to compare with the JDK's").contains(Parser.JMC);
        return TestRecordings.expectations().stream()
                .flatMap(expectation -> candidates.stream().map(parser -> Arguments.of(expectation, parser)));
    }

    /** Whether {@link RecordingSource#of} has a source for the parser yet. */
    private static boolean isBuilt(Parser parser) {
        try (RecordingFiles files = RecordingFiles.open(List.of(TestRecordings.recording("deadlock.default-jdk17.jfr.gz")),
                RecordingLimits.DEFAULT)) {
            RecordingSource.of(parser, files, new StackTable());
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (RecordingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} read by {1}")
    @MethodSource("recordingsAndParsers")
    void givesTheSameAnalysisAsTheJdkParser(TestRecordings.Expectation expectation, Parser parser) throws Exception {
        List<java.nio.file.Path> files = List.of(expectation.recording());
        JsonNode reference = comparable(Analyzer.analyze(files, AnalysisOptions.defaults().withParser(REFERENCE)));
        Report report = Analyzer.analyze(files, AnalysisOptions.defaults().withParser(parser));

        assertThat(report.source().parser().name()).isEqualTo(parser.id());
        assertThat(report.source().parser().fallback()).isEmpty();
        JsonNode candidate = comparable(report);
        assertThat(candidate.get("findings")).as(expectation + " findings").isEqualTo(reference.get("findings"));
        assertThat(candidate.get("slis")).as(expectation + " SLI series").isEqualTo(reference.get("slis"));
        assertThat(candidate.get("limitations")).as(expectation + " limitations").isEqualTo(reference.get("limitations"));
        assertThat(candidate.get("source")).as(expectation + " source").isEqualTo(reference.get("source"));
        assertThat(candidate.get("analysis")).as(expectation + " windows").isEqualTo(reference.get("analysis"));
    }

    /** The report as JSON, schema-checked, without the parser that read it. */
    private static JsonNode comparable(Report report) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(ReportAssertions.validJson(report));
            ((ObjectNode) json.get("source")).remove("parser");
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
