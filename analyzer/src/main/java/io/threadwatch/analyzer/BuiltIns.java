package io.threadwatch.analyzer;

import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.CatalogLoader;
import io.threadwatch.rules.RuleSet;

/**
 * The built-in catalog and rule pack, each read once per process. On a cold JVM reading them
 * (Jackson's YAML and data binding load with them) is most of the fixed cost of analyzing a small
 * recording, so a command line that will analyze can start it on a daemon thread with
 * {@link #preload()} while it sets itself up.
 */
public final class BuiltIns {

    /** Guards {@link #rules}; a separate lock from the catalog's, so the two can be read side by side. */
    private static final Object RULES_LOCK = new Object();
    private static RuleSet rules;

    private BuiltIns() {
    }

    /** The built-in catalog. */
    public static Catalog catalog() {
        return CatalogLoader.builtIn();
    }

    /** The built-in rule pack, with every SLI known. */
    public static RuleSet rules() {
        synchronized (RULES_LOCK) {
            if (rules == null) {
                rules = AnalysisOptions.ruleLoader().builtIn();
            }
            return rules;
        }
    }

    /**
     * Starts reading the catalog, then the rules, on a daemon thread. A caller that asks for the
     * rules first while the catalog is still being read reads them itself beside it instead of
     * waiting; one that asks for something being read waits for it.
     */
    public static void preload() {
        Thread preload = new Thread(() -> {
            try {
                catalog();
                rules();
            } catch (RuntimeException | LinkageError e) {
                // Nothing is kept: the caller's own read fails the same way and reports it.
            }
        }, "threadwatch-preload");
        preload.setDaemon(true);
        preload.start();
    }
}
