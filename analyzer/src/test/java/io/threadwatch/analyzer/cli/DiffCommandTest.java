package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadwatch.analyzer.ReportAssertions;
import io.threadwatch.analyzer.TestRecordings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code threadwatch diff} on committed recordings of the Netty sample with its client leak and
 * healthy (the fix), and on committed thread dumps of the scheduler-leak and vthread-leak samples
 * ({@code samples/dump-threads.sh}).
 */
class DiffCommandTest {

    private static final String LEAK = TestRecordings.recording("netty-client-leak.threadwatch-jdk25.jfr.gz").toString();
    private static final String FIXED = TestRecordings.recording("netty-healthy.threadwatch-jdk25.jfr.gz").toString();
    private static final String LEAK_SITE = "io.threadwatch.samples.nettyclientleak.InventoryClient.fetch";

    /** Each direction is analyzed once: two recordings take a few seconds. */
    private static CliRun fixedJson;
    private static CliRun regressedJson;

    @BeforeAll
    static void diffBothWays() {
        fixedJson = CliRun.of("diff", "--format", "json", "--fail-on-new", "info", LEAK, FIXED);
        regressedJson = CliRun.of("diff", "--format", "json", "--fail-on-new", "critical", FIXED, LEAK);
    }

    static Path dump(String name) {
        Path path = TestRecordings.directory().resolveSibling("dumps").resolve(name);
        assertThat(path).as("run samples/dump-threads.sh").isRegularFile();
        return path;
    }

    @Test
    void theFixMakesTheLeakGoneAndItsThreadsVanish() {
        assertThat(fixedJson.exitCode()).as(fixedJson.err()).isEqualTo(ExitCodes.OK);
        JsonNode diff = ReportAssertions.assertValidDiff(fixedJson.out());
        assertThat(diff.at("/before/kind").asText()).isEqualTo("recording");
        JsonNode leak = finding(diff, "thread-leak");
        assertThat(leak.get("status").asText()).isEqualTo("gone");
        assertThat(leak.at("/site/frame").asText()).startsWith(LEAK_SITE);
        assertThat(leak.get("severityAfter").isNull()).isTrue();
        assertThat(diff.at("/summary/findings/new").asInt()).isZero();

        // The leaked client threads: every one of them was started at the leaking site, and none is left.
        JsonNode family = family(diff, "inventory-client-#-#");
        assertThat(family.get("change").asText()).isIn("shrank", "vanished");
        assertThat(family.get("before").asInt()).isGreaterThan(100);
        assertThat(family.get("after").asInt()).isLessThan(5);
        JsonNode site = group(family.get("sites"), LEAK_SITE);
        assertThat(site.get("change").asText()).isEqualTo("vanished");
        assertThat(site.get("before").asInt()).isEqualTo(family.get("before").asInt());
        // The recording's last jdk.ThreadDump gives their stacks: the leaked clients' event loops, idle in select.
        JsonNode loops = family.at("/stacks/0");
        assertThat(loops.get("fingerprint").asText()).isNotEqualTo("none");
        assertThat(loops.get("before").asInt()).isGreaterThan(100);
        assertThat(loops.get("label").asText()).contains("io.netty.");

        // The site's SLIs side by side: the live count at the leaking site was the leak.
        JsonNode live = sli(diff, "threads.site.live", LEAK_SITE);
        assertThat(live.at("/before/max").asDouble()).isEqualTo(site.get("before").asDouble());
        assertThat(live.get("after").isNull()).isTrue();
    }

