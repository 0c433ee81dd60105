package io.threadwatch.analyzer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules of the analyzer (style: one concept per package, one way in and out). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.threadwatch");

    private static final String SOURCE = "io.threadwatch.analyzer.source";
    /** The parsers' packages, one per {@code Parser} value. */
    private static final List<String> PARSERS =
            List.of(SOURCE + ".threadwatch", SOURCE + ".jdk", SOURCE + ".jmc");

    /** The JDK's JFR API is the {@code jdk} parser's alone (the recorder's live stream goes through it too). */
    @Test
    void onlyTheJdkParserReadsJfrThroughTheJdk() {
        noClasses().that().resideOutsideOfPackage(SOURCE + ".jdk..")
                .should().dependOnClassesThat().resideInAPackage("jdk.jfr..")
                .check(CLASSES);
    }

    /** JMC is the {@code jmc} parser's alone, so that the agent jar can leave it out. */
    @Test
    void onlyTheJmcParserReadsJmc() {
        noClasses().that().resideOutsideOfPackage(SOURCE + ".jmc..")
                .should().dependOnClassesThat().resideInAPackage("org.openjdk.jmc..")
                .check(CLASSES);
    }

    /** Each parser is a room of its own: what they share lives in {@code source}, never in another parser. */
    @Test
    void theParsersDoNotDependOnEachOther() {
        for (String parser : PARSERS) {
            noClasses().that().resideInAPackage(parser + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(PARSERS.stream()
                            .filter(other -> !other.equals(parser)).map(other -> other + "..").toArray(String[]::new))
                    .check(CLASSES);
        }
    }

    /** A translator is written once for every parser: it reads a SourceEvent and knows no parser nor decoder. */
    @Test
    void theTranslatorsDependOnNoParser() {
        List<String> forbidden = new ArrayList<>();
        PARSERS.forEach(parser -> forbidden.add(parser + ".."));
        forbidden.addAll(List.of(SOURCE + ".chunk..", "jdk.jfr..", "org.openjdk.jmc.."));
        noClasses().that().resideInAPackage(SOURCE + ".translate..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .check(CLASSES);
    }

    /**
     * Only {@code source} (the shared part: {@code RecordingSource.of}, {@code RecordingFiles}) chooses a
     * parser; the rest of the analyzer names a {@code Parser} value and never a parser's class.
     */
    @Test
    void onlyTheSharedSourcePackageChoosesAParser() {
        for (String parser : PARSERS) {
            noClasses().that().resideOutsideOfPackages(SOURCE, parser + "..")
                    .should().dependOnClassesThat().resideInAPackage(parser + "..")
                    .check(CLASSES);
        }
    }

    /** Threadwatch's chunk decoder is a library of the JFR format: it knows neither the JDK's reader nor the analysis. */
    @Test
    void theChunkDecoderDependsOnlyOnTheJdkBase() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("io.threadwatch.analyzer.source.chunk..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.threadwatch.analyzer.source.chunk..")
                .check(CLASSES);
    }

    /** A chunk partial's bytes are the event model's, written and read back: they know nothing else of the analyzer. */
    @Test
    void thePartialCodecDependsOnlyOnTheEventModel() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("io.threadwatch.analyzer.partial..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.threadwatch.analyzer.partial..",
                        "io.threadwatch.analyzer.event..")
                .check(CLASSES);
    }

    @Test
    void theEventModelDependsOnNothingElseInTheAnalyzer() {
        noClasses().that().resideInAPackage("io.threadwatch.analyzer.event..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadwatch.analyzer.source..",
                        "io.threadwatch.analyzer.engine..", "io.threadwatch.analyzer.report..", "io.threadwatch.analyzer.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliUsesPicocliAndNothingDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage("io.threadwatch.analyzer.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.threadwatch.analyzer.cli..")
                .check(CLASSES);
    }

    @Test
    void theEngineDoesNotKnowHowRecordingsAreReadOrReportsWritten() {
        noClasses().that().resideInAPackage("io.threadwatch.analyzer.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..",
                        "io.threadwatch.analyzer.report..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.threadwatch.analyzer.engine..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "source classes other than JfrEventNames",
                        c -> c.getPackageName().equals("io.threadwatch.analyzer.source")
                                && !c.getSimpleName().equals("JfrEventNames")))
                .check(CLASSES);
    }

    /**
     * What an analysis found is data the engine produces and the report renders: it knows neither
     * how it was found nor how it is written.
     */
    @Test
    void theResultsAreDataThatNeitherTheEngineNorTheReportShapes() {
        noClasses().that().resideInAPackage("io.threadwatch.analyzer.result..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..",
                        "io.threadwatch.analyzer.engine..", "io.threadwatch.analyzer.report..",
                        "io.threadwatch.analyzer.source..", "io.threadwatch.analyzer.cli..")
                .check(CLASSES);
    }

    /** The HTML page is one report format: reached through ReportFormat, and it reads the report, never the recording. */
    @Test
    void theHtmlReportIsAFormatOfTheReport() {
        noClasses().that().resideOutsideOfPackage("io.threadwatch.analyzer.report..")
                .should().dependOnClassesThat().resideInAPackage("io.threadwatch.analyzer.report.html..")
                .check(CLASSES);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("io.threadwatch.analyzer.report.html..")
                .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "the JDK, Jackson, the report and the results it renders, the SLIs, the rules, frames, and "
                                + "the engine's FrameClassifier and NameFamily (the one rule for application frames "
                                + "and thread families)",
                        c -> c.getPackageName().startsWith("java.")
                                || c.getPackageName().startsWith("com.fasterxml.jackson.")
                                || c.getPackageName().startsWith("io.threadwatch.analyzer.report")
                                || c.getPackageName().equals("io.threadwatch.analyzer.result")
                                || c.getPackageName().equals("io.threadwatch.analyzer.sli")
                                || c.getPackageName().startsWith("io.threadwatch.rules")
                                || c.getName().equals("io.threadwatch.analyzer.event.Frame")
                                || c.getName().equals("io.threadwatch.analyzer.engine.FrameClassifier")
                                || c.getName().equals("io.threadwatch.analyzer.engine.NameFamily")))
                .check(CLASSES);
    }

    /** The fleet view groups finished reports: it neither reads recordings nor runs the engine itself. */
    @Test
    void theFleetViewWorksOnReportsOnly() {
        noClasses().that().resideInAPackage("io.threadwatch.analyzer.fleet..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadwatch.analyzer.engine..",
                        "io.threadwatch.analyzer.event..", "io.threadwatch.analyzer.sli..", "io.threadwatch.analyzer.cli..",
                        "picocli..", "jdk.jfr..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.threadwatch.analyzer.fleet..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "source classes other than RecordingException",
                        c -> c.getPackageName().startsWith("io.threadwatch.analyzer.source")
                                && !c.getSimpleName().equals("RecordingException")))
                .check(CLASSES);
    }

    /**
     * The diff compares snapshots: reports from {@code Analyzer} and the live threads the engine and the
     * dump readers give. It knows no parser, no engine internals, no CLI and no server.
     */
    @Test
    void theDiffWorksOnSnapshotsOnly() {
        noClasses().that().resideInAPackage("io.threadwatch.analyzer.diff..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadwatch.analyzer.cli..", "picocli..",
                        "io.threadwatch.analyzer.serve..", "io.threadwatch.analyzer.fleet..",
                        "io.threadwatch.analyzer.report.html..", "jdk.jfr..", "org.openjdk.jmc..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.threadwatch.analyzer.diff..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "engine classes other than LiveThread, ThreadDumps, NameFamily and FrameClassifier, or source "
                                + "classes other than RecordingException",
                        c -> c.getPackageName().equals("io.threadwatch.analyzer.engine")
                                && !List.of("LiveThread", "ThreadDumps", "NameFamily", "FrameClassifier").contains(c.getSimpleName())
                                || c.getPackageName().startsWith("io.threadwatch.analyzer.source")
                                && !c.getSimpleName().equals("RecordingException")))
                .check(CLASSES);
    }

    /** The progress bar and its terminal library are the offline CLI's alone (the agent jar leaves them out). */
    @Test
    void onlyTheCliDrawsProgressBars() {
        noClasses().that().resideOutsideOfPackage("io.threadwatch.analyzer.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("me.tongfei..", "org.jline..")
                .check(CLASSES);
    }

    /** Only serve (left out of the agent jar) may use the server libraries; the cli reaches it by name only. */
    @Test
    void onlyTheServePackageUsesTheServerLibraries() {
        noClasses().that().resideOutsideOfPackage("io.threadwatch.analyzer.serve..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
                        "org.h2..", "org.flywaydb..", "org.postgresql..", "java.sql..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("io.threadwatch.analyzer.serve.store..", "io.threadwatch.analyzer.serve.work..",
                        "io.threadwatch.analyzer.serve.fleet..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.threadwatch.analyzer.serve.http..")
                .check(CLASSES);
    }

    @Test
    void theRulesKnowNothingOfTheAnalyzer() {
        noClasses().that().resideInAPackage("io.threadwatch.rules..")
                .should().dependOnClassesThat().resideInAPackage("io.threadwatch.analyzer..")
                .check(CLASSES);
    }

    @Test
    void jfrEventNamesAreSpelledOnlyInJfrEventNames() throws IOException {
        Pattern literal = Pattern.compile("\"jdk\\.[A-Z]");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("JfrEventNames.java"))
                    .filter(f -> {
                        try {
                            return literal.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }
}
