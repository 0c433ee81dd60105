package io.threadwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads the recorder's JSON Lines and checks each line against {@code line-v1.schema.json}. */
final class LiveLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://threadwatch.io/schema/",
                            "classpath:io/threadwatch/analyzer/report/")))
            .getSchema(SchemaLocation.of("https://threadwatch.io/schema/line-v1.schema.json"));

    private final List<JsonNode> lines;

    private LiveLines(List<JsonNode> lines) {
        this.lines = lines;
    }

    /** The lines of a file, each checked against the schema. */
    static LiveLines read(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String text : Files.readAllLines(file)) {
                lines.add(valid(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LiveLines(lines);
    }

    /**
     * The complete lines of a file being written, each checked against the schema: a line still
     * being written (no newline yet) is left for the next read.
     */
    static LiveLines readWritten(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        try {
            String text = Files.readString(file);
            for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(valid(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LiveLines(lines);
    }

    /** One line, checked against the schema. */
    static JsonNode valid(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
        Set<ValidationMessage> errors = SCHEMA.validate(node);
        assertThat(errors).as("schema violations of %s", text).isEmpty();
        return node;
    }

    List<JsonNode> windows() {
        return lines.stream().filter(l -> l.get("type").asText().equals("window")).toList();
    }

    List<JsonNode> findings(String state) {
        return lines.stream()
                .filter(l -> l.get("type").asText().equals("finding") && l.get("state").asText().equals(state))
                .toList();
    }

    /** The findings that fired, as {@code kind class.method}, sorted and distinct: what expectation files state. */
    List<String> firedKindsAndSites() {
        Set<String> fired = new TreeSet<>();
        for (JsonNode line : findings("fired")) {
            JsonNode finding = line.get("finding");
            JsonNode site = finding.get("site");
            String frame = site.isNull() ? "-" : site.get("frame").asText();
            int paren = frame.indexOf('(');
            fired.add(finding.get("kind").asText() + " " + (paren < 0 ? frame : frame.substring(0, paren)));
        }
        return List.copyOf(fired);
    }
}
