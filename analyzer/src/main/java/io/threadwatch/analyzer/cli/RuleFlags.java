package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.CatalogLoader;
import io.threadwatch.rules.RuleFileException;
import io.threadwatch.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What to judge and what the stacks mean: the flags offline and live analysis share. */
public final class RuleFlags {

    @Option(names = "--rules", paramLabel = "FILE",
            description = "A rule file (YAML, or JSON if it ends in .json) that adds rules or overrides built-in "
                    + "ones by id; see 'threadwatch rules'.")
    Path rules;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "A catalog file (YAML or JSON) that adds infrastructure packages, idle waits "
                    + "(class.method in which a thread waits for work) and service-thread names to the built-in "
                    + "catalog, each with the reason it is there, and patterns (known problem shapes with their "
                    + "fix, tried before the built-in ones) (repeatable); see 'threadwatch rules --catalog'.")
    List<Path> catalogs = new ArrayList<>();

    @Option(names = "--infra-package", paramLabel = "PREFIX",
            description = "A package prefix to skip, like the JDK's, when looking for the site of a stack "
                    + "(repeatable; adds to the catalog's frameworks, pools and clients).")
    List<String> infraPackages = new ArrayList<>();

    /**
     * {@code base} with the rule file's additions and overrides, or {@code base} without one.
     *
     * @throws RuleFileException when the rule file cannot be used
     */
    public RuleSet rules(RuleSet base) throws RuleFileException {
        return rules == null ? base : AnalysisOptions.ruleLoader().load(base, rules);
    }

    /**
     * {@code base} with the catalog files' entries and the {@code --infra-package} prefixes added.
     *
     * @throws RuleFileException when a catalog file cannot be used
     */
    public Catalog catalog(Catalog base) throws RuleFileException {
        Catalog catalog = base;
        for (Path file : catalogs) {
            catalog = CatalogLoader.load(catalog, file);
        }
        return infraPackages.isEmpty() ? catalog : catalog.withInfrastructure(infraPackages, "--infra-package");
    }
}
