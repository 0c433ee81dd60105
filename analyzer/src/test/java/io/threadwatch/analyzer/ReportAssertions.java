package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Checks every report a test produces against the published JSON Schema. */
public final class ReportAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();
    /** The fleet schema refers to the report's by its $id, which the class path serves. */
    private static final JsonSchema FLEET_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://threadwatch.io/schema/",
                            "classpath:io/threadwatch/analyzer/report/")))
            .getSchema(com.networknt.schema.SchemaLocation.of("https://threadwatch.io/schema/fleet-v1.schema.json"));

    /** The diff schema refers to the report's by its $id too. */
    private static final JsonSchema DIFF_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://threadwatch.io/schema/",
                            "classpath:io/threadwatch/analyzer/report/")))
            .getSchema(com.networknt.schema.SchemaLocation.of("https://threadwatch.io/schema/diff-v1.schema.json"));

    private ReportAssertions() {
    }

    private static JsonSchema load() {
        try (InputStream in = ReportAssertions.class.getResourceAsStream("/io/threadwatch/analyzer/report/report-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as JSON, after checking it against the schema. */
    public static String validJson(Report report) {
        StringWriter json = new StringWriter();
        try {
            ReportFormat.JSON.write(report, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertValid(json.toString());
        return json.toString();
    }

    /** Fails unless the text is a report that the schema accepts. */
    public static JsonNode assertValid(String json) {
        JsonNode node = readTree(json);
        Set<ValidationMessage> errors = SCHEMA.validate(node);
        assertThat(errors).as("schema violations").isEmpty();
        return node;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
        }
    }

    /** Fails unless the text is a fleet document ({@code analyze --each --format json}) that its schema accepts. */
    public static JsonNode assertValidFleet(String json) {
        JsonNode node = readTree(json);
        assertThat(FLEET_SCHEMA.validate(node)).as("fleet schema violations").isEmpty();
        return node;
    }

    /** Fails unless the text is a diff document ({@code diff --format json}) that its schema accepts. */
    public static JsonNode assertValidDiff(String json) {
        JsonNode node = readTree(json);
        assertThat(DIFF_SCHEMA.validate(node)).as("diff schema violations").isEmpty();
        return node;
    }

    /** The findings as {@code kind class.method}, sorted: what expectation files state. */
    public static List<String> kindsAndSites(Report report) {
        return report.findings().stream()
                .map(f -> f.kind() + " " + (f.site() == null ? "-" : method(f.site())))
                .sorted()
                .distinct()
                .toList();
    }

    /** {@code kind class.method pattern} of each finding ({@code -} without a site), sorted, distinct. */
    public static List<String> kindsSitesAndPatterns(Report report) {
        return report.findings().stream()
                .map(f -> f.kind() + " " + (f.site() == null ? "-" : method(f.site())) + " " + f.pattern())
                .sorted()
                .distinct()
                .toList();
    }

    private static String method(Finding.Site site) {
        String frame = site.frame();
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }
}
