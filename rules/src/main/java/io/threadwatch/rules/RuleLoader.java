package io.threadwatch.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads rule files (YAML, or JSON when the name ends in {@code .json}) and checks every field,
 * so that a bad file is refused with its line and the reason.
 *
 * <p>A file holds {@code rules:}, a list of rules. A rule whose id matches one already loaded
 * overrides only the fields it gives (set {@code enabled: false} to switch a rule off); any other
 * rule is added and must give every field but {@code description}, {@code evidence},
 * {@code clear-after} (1 window) and {@code enabled}.
 */
public final class RuleLoader {

    private final Set<String> knownSlis;

    private RuleLoader(Set<String> knownSlis) {
        this.knownSlis = Set.copyOf(knownSlis);
    }

    /** A loader that accepts conditions on these SLI names only. */
    public static RuleLoader forSlis(Set<String> sliNames) {
        return new RuleLoader(sliNames);
    }

    /** The built-in rule pack. */
    public RuleSet builtIn() {
        try (InputStream in = RuleLoader.class.getResourceAsStream(RuleSet.BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in rules missing from the class path: " + RuleSet.BUILT_IN_RESOURCE);
            }
            return apply(new RuleSet(List.of()), "built-in rules", in, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuleFileException e) {
            throw new IllegalStateException("the built-in rule pack is invalid: " + e.getMessage(), e);
        }
    }

    /** {@code base} with the rules of {@code file} added or overriding rules of the same id. */
    public RuleSet load(RuleSet base, Path file) throws RuleFileException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new RuleFileException(source, 0, Files.exists(file) ? "not a regular file" : "no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return apply(base, source, in, source.toLowerCase(Locale.ROOT).endsWith(".json"));
        } catch (IOException e) {
            throw new RuleFileException(source, 0, "cannot read: " + e.getMessage());
        }
    }

    private RuleSet apply(RuleSet base, String source, InputStream in, boolean json) throws RuleFileException, IOException {
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Rule rule : base.all()) {
            rules.put(rule.id(), rule);
        }
        Map<String, RuleSpec> specs = new LinkedHashMap<>();
        for (Rule rule : base.all()) {
            specs.put(rule.id(), toSpec(rule));
        }
        for (Located located : readSpecs(mapper, source, in)) {
            RuleSpec spec = located.spec;
            if (spec.id == null || spec.id.isBlank()) {
                throw new RuleFileException(source, located.line, "rules[" + located.index + "]: id: missing");
            }
            RuleSpec merged = specs.containsKey(spec.id) ? spec.over(specs.get(spec.id)) : spec;
            rules.put(spec.id, new RuleValidator(source, located.line, spec.id, knownSlis).validate(merged));
            specs.put(spec.id, merged);
        }
        return new RuleSet(new ArrayList<>(rules.values()));
    }

    private record Located(RuleSpec spec, int line, int index) {
    }

    private static List<Located> readSpecs(ObjectMapper mapper, String source, InputStream in) throws RuleFileException, IOException {
        List<Located> specs = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RuleFileException(source, 0, "the file is empty; expected 'rules:' with a list of rules");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new RuleFileException(source, line(parser.currentTokenLocation()), "expected an object with 'rules:' at the top");
            }
            boolean sawRules = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"rules".equals(field)) {
                    throw new RuleFileException(source, line(parser.currentTokenLocation()),
                            "unknown top-level field '" + field + "'; expected 'rules'");
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new RuleFileException(source, line(parser.currentTokenLocation()), "rules: expected a list of rules");
                }
                sawRules = true;
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    int line = line(parser.currentTokenLocation());
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw new RuleFileException(source, line, "rules[" + index + "]: expected a rule (an object)");
                    }
                    try {
                        specs.add(new Located(mapper.readValue(parser, RuleSpec.class), line, index));
                    } catch (UnrecognizedPropertyException e) {
                        throw new RuleFileException(source, tokenLine(e), "rules[" + index + "]: " + parentPath(e)
                                + "unknown field '" + e.getPropertyName() + "'; expected one of "
                                + new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()));
                    } catch (JsonMappingException e) {
                        throw new RuleFileException(source, tokenLine(e), "rules[" + index + "]: " + path(e)
                                + e.getOriginalMessage().lines().findFirst().orElse("invalid value"));
                    }
                    index++;
                }
            }
            if (!sawRules) {
                throw new RuleFileException(source, 0, "no 'rules:' list in the file");
            }
        } catch (JsonProcessingException e) {
            throw new RuleFileException(source, line(e.getLocation()), "not valid "
                    + (mapper.getFactory() instanceof YAMLFactory ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return specs;
    }

    /** The line of the token being read, rather than the parser's position after it. */
    private static int tokenLine(JsonMappingException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            return line(parser.currentTokenLocation());
        }
        return line(e.getLocation());
    }

    /** The field path of an unknown field, without the field itself. */
    private static String parentPath(JsonMappingException e) {
        return path(e.getPath().subList(0, Math.max(0, e.getPath().size() - 1)));
    }

    private static String path(JsonMappingException e) {
        return path(e.getPath());
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : path + ": ";
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static RuleSpec toSpec(Rule rule) {
        List<RuleSpec.ConditionSpec> when = new ArrayList<>();
        for (Condition c : rule.when()) {
            Map<String, List<String>> labels = new LinkedHashMap<>();
            c.labels().forEach((k, v) -> labels.put(k, List.copyOf(v)));
            when.add(new RuleSpec.ConditionSpec(c.sli(), labels, c.op().symbol(), c.threshold()));
        }
        RuleSpec spec = new RuleSpec();
        spec.id = rule.id();
        spec.kind = rule.kind().id();
        spec.severity = rule.severity().id();
        spec.description = rule.description();
        spec.when = when;
        spec.forWindows = rule.forWindows();
        spec.clearAfterWindows = rule.clearAfterWindows();
        spec.evidence = rule.evidence().stream().map(EvidenceRole::id).toList();
        spec.message = rule.message();
        spec.enabled = rule.enabled();
        return spec;
    }
}
