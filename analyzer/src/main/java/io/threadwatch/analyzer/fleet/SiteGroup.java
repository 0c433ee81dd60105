package io.threadwatch.analyzer.fleet;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One problem seen across recordings: a kind of finding at one site (by the site's fingerprint,
 * which does not depend on thread names or times, so the same code gives the same one everywhere).
 *
 * @param kind        the kind of finding
 * @param site        the site's frame
 * @param fingerprint the site's fingerprint
 * @param severity    the most severe it was in any recording
 * @param recordings  in how many recordings it was found
 * @param files       which, in the order the summary lists them
 */
@JsonPropertyOrder({"kind", "site", "fingerprint", "severity", "recordings", "files"})
public record SiteGroup(String kind, String site, String fingerprint, String severity, int recordings,
                        List<String> files) {

    public SiteGroup {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(severity, "severity");
        files = List.copyOf(files);
        if (recordings != files.size()) {
            throw new IllegalArgumentException(recordings + " recordings but " + files.size() + " files");
        }
    }
}
