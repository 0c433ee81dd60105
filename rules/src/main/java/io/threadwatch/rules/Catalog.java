package io.threadwatch.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the structure of a stack cannot tell, kept as data next to the rule pack: code that is
 * infrastructure rather than application (never a site), methods in which a thread waits for work
 * (an idle wait, however long), and names of threads the JVM, the JDK and common tools run for
 * themselves. The analysis decides most of this from the recording (where a wait sits in its
 * thread's stack, whether the thread comes back to it, whether others pile up behind it); the
 * catalog covers the rest, and every entry says why it is there, so that a user reading an
 * "idle" decision can check it. Users extend it with a file of the same format
 * ({@link CatalogLoader}).
 *
 * @param infrastructure package or class prefixes whose frames are skipped when looking for a site;
 *                       an entry with {@code *} is a pattern over the whole class name instead
 *                       ({@code *Grpc$*Stub}: code generated into the application's packages)
 * @param idleWaits      {@code class.method} names of methods in which a thread waits for work
 * @param serviceThreads thread-name prefixes of threads that are not the application's
 * @param patterns       known problem shapes with their fixes ({@link ProblemPattern}), in file order
 */
public record Catalog(List<Entry> infrastructure, List<Entry> idleWaits, List<Entry> serviceThreads,
                      List<ProblemPattern> patterns) {

    /** The classpath resource of the built-in catalog, in the same format as user files. */
    public static final String BUILT_IN_RESOURCE = "/io/threadwatch/rules/catalog.yaml";

    /** The classpath resource of the built-in patterns, in the same format (a file with only {@code patterns:}). */
    public static final String BUILT_IN_PATTERNS_RESOURCE = "/io/threadwatch/rules/patterns.yaml";

    /** An empty catalog: nothing is infrastructure, nothing is idle by name, no patterns. */
    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of(), List.of());

    /**
     * One entry.
     *
     * @param match  the prefix or {@code class.method} it matches
     * @param why    why it is in the catalog, as shown in the analysis' explanations
     * @param source where it came from: {@code built-in}, or a user file
     */
    public record Entry(String match, String why, String source) {
        public Entry {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(source, "source");
            if (match.isBlank()) {
                throw new IllegalArgumentException("a catalog entry needs something to match");
            }
        }
    }

    public Catalog {
        infrastructure = List.copyOf(infrastructure);
        idleWaits = List.copyOf(idleWaits);
        serviceThreads = List.copyOf(serviceThreads);
        patterns = List.copyOf(patterns);
    }

    /** A catalog without patterns. */
    public Catalog(List<Entry> infrastructure, List<Entry> idleWaits, List<Entry> serviceThreads) {
        this(infrastructure, idleWaits, serviceThreads, List.of());
    }

    /** This catalog with {@code more}'s entries added; an entry already present (same match) stays as it was. */
    public Catalog with(Catalog more) {
        Map<String, ProblemPattern> byId = new LinkedHashMap<>();
        for (ProblemPattern pattern : patterns) {
            byId.putIfAbsent(pattern.id(), pattern);
        }
        for (ProblemPattern pattern : more.patterns) {
            byId.putIfAbsent(pattern.id(), pattern);
        }
        return new Catalog(merge(infrastructure, more.infrastructure), merge(idleWaits, more.idleWaits),
                merge(serviceThreads, more.serviceThreads), new ArrayList<>(byId.values()));
    }

    /** The pattern with this id, if the catalog has one. */
    public Optional<ProblemPattern> pattern(String id) {
        return patterns.stream().filter(pattern -> pattern.id().equals(id)).findFirst();
    }

    /** This catalog with more infrastructure prefixes, e.g. from {@code --infra-package}. */
    public Catalog withInfrastructure(List<String> prefixes, String source) {
        List<Entry> added = new ArrayList<>();
        for (String prefix : prefixes) {
            added.add(new Entry(prefix, "given as an infrastructure package", source));
        }
        return with(new Catalog(added, List.of(), List.of()));
    }

    /** The infrastructure prefixes (entries without {@code *}), in catalog order. */
    public List<String> infrastructurePrefixes() {
        return infrastructure.stream().map(Entry::match).filter(match -> !isPattern(match)).toList();
    }

    /**
     * The infrastructure class-name patterns (entries with {@code *}, which matches any run of
     * characters), as regular expressions over the whole class name.
     */
    public List<Pattern> infrastructurePatterns() {
        List<Pattern> patterns = new ArrayList<>();
        for (Entry entry : infrastructure) {
            if (isPattern(entry.match())) {
                List<String> parts = new ArrayList<>();
                for (String part : entry.match().split("\\*", -1)) {
                    parts.add(Pattern.quote(part));
                }
                patterns.add(Pattern.compile(String.join(".*", parts)));
            }
        }
        return patterns;
    }

    private static boolean isPattern(String match) {
        return match.indexOf('*') >= 0;
    }

    /** The idle-wait entry for a {@code class.method}, if the catalog has one. */
    public Optional<Entry> idleWait(String classAndMethod) {
        for (Entry entry : idleWaits) {
            if (entry.match().equals(classAndMethod)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The service-thread entry whose prefix starts this thread name, if any. */
    public Optional<Entry> serviceThread(String threadName) {
        for (Entry entry : serviceThreads) {
            if (threadName.startsWith(entry.match())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static List<Entry> merge(List<Entry> base, List<Entry> more) {
        Map<String, Entry> byMatch = new LinkedHashMap<>();
        for (Entry entry : base) {
            byMatch.putIfAbsent(entry.match(), entry);
        }
        for (Entry entry : more) {
            byMatch.putIfAbsent(entry.match(), entry);
        }
        return new ArrayList<>(byMatch.values());
    }
}
