package io.threadwatch.junit5.internal;

import io.threadwatch.junit5.GuardDefaults;
import io.threadwatch.junit5.ThreadwatchGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one test is guarded with: its annotation's values, else the JUnit configuration parameters,
 * else the defaults.
 *
 * @param enabled      whether to guard it at all
 * @param grace        how long its threads may take to end after it
 * @param allowThreads thread names that may outlive it (matched whole)
 * @param allowSites   creation frames whose threads may outlive it (found in any frame of the stack)
 * @param pinnedBound  the longest pinned wait allowed, or empty to not judge pinning
 */
public record GuardOptions(boolean enabled, Duration grace, List<Pattern> allowThreads, List<Pattern> allowSites,
                           Optional<Duration> pinnedBound) {

    public GuardOptions {
        allowThreads = List.copyOf(allowThreads);
        allowSites = List.copyOf(allowSites);
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace period is negative: " + grace);
        }
    }

    /** The options of the test {@code context} runs, its annotation {@code guard} (or none, when registered globally). */
    public static GuardOptions of(ExtensionContext context, Optional<ThreadwatchGuard> guard) {
        boolean enabled = context.getConfigurationParameter(GuardDefaults.ENABLED, Boolean::parseBoolean).orElse(true)
                && guard.map(ThreadwatchGuard::enabled).orElse(true);
        long graceMillis = guard.map(ThreadwatchGuard::graceMillis).filter(millis -> millis >= 0)
                .orElseGet(() -> millis(context, GuardDefaults.GRACE).orElse(GuardDefaults.GRACE_MILLIS));
        long pinnedMillis = guard.map(ThreadwatchGuard::pinnedMillis).filter(millis -> millis >= 0)
                .orElseGet(() -> millis(context, GuardDefaults.PINNED).orElse(-1L));
        List<Pattern> threads = patterns(context, GuardDefaults.ALLOW_THREADS,
                guard.map(ThreadwatchGuard::allowThreads).orElse(new String[0]));
        List<Pattern> sites = patterns(context, GuardDefaults.ALLOW_SITES,
                guard.map(ThreadwatchGuard::allowSites).orElse(new String[0]));
        return new GuardOptions(enabled, Duration.ofMillis(graceMillis), threads, sites,
                pinnedMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(pinnedMillis)));
    }

    private static Optional<Long> millis(ExtensionContext context, String key) {
        return context.getConfigurationParameter(key, parse(key, Long::parseLong));
    }

    private static List<Pattern> patterns(ExtensionContext context, String key, String[] annotated) {
        List<String> all = new ArrayList<>(List.of(annotated));
        context.getConfigurationParameter(key).ifPresent(value -> {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    all.add(part.strip());
                }
            }
        });
        return all.stream().map(parse(key, Pattern::compile)).toList();
    }

    /** A parser whose failure names the parameter, as JUnit reports an extension's misconfiguration. */
    private static <T> Function<String, T> parse(String key, Function<String, T> parser) {
        return value -> {
            try {
                return parser.apply(value.strip());
            } catch (NumberFormatException | PatternSyntaxException e) {
                throw new ExtensionConfigurationException("Threadwatch guard: " + key + " '" + value + "': "
                        + e.getMessage(), e);
            }
        };
    }
}
