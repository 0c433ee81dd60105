package io.threadwatch.recorder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The recorder's package rules: each concept in its package, one way in and out. */
class RecorderArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.threadwatch.recorder");

    @Test
    void onlyTheStreamPackageTouchesJfr() {
        noClasses().that().resideOutsideOfPackage("io.threadwatch.recorder.stream..")
                .should().dependOnClassesThat().resideInAPackage("jdk.jfr..")
                .orShould().dependOnClassesThat().resideInAPackage("jdk.management.jfr..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineAndTheAgentParseFlags() {
        noClasses().that().resideOutsideOfPackages("io.threadwatch.recorder.cli..", "io.threadwatch.recorder.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.threadwatch.analyzer.cli..",
                        "io.threadwatch.recorder.cli..", "io.threadwatch.recorder.agent..")
                .check(CLASSES);
    }

    @Test
    void onlyPublishingKnowsMicrometerAndPrometheusBesidesTheWatchHandle() {
        noClasses().that().resideOutsideOfPackage("io.threadwatch.recorder.publish..")
                .and().doNotHaveFullyQualifiedName(Watch.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
                .check(CLASSES);
    }

    @Test
    void theEngineIsReachedOnlyThroughTheStreamPackage() {
        noClasses().that().resideOutsideOfPackage("io.threadwatch.recorder.stream..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.threadwatch.analyzer.engine.AnalysisEngine")
                .check(CLASSES);
    }
}
