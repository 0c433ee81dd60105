package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed recording of a sample app yields exactly its expected kinds at its expected
 * sites; every healthy control yields none. Where the recording's settings cannot show a kind
 * (no thread dump in a short profile recording), the report must say so rather than imply health.
 * Each finding has the pattern its expected file names, and a fix unless it is unclassified.
 * Each report validates against the schema, and a second analysis gives the same bytes.
 */
class SampleRecordingsTest {

    static Stream<TestRecordings.Expectation> recordings() {
        return TestRecordings.expectations().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void yieldsExactlyTheExpectedFindings(TestRecordings.Expectation expectation) throws Exception {
        Report report = Analyzer.analyze(List.of(expectation.recording()), AnalysisOptions.defaults());
        String json = ReportAssertions.validJson(report);
        String again = ReportAssertions.validJson(Analyzer.analyze(List.of(expectation.recording()), AnalysisOptions.defaults()));
        assertThat(again).as("a second analysis of " + expectation + " gives the same bytes").isEqualTo(json);
        assertThat(ReportAssertions.kindsAndSites(report)).as(expectation + " findings").isEqualTo(expectation.expected());
        // Each finding names the known shape an expert would give it (the expected file's pattern), with its fix.
        assertThat(ReportAssertions.kindsSitesAndPatterns(report)).as(expectation + " patterns")
                .isEqualTo(expectation.patterns());
        for (Finding finding : report.findings()) {
            assertThat(finding.evidence()).as(finding.id() + " evidence").isNotEmpty();
            assertThat(finding.fix() == null).as(finding.id() + " has a fix unless unclassified")
                    .isEqualTo(finding.pattern().equals("unclassified"));
            if (finding.site() != null) {
                // A finding without a site (GC pressure) has no stack to show; one with a site shows it first.
                assertThat(finding.evidence().get(0).frames()).as(finding.id() + " evidence stack").isNotEmpty();
            }
        }
        for (String kind : expectation.notAssessed()) {
            assertThat(report.limitations()).as(expectation + " must say it cannot assess " + kind)
                    .anyMatch(limitation -> limitation.kinds().contains(kind));
        }
        assertThat(report.source().truncated()).isFalse();
        assertThat(report.source().chunks()).isPositive();
    }
}
