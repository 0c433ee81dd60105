package io.threadwatch.analyzer.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.ReportFormat;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.CatalogLoader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page's data and markup, without a browser (HtmlReportBrowserTest renders it). */
class HtmlReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void embeddedReportIsTheJsonReport() throws Exception {
        Report report = HtmlPages.analyze("scheduler-leak.default-jdk17.jfr.gz");
        StringWriter json = new StringWriter();
        ReportFormat.JSON.write(report, json);

        String page = HtmlPages.page(report, CatalogLoader.builtIn());

        // Escaped differently (\u003c for <), the same JSON values: the download is a valid report v1.
        assertThat(JSON.readTree(HtmlPages.embedded(page, "tw-report"))).isEqualTo(JSON.readTree(json.toString()));
        assertThat(page).contains("threads.site.live");
        // The finding cards read the pattern and fix from the embedded report.
        assertThat(JSON.readTree(HtmlPages.embedded(page, "tw-report")).at("/findings/0/pattern").asText())
                .isEqualTo("executor-per-call-never-shutdown");
    }

    @Test
    void stringsFromTheRecordingNeverBecomeMarkup() throws Exception {
        Report real = HtmlPages.analyze("scheduler-leak.default-jdk17.jfr.gz");
        String hostile = "</script><script>alert(1)</script><!-- & \"quoted\" $Inner /*@page.js@*/";
        Finding leak = real.findings().get(0);
        Evidence evidence = new Evidence("live-threads", 2, List.of(hostile, "worker-1"),
                List.of("at com.acme.Handler$1.run(Handler.java:10)", "at " + hostile), hostile);
        Finding crafted = new Finding(leak.id(), leak.rule(), leak.kind(), leak.severity(), leak.confidence(),
                leak.first(), leak.last(), leak.episodes(), hostile, leak.sli(), leak.site(), List.of(evidence));
        Report report = new Report(real.schema(), real.tool(), real.source(), real.analysis(), real.slis(),
                List.of(crafted), real.limitations(), real.explanations());

        String page = HtmlPages.page(report, CatalogLoader.builtIn());

        // The template's four script elements, and not one more: no string closed an element or opened one.
        assertThat(count(page, "<script")).isEqualTo(4);
        assertThat(count(page, "</script>")).isEqualTo(4);
        assertThat(page).doesNotContain("<!-- &").doesNotContain(hostile);
        // ... and the page's script reads the strings back exactly as they were.
        JsonNode finding = JSON.readTree(HtmlPages.embedded(page, "tw-report")).at("/findings/0");
        assertThat(finding.get("message").asText()).isEqualTo(hostile);
        assertThat(finding.at("/evidence/0/threads/0").asText()).isEqualTo(hostile);
        assertThat(finding.at("/evidence/0/frames/1").asText()).isEqualTo("at " + hostile);
    }

    @Test
    void applicationFramesAreTheEnginesWithTheAnalysisCatalog() throws Exception {
        Report report = HtmlPages.analyze("scheduler-leak.default-jdk17.jfr.gz");
        Finding leak = report.findings().get(0);
        List<String> frames = leak.evidence().get(0).frames();
        int site = frames.indexOf("at " + leak.site().frame());
        assertThat(site).as(frames.toString()).isPositive();

        List<Boolean> builtIn = applicationFlags(HtmlPages.page(report, CatalogLoader.builtIn()));
        assertThat(builtIn).hasSize(frames.size());
        assertThat(builtIn.get(site)).isTrue();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).startsWith("at java.") || frames.get(i).startsWith("at jdk.")) {
                assertThat(builtIn.get(i)).as(frames.get(i)).isFalse();
            }
        }

        // With the samples' packages declared infrastructure (--infra-package), no frame of theirs is highlighted.
        Catalog samplesAreInfrastructure = CatalogLoader.builtIn()
                .withInfrastructure(List.of("io.threadwatch.samples."), "--infra-package");
        List<Boolean> withInfra = applicationFlags(HtmlPages.page(report, samplesAreInfrastructure));
        assertThat(withInfra.get(site)).isFalse();
    }

    @Test
    void threadNamesAreGroupedByFamily() throws Exception {
        Report report = HtmlPages.analyze("scheduler-leak.default-jdk17.jfr.gz");
        JsonNode view = JSON.readTree(HtmlPages.embedded(HtmlPages.page(report, CatalogLoader.builtIn()), "tw-view"));
        JsonNode families = view.at("/findings/0/evidence/0/families");
        Evidence evidence = report.findings().get(0).evidence().get(0);

        assertThat(families.get(0).get("family").asText()).isEqualTo("flag-refresher-#");
        assertThat(families.get(0).get("names")).hasSize(evidence.threads().size());
    }

    @Test
    void healthyPageHasNoFindingsAndSaysWhatCouldNotBeJudged() throws Exception {
        Report report = HtmlPages.analyze("hikari-healthy.default-jdk17.jfr.gz");
        String page = HtmlPages.page(report, CatalogLoader.builtIn());

        JsonNode embedded = JSON.readTree(HtmlPages.embedded(page, "tw-report"));
        assertThat(embedded.get("findings")).isEmpty();
        assertThat(embedded.get("limitations")).isNotEmpty();
        assertThat(JSON.readTree(HtmlPages.embedded(page, "tw-view")).get("findings")).isEmpty();
    }

    @Test
    void pageLoadsNothingFromTheNetwork() throws Exception {
        String page = HtmlPages.page(HtmlPages.analyze("scheduler-leak.default-jdk17.jfr.gz"), CatalogLoader.builtIn());

        assertThat(page).startsWith("<!DOCTYPE html>");
        assertThat(page).contains("content=\"default-src 'none';");
        // The one link is the empty icon, a data: URL, so that a browser does not ask a server for /favicon.ico.
        assertThat(page).doesNotContainPattern("<(img|iframe)\\b").doesNotContainPattern("\\bsrc=\"")
                .doesNotContainPattern("<link\\b(?![^>]*href=\"data:)");
        // uPlot itself, inlined with its license.
        assertThat(page).contains("var uPlot=function").contains("MIT License");
    }

    private static List<Boolean> applicationFlags(String page) throws Exception {
        List<Boolean> flags = new ArrayList<>();
        JSON.readTree(HtmlPages.embedded(page, "tw-view")).at("/findings/0/evidence/0/application")
                .forEach(flag -> flags.add(flag.asBoolean()));
        return flags;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
