package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.result.Explanation;
import io.threadwatch.analyzer.result.Finding;
import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.analyzer.result.SliSample;
import java.util.List;

/**
 * What the engine found in a recording.
 *
 * @param slis         every window's SLIs, if kept
 * @param findings     the findings, most severe first
 * @param limitations  what the recording could not show
 * @param explanations why threads the analysis saw were not reported
 * @param windows      how many windows it was cut into
 * @param cores        the effective CPU count, or {@code null} when the recording does not say
 * @param jvmName      the JVM name, or the empty string
 * @param jvmVersion   the JVM version, or the empty string
 */
public record EngineResult(List<SliSample> slis, List<Finding> findings, List<Limitation> limitations,
                           List<Explanation> explanations, int windows, Integer cores, String jvmName,
                           String jvmVersion) {

    public EngineResult {
        slis = List.copyOf(slis);
        findings = List.copyOf(findings);
        limitations = List.copyOf(limitations);
        explanations = List.copyOf(explanations);
    }
}
