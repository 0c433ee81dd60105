package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.engine.FrameClassifier;
import io.threadwatch.rules.RuleFileException;
import io.threadwatch.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What to judge and where to look for a site: the flags offline and live analysis share. */
public final class RuleFlags {

    @Option(names = "--rules", paramLabel = "FILE",
            description = "A rule file (YAML, or JSON if it ends in .json) that adds rules or overrides built-in "
                    + "ones by id; see 'threadwatch rules'.")
    Path rules;

    @Option(names = "--infra-package", paramLabel = "PREFIX",
            description = "A package prefix to skip, like the JDK's, when looking for the site of a stack "
                    + "(repeatable; adds to the built-in list of frameworks and pools).")
    List<String> infraPackages = new ArrayList<>();

    /**
     * {@code base} with the rule file's additions and overrides, or {@code base} without one.
     *
     * @throws RuleFileException when the rule file cannot be used
     */
    public RuleSet rules(RuleSet base) throws RuleFileException {
        return rules == null ? base : AnalysisOptions.ruleLoader().load(base, rules);
    }

    /** The built-in infrastructure packages and the ones given, or empty when none is given. */
    public List<String> infrastructure() {
        if (infraPackages.isEmpty()) {
            return List.of();
        }
        List<String> infrastructure = new ArrayList<>(FrameClassifier.DEFAULT_INFRASTRUCTURE_PACKAGES);
        infrastructure.addAll(infraPackages);
        return infrastructure;
    }
}
