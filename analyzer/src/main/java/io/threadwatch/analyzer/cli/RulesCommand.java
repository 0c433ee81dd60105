package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.CatalogLoader;
import io.threadwatch.rules.Condition;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.ProblemPattern;
import io.threadwatch.rules.Rule;
import io.threadwatch.rules.RuleFileException;
import io.threadwatch.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code threadwatch rules}: the rules that would run, to read them or check a rule file. */
@Command(name = "rules",
        description = {"Lists the rules an analysis runs: the built-in pack, with a rule file's additions and "
                + "overrides when --rules is given. Use it to check a rule file before an analysis.",
                "A rule fires when all its conditions hold for 'for' consecutive windows on one label set.",
                "With --catalog, lists the catalog instead (infrastructure packages, idle waits, service threads, "
                        + "each with why it is there, and the patterns a finding is classified by, each with its "
                        + "kinds and fix), with the entries of the catalog files given added."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:The rules (or catalog files) are valid.",
                "2:Usage error, or a rule or catalog file is invalid (its line and reason are printed)."})
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE", description = "A rule file to add to the built-in rules.")
    Path rules;

    @Option(names = "--slis", description = "List the SLIs rules can use, with their units and labels, instead.")
    boolean slis;

    @Option(names = "--catalog", paramLabel = "FILE", arity = "0..*",
            description = "List the catalog instead: the built-in one, with these catalog files' entries added "
                    + "(none: the built-in catalog alone).")
    List<Path> catalogs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (slis) {
            for (Sli sli : Sli.values()) {
                out.printf("%-22s %-13s %-14s %s%n", sli.id(), sli.unit(),
                        sli.labels().isEmpty() ? "-" : String.join(",", sli.labels()), sli.meaning());
            }
            return ExitCodes.OK;
        }
        if (catalogs != null) {
            return printCatalog(out);
        }
        RuleSet ruleSet = AnalysisOptions.defaults().rules();
        if (rules != null) {
            try {
                ruleSet = AnalysisOptions.ruleLoader().load(ruleSet, rules);
            } catch (RuleFileException e) {
                throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
            }
        }
        for (Rule rule : ruleSet.all()) {
            out.printf("%s%s  %s %s%n", rule.id(), rule.enabled() ? "" : " (disabled)", rule.severity().id(),
                    rule.kind().id());
            if (!rule.description().isEmpty()) {
                out.printf("    %s%n", rule.description());
            }
            List<String> conditions = new ArrayList<>();
            for (Condition condition : rule.when()) {
                conditions.add(describe(condition));
            }
            out.printf("    when %s for %d window%s%s%n", String.join(" and ", conditions), rule.forWindows(),
                    rule.forWindows() == 1 ? "" : "s", rule.clearAfterWindows() == 1 ? ""
                            : "; clears after " + rule.clearAfterWindows() + " windows without");
            if (!rule.evidence().isEmpty()) {
                out.printf("    evidence: %s%n",
                        rule.evidence().stream().map(EvidenceRole::id).collect(Collectors.joining(", ")));
            }
        }
        return ExitCodes.OK;
    }

    private int printCatalog(PrintWriter out) {
        Catalog catalog = CatalogLoader.builtIn();
        try {
            for (Path file : catalogs) {
                catalog = CatalogLoader.load(catalog, file);
            }
        } catch (RuleFileException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        print(out, "infrastructure (never a site)", catalog.infrastructure());
        print(out, "idle waits (a thread blocked inside one waits for work)", catalog.idleWaits());
        print(out, "service threads (not the application's)", catalog.serviceThreads());
        out.printf("patterns (a finding gets the first that matches: user files' first, then these; else %s):%n",
                ProblemPattern.UNCLASSIFIED);
        for (ProblemPattern pattern : catalog.patterns()) {
            out.printf("  %-34s %s: %s%s%n", pattern.id(),
                    pattern.kinds().stream().map(FindingKind::id).sorted().collect(Collectors.joining(",")),
                    pattern.title(), pattern.builtIn() ? "" : " [" + pattern.source() + "]");
            out.printf("  %-34s fix: %s%n", "", pattern.fix());
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, String heading, List<Catalog.Entry> entries) {
        out.printf("%s:%n", heading);
        for (Catalog.Entry entry : entries) {
            out.printf("  %-60s %s%s%n", entry.match(), entry.why(),
                    entry.source().equals("built-in") ? "" : " [" + entry.source() + "]");
        }
    }

    private static String describe(Condition condition) {
        String labels = condition.labels().isEmpty() ? "" : condition.labels().entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        String unit = Sli.byId(condition.sli()).map(Sli::unit).orElse("");
        return condition.sli() + labels + " " + condition.op().symbol() + " " + Values.forPeople(condition.threshold())
                + (unit.isEmpty() ? "" : " " + unit);
    }
}
