package io.threadwatch.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A known shape of a problem, with its one-line fix: "an executor created per call and never shut
 * down", "a socket read without a timeout". The analysis gives every finding the first pattern
 * (user patterns before built-in ones, each in file order) whose kinds include the finding's kind
 * and whose conditions all hold on the finding's evidence; a finding no pattern matches is
 * {@value #UNCLASSIFIED}. Patterns are data in the catalog ({@code patterns:}), so a user adds one
 * with {@code --catalog FILE}.
 *
 * @param id      stable kebab-case id, part of the report contract
 * @param kinds   the finding kinds it applies to
 * @param title   what it means, in a few words
 * @param fix     one line a developer can act on
 * @param example one stack line that shows it, for the README and {@code rules --catalog}
 * @param match   the conditions, all of which must hold
 * @param source  {@code built-in}, or the user file it came from
 */
public record ProblemPattern(String id, Set<FindingKind> kinds, String title, String fix, String example, Match match,
                             String source) {

    /** The pattern id of a finding whose shape no pattern describes. */
    public static final String UNCLASSIFIED = "unclassified";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ProblemPattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(source, "source");
        example = example == null ? "" : example;
        kinds = Set.copyOf(kinds);
        if (!ID.matcher(id).matches() || id.equals(UNCLASSIFIED)) {
            throw new IllegalArgumentException("a pattern id is kebab-case and not '" + UNCLASSIFIED + "': " + id);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a pattern applies to at least one finding kind");
        }
    }

    /** Whether this came with Threadwatch rather than from a user's catalog file. */
    public boolean builtIn() {
        return source.equals("built-in");
    }

    /**
     * What must hold on a finding's evidence. Each list holds when any of its entries matches; an
     * empty list, or a {@code null} {@code timeout}, always holds. A frame entry is a prefix of
     * {@code class.method} ({@code java.util.concurrent.Executors.new}), or, with {@code *}, a
     * pattern over it ({@code *.add*Listener}).
     *
     * @param created     a frame of the stack that created the threads
     * @param createdOnly every frame above the site in the creation stack matches one of these (the
     *                    application started the thread itself, not through a pool or a library)
     * @param waits       a frame above the site in a stack where the threads wait, block or are pinned
     * @param notWaits    no frame above the site in those stacks matches one of these
     * @param allocated   a frame of a stack that allocated the objects that stay live (heap findings)
     * @param locks       the class of the lock or monitor waited on starts with one of these
     * @param details     an evidence detail line contains one of these
     * @param states      the stuck threads' state is one of these ({@code WAITING}, {@code BLOCKED}, ...)
     * @param timeout     {@code false}: the threads wait without a timeout; {@code true}: with one
     */
    public record Match(List<String> created, List<String> createdOnly, List<String> waits, List<String> notWaits,
                        List<String> allocated, List<String> locks, List<String> details, List<String> states,
                        Boolean timeout) {
        public Match {
            created = List.copyOf(created);
            createdOnly = List.copyOf(createdOnly);
            waits = List.copyOf(waits);
            notWaits = List.copyOf(notWaits);
            allocated = List.copyOf(allocated);
            locks = List.copyOf(locks);
            details = List.copyOf(details);
            states = List.copyOf(states);
        }

        /** Whether {@code classAndMethod} (e.g. {@code java.util.Timer.<init>}) matches the frame entry. */
        public static boolean frameMatches(String entry, String classAndMethod) {
            if (entry.indexOf('*') < 0) {
                return classAndMethod.startsWith(entry);
            }
            List<String> parts = new ArrayList<>();
            for (String part : entry.split("\\*", -1)) {
                parts.add(Pattern.quote(part));
            }
            return Pattern.matches(String.join(".*", parts), classAndMethod);
        }
    }
}
