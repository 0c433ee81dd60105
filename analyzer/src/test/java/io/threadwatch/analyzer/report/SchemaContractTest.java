package io.threadwatch.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.EvidenceRole;
import io.threadwatch.rules.FindingKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published schema lists exactly the SLIs, kinds and evidence roles the code produces. */
class SchemaContractTest {

    private static JsonNode schema() throws IOException {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream("/io/threadwatch/analyzer/report/report-v1.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void sliNamesMatchTheCatalog() throws IOException {
        assertThat(texts(schema().at("/$defs/sliName/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Sli.values()).map(Sli::id).toList());
    }

    @Test
    void kindsMatchTheRuleLanguage() throws IOException {
        assertThat(texts(schema().at("/$defs/kind/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(FindingKind.values()).map(FindingKind::id).toList());
    }

    @Test
    void evidenceRolesMatchTheRuleLanguage() throws IOException {
        assertThat(texts(schema().at("/$defs/evidence/properties/role/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EvidenceRole.values()).map(EvidenceRole::id).toList());
    }
}