    @Test
    void theReverseDirectionShowsTheLeakNewAndFailsTheGate() {
        assertThat(regressedJson.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode diff = ReportAssertions.assertValidDiff(regressedJson.out());
        JsonNode leak = finding(diff, "thread-leak");
        assertThat(leak.get("status").asText()).isEqualTo("new");
        assertThat(leak.get("severityAfter").asText()).isEqualTo("critical");
        // The same pattern and fix as the report gives the leak: a Netty client built per call.
        assertThat(leak.get("pattern").asText()).isEqualTo("client-per-request");
        assertThat(leak.get("fix").asText()).startsWith("build the client once");
        assertThat(group(family(diff, "inventory-client-#-#").get("sites"), LEAK_SITE).get("change").asText())
                .isEqualTo("appeared");
        // Without the gate, the same diff succeeds.
        assertThat(CliRun.of("diff", "--format", "json", FIXED, LEAK).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void textAndHtmlShowTheSameChanges() throws Exception {
        CliRun text = CliRun.of("diff", LEAK, FIXED);
        assertThat(text.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).contains("findings: 0 new, 1 gone, 0 unchanged")
                .containsPattern("gone +critical +thread-leak +" + LEAK_SITE.replace(".", "\\."))
                .containsPattern("site +vanished +\\d{3} -> 0 +" + LEAK_SITE.replace(".", "\\."))
                .contains("inventory-client-#-#")
                .contains("pattern client-per-request: build the client once");

        CliRun html = CliRun.of("diff", "--format", "html", LEAK, FIXED);
        Document page = xml(html.out());
        assertThat(page.getElementsByTagName("script").getLength()).as("no script").isZero();
        assertThat(texts(page.getElementsByTagName("code"))).contains("inventory-client-#-#")
                .anyMatch(code -> code.startsWith(LEAK_SITE)).contains("client-per-request");
        assertThat(html.out()).doesNotContain("http://", "https://").contains("<tr class=\"gone\">");
    }

    @Test
    void twoJstackDumpsShowTheGrownStack() throws Exception {
        CliRun run = CliRun.of("diff", "--format", "json", dump("scheduler-leak.before.jstack.txt").toString(),
                dump("scheduler-leak.after.jstack.txt").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode diff = ReportAssertions.assertValidDiff(run.out());
        assertThat(diff.at("/before/kind").asText()).isEqualTo("jstack");
        assertThat(diff.get("findings")).isEmpty();
        // One scheduler thread leaks per config reload: their family and their one idle stack grew.
        JsonNode family = family(diff, "flag-refresher-#");
        assertThat(family.get("change").asText()).isEqualTo("grew");
        JsonNode stack = family.at("/stacks/0");
        assertThat(stack.get("change").asText()).isEqualTo("grew");
        assertThat(stack.get("after").asInt()).isGreaterThan(stack.get("before").asInt());
        assertThat(stack.get("label").asText()).contains("ScheduledThreadPoolExecutor$DelayedWorkQueue.take");
        assertThat(diff.get("families")).as("changed families first")
                .first().isEqualTo(family);

        CliRun text = CliRun.of("diff", dump("scheduler-leak.before.jstack.txt").toString(),
                dump("scheduler-leak.after.jstack.txt").toString());
        assertThat(text.out()).containsPattern("grew +\\d+ -> \\d+ +flag-refresher-#")
                .containsPattern("stack grew .*DelayedWorkQueue\\.take");
        Document page = xml(CliRun.of("diff", "--format", "html", dump("scheduler-leak.before.jstack.txt").toString(),
                dump("scheduler-leak.after.jstack.txt").toString()).out());
        assertThat(texts(page.getElementsByTagName("code"))).contains("flag-refresher-#");
    }

    @Test
    void twoJsonDumpsShowLeakedVirtualThreads() {
        CliRun run = CliRun.of("diff", "--format", "json", dump("vthread-leak.before.json.gz").toString(),
                dump("vthread-leak.after.json.gz").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode diff = ReportAssertions.assertValidDiff(run.out());
        assertThat(diff.at("/after/kind").asText()).isEqualTo("json-dump");
        JsonNode family = family(diff, "payment-#");
        assertThat(family.get("change").asText()).isEqualTo("grew");
        JsonNode stack = family.at("/stacks/0");
        assertThat(stack.get("change").asText()).isEqualTo("grew");
        assertThat(stack.get("label").asText()).contains("io.threadwatch.samples.vthreadleak.PaymentHandler.handle");
        // jstack lists no virtual thread: the same moment's text dump has no payment thread at all.
        JsonNode text = ReportAssertions.assertValidDiff(CliRun.of("diff", "--format", "json",
                dump("vthread-leak.before.jstack.txt").toString(), dump("vthread-leak.after.jstack.txt").toString()).out());
        assertThat(text.get("families").findValuesAsText("family")).doesNotContain("payment-#");
    }

    @Test
    void badInputsAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        Path prose = Files.writeString(dir.resolve("notes.txt"), "nothing to see here\nreally\n");
        Path json = Files.writeString(dir.resolve("other.json"), "{\"threads\": []}");
        Path gzipped = dir.resolve("prose.txt.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            new ByteArrayInputStream("no dump\n".getBytes(StandardCharsets.UTF_8)).transferTo(out);
        }
        String good = dump("scheduler-leak.before.jstack.txt").toString();
        assertRefused(CliRun.of("diff", empty.toString(), good), "empty.jfr: empty file");
        assertRefused(CliRun.of("diff", good, prose.toString()), "notes.txt: neither a JFR recording nor a thread dump");
        assertRefused(CliRun.of("diff", good, json.toString()), "other.json: JSON without threadDump");
        assertRefused(CliRun.of("diff", gzipped.toString(), good), "prose.txt.gz: neither a JFR recording nor a thread dump");
        assertRefused(CliRun.of("diff", dir.resolve("missing.jfr").toString(), good), "missing.jfr: no such file");

        CliRun usage = CliRun.of("diff", "--format", "xml", good, good);
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("diff", good).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theKindComesFromTheContentNotTheName(@TempDir Path dir) throws Exception {
        // A jstack dump saved as .jfr, and a recording without its .gz extension.
        Path text = Files.copy(dump("scheduler-leak.after.jstack.txt"), dir.resolve("after.jfr"));
        Path recording = Files.copy(Path.of(FIXED), dir.resolve("fixed.dump"));
        JsonNode diff = ReportAssertions.assertValidDiff(CliRun.of("diff", "--format", "json", recording.toString(),
                text.toString()).out());
        assertThat(diff.at("/before/kind").asText()).isEqualTo("recording");
        assertThat(diff.at("/after/kind").asText()).isEqualTo("jstack");
        assertThat(diff.get("notes").toString()).contains("compared for two recordings only");
    }

    @Test
    void theSchemaIsPublished() throws Exception {
        CliRun run = CliRun.of("schema", "--diff");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("\"$id\": \"https://threadwatch.io/schema/diff-v1.schema.json\"")
                .contains("\"const\": \"threadwatch.diff/v1\"");
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("threadwatch diff: ").contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    private static JsonNode finding(JsonNode diff, String kind) {
        for (JsonNode finding : diff.get("findings")) {
            if (finding.get("kind").asText().equals(kind)) {
                return finding;
            }
        }
        throw new AssertionError("no " + kind + " finding in " + diff.get("findings"));
    }

    private static JsonNode family(JsonNode diff, String name) {
        for (JsonNode family : diff.get("families")) {
            if (family.get("family").asText().equals(name)) {
                return family;
            }
        }
        throw new AssertionError("no family " + name + " in " + diff.get("families").findValuesAsText("family"));
    }

    private static JsonNode group(JsonNode groups, String labelPrefix) {
        for (JsonNode group : groups) {
            if (group.get("label").asText().startsWith(labelPrefix)) {
                return group;
            }
        }
        throw new AssertionError("no group " + labelPrefix + " in " + groups);
    }

    private static JsonNode sli(JsonNode diff, String name, String sitePrefix) {
        for (JsonNode sli : diff.get("slis")) {
            if (sli.get("name").asText().equals(name) && sli.at("/labels/site").asText().startsWith(sitePrefix)) {
                return sli;
            }
        }
        throw new AssertionError("no " + name + " at " + sitePrefix);
    }

    private static Document xml(String page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
