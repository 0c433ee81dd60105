package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.pattern.PatternClassifier;
import io.threadwatch.analyzer.result.Confidence;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Finding;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.Firing;
import io.threadwatch.rules.Rule;
import io.threadwatch.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns rule firings into findings: one finding per kind and site (when several rules of one kind
 * fire at one site, the first to fire names it and the others add their evidence), spanning every
 * episode in which it fired, with a message, the evidence each rule asks for, and the pattern that
 * evidence shows.
 */
final class FindingAssembler {

    /** {@code {name}}, or {@code {value:with-unit}} / {@code {threshold:with-unit}} for the value and its unit. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(:with-unit)?}");

    private final Sites sites;
    private final Map<EvidenceRole, EvidenceProducer> evidence = new EnumMap<>(EvidenceRole.class);
    private final FindingConfidence confidence;
    private final VirtualThreadLeaks virtualThreadLeaks;
    private final PatternClassifier patterns;

    /**
     * @param producers          the detectors that hold evidence: each role exactly once
     * @param virtualThreadLeaks the producer of {@link EvidenceRole#LAST_SEEN}, which also tells of the unseen group
     * @throws IllegalArgumentException when a role has no producer or two
     */
    FindingAssembler(Sites sites, List<EvidenceProducer> producers, FindingConfidence confidence,
                     VirtualThreadLeaks virtualThreadLeaks, PatternClassifier patterns) {
        this.sites = sites;
        for (EvidenceProducer producer : producers) {
            for (EvidenceRole role : producer.roles()) {
                EvidenceProducer before = evidence.put(role, producer);
                if (before != null) {
                    throw new IllegalArgumentException("two producers of '" + role.id() + "' evidence: "
                            + before.getClass().getSimpleName() + " and " + producer.getClass().getSimpleName());
                }
            }
        }
        for (EvidenceRole role : EvidenceRole.values()) {
            if (!evidence.containsKey(role)) {
                throw new IllegalArgumentException("no producer of '" + role.id() + "' evidence");
            }
        }
        this.confidence = confidence;
        this.virtualThreadLeaks = virtualThreadLeaks;
        this.patterns = patterns;
    }

    List<Finding> assemble(List<Firing> firings) {
        Map<String, List<Firing>> byKindAndSite = new LinkedHashMap<>();
        for (Firing firing : firings) {
            String site = firing.labels().getOrDefault("site", "");
            byKindAndSite.computeIfAbsent(firing.rule().kind().id() + "\n" + site, k -> new ArrayList<>()).add(firing);
        }
        List<Firing> unlocatedLeak = foldUnlocatedLeak(byKindAndSite);
        List<Finding> findings = new ArrayList<>();
        for (List<Firing> group : byKindAndSite.values()) {
            List<Evidence> more = unlocatedLeak != null && isLocatedLeak(group)
                    ? virtualThreadLeaks.unseenAlsoGrowing(unlocatedLeak.stream().mapToDouble(Firing::worstValue).max().orElseThrow())
                    : List.of();
            findings.add(patterns.classify(finding(group, more)));
        }
        findings.sort(Comparator.comparing(Finding::severity, Comparator.reverseOrder())
                .thenComparing(f -> f.kind().id())
                .thenComparing(f -> f.site() == null ? "" : f.site().frame())
                .thenComparing(Finding::rule));
        return findings;
    }

    /**
     * Virtual threads that no event showed at an application frame form one group, the unseen
     * one. When a located virtual-thread leak fires in the same run, growth of the unseen group is
     * most likely that leak's threads which parked before JFR sampled them (a parked virtual thread
     * records nothing): one problem, so it is not a second critical finding but evidence on the
     * located one. Alone, it stays a finding of its own: a leak whose place the recording did not show.
     *
     * @return the unseen group's firings, removed from {@code groups}, or {@code null} when they stand alone
     */
    private static List<Firing> foldUnlocatedLeak(Map<String, List<Firing>> groups) {
        String unlocated = FindingKind.VTHREAD_LEAK.id() + "\n" + Site.UNSEEN.label();
        if (!groups.containsKey(unlocated) || groups.values().stream().noneMatch(FindingAssembler::isLocatedLeak)) {
            return null;
        }
        return groups.remove(unlocated);
    }

    private static boolean isLocatedLeak(List<Firing> group) {
        Firing firing = group.get(0);
        String site = firing.labels().get("site");
        return firing.rule().kind() == FindingKind.VTHREAD_LEAK && site != null && !site.equals(Site.UNSEEN.label());
    }

    private Finding finding(List<Firing> group, List<Evidence> more) {
        Firing primary = group.get(0);
        Rule rule = primary.rule();
        Instant first = group.stream().map(Firing::firstHeld).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = group.stream().map(Firing::lastHeld).max(Comparator.naturalOrder()).orElseThrow();
        // Rules of one kind at one site describe one problem: their episodes overlap, so count the most of any one.
        int episodes = group.stream().mapToInt(Firing::episodes).max().orElseThrow();
        Severity severity = group.stream().map(f -> f.rule().severity()).max(Comparator.naturalOrder()).orElseThrow();
        String siteLabel = primary.labels().get("site");
        Set<EvidenceRole> roles = new LinkedHashSet<>();
        for (Firing firing : group) {
            roles.addAll(firing.rule().evidence());
        }
        Site labelled = siteLabel == null ? null
                : siteLabel.equals(Site.UNSEEN.label()) ? Site.UNSEEN : sites.byLabel(siteLabel);
        Site site = labelled != null ? labelled : siteFromEvidence(roles);
        String unit = Sli.byId(rule.primary().sli()).map(Sli::unit).orElse("");
        List<Evidence> attached = new ArrayList<>();
        for (EvidenceRole role : roles) {
            attached.addAll(evidence.get(role).evidence(role, site, primary.labels()));
        }
        attached.addAll(more);
        boolean located = site != null && site != Site.UNSEEN;
        String id = rule.kind().id() + ":" + (located ? site.fingerprint() : rule.id());
        Confidence sure = Confidence.SUSPECTED;
        for (Firing firing : group) {
            sure = sure.strongest(confidence.of(firing.rule().kind(), site, firing.labels()));
        }
        return new Finding(id, rule.id(), rule.kind(), severity, sure, first, last, episodes,
                message(rule, primary, unit),
                new Finding.FiredSli(rule.primary().sli(), primary.labels(), primary.worstValue(),
                        rule.primary().threshold(), unit),
                located ? new Finding.Site(site.label(), site.fingerprint()) : null, attached);
    }

    /**
     * The site of a finding whose SLI has no site label (the heap's): where its evidence points,
     * i.e. the allocation site of most leak candidates.
     */
    private Site siteFromEvidence(Set<EvidenceRole> roles) {
        for (EvidenceRole role : roles) {
            Site site = evidence.get(role).pointsAt(role);
            if (site != null) {
                return site;
            }
        }
        return null;
    }

    private static String message(Rule rule, Firing firing, String unit) {
        Matcher matcher = PLACEHOLDER.matcher(rule.message());
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            boolean withUnit = matcher.group(2) != null;
            switch (name) {
                case "value":
                    value = withUnit ? Values.withUnit(firing.worstValue(), unit) : Values.forPeople(firing.worstValue());
                    break;
                case "threshold":
                    double threshold = rule.primary().threshold();
                    value = withUnit ? Values.withUnit(threshold, unit) : Values.forPeople(threshold);
                    break;
                case "unit": value = unit; break;
                case "windows": value = Integer.toString(firing.windowsHeld()); break;
                default: value = firing.labels().getOrDefault(name, matcher.group());
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }

}
