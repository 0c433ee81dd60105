package io.threadwatch.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads catalog files (YAML, or JSON when the name ends in {@code .json}). A file has up to three
 * lists, each entry a match and the reason it is there:
 *
 * <pre>{@code
 * infrastructure:                 # never a site: the first frame outside these is the site
 *   - {prefix: "com.acme.pool.", why: "our connection pool library"}
 * idleWaits:                      # a thread blocked inside one of these waits for work
 *   - {method: "com.acme.bus.Dispatcher.nextEvent", why: "the event bus's dispatcher waiting for events"}
 * serviceThreads:                 # not the application's threads
 *   - {prefix: "acme-agent-", why: "our monitoring agent"}
 * patterns:                       # known problem shapes and their fixes (see PatternReader)
 *   - {id: acme-bus-leak, kinds: [thread-leak], title: ..., fix: ..., match: {created: ["com.acme.bus.Bus.subscribe"]}}
 * }</pre>
 *
 * A user file adds to the built-in catalog; a bad file is refused with its line and the reason.
 */
public final class CatalogLoader {

    private static final String INFRASTRUCTURE = "infrastructure";
    private static final String IDLE_WAITS = "idleWaits";
    private static final String SERVICE_THREADS = "serviceThreads";
    private static final String PATTERNS = "patterns";
    private static final String PREFIX = "prefix";
    private static final String METHOD = "method";
    private static final String WHY = "why";
    private static final String BUILT_IN = "built-in";

    /** Guards {@link #builtIn}: it is read once per process (the catalog is immutable). */
    private static final Object BUILT_IN_LOCK = new Object();
    private static Catalog builtIn;

    private CatalogLoader() {
    }

    /**
     * The built-in catalog. Read on the first call only: on a cold JVM that costs a good part of
     * a small analysis (Jackson's YAML and data binding load), and an analysis asks several times.
     */
    public static Catalog builtIn() {
        synchronized (BUILT_IN_LOCK) {
            if (builtIn == null) {
                builtIn = readBuiltIn();
            }
            return builtIn;
        }
    }

    private static Catalog readBuiltIn() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(Catalog.BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog missing from the class path: " + Catalog.BUILT_IN_RESOURCE);
            }
            Catalog catalog = read(BUILT_IN, in, false);
            try (InputStream patterns = CatalogLoader.class.getResourceAsStream(Catalog.BUILT_IN_PATTERNS_RESOURCE)) {
                if (patterns == null) {
                    throw new IllegalStateException("built-in patterns missing from the class path: "
                            + Catalog.BUILT_IN_PATTERNS_RESOURCE);
                }
                return catalog.with(read(BUILT_IN, patterns, false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuleFileException e) {
            throw new IllegalStateException("the built-in catalog is invalid: " + e.getMessage(), e);
        }
    }

    /** {@code base} with the entries of {@code file} added. */
    public static Catalog load(Catalog base, Path file) throws RuleFileException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new RuleFileException(source, 0, Files.exists(file) ? "not a regular file" : "no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return base.with(read(source, in, source.toLowerCase(Locale.ROOT).endsWith(".json")));
        } catch (IOException e) {
            throw new RuleFileException(source, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Catalog read(String source, InputStream in, boolean json) throws RuleFileException, IOException {
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        List<Catalog.Entry> infrastructure = new ArrayList<>();
        List<Catalog.Entry> idleWaits = new ArrayList<>();
        List<Catalog.Entry> serviceThreads = new ArrayList<>();
        List<ProblemPattern> patterns = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RuleFileException(source, 0, "the file is empty; expected '" + INFRASTRUCTURE + "', '"
                        + IDLE_WAITS + "' or '" + SERVICE_THREADS + "'");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new RuleFileException(source, line(parser), "expected an object with '" + INFRASTRUCTURE + "', '"
                        + IDLE_WAITS + "' or '" + SERVICE_THREADS + "' at the top");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int fieldLine = line(parser);
                parser.nextToken();
                switch (field) {
                    case INFRASTRUCTURE -> readList(mapper, parser, source, field, PREFIX, infrastructure);
                    case IDLE_WAITS -> readList(mapper, parser, source, field, METHOD, idleWaits);
                    case SERVICE_THREADS -> readList(mapper, parser, source, field, PREFIX, serviceThreads);
                    case PATTERNS -> readPatterns(mapper, parser, source, patterns);
                    default -> throw new RuleFileException(source, fieldLine, "unknown top-level field '" + field
                            + "'; expected one of [" + IDLE_WAITS + ", " + INFRASTRUCTURE + ", " + PATTERNS + ", "
                            + SERVICE_THREADS + "]");
                }
            }
        } catch (JsonProcessingException e) {
            throw new RuleFileException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not valid "
                    + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return new Catalog(infrastructure, idleWaits, serviceThreads, patterns);
    }

    private static void readPatterns(ObjectMapper mapper, JsonParser parser, String source, List<ProblemPattern> into)
            throws RuleFileException, IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new RuleFileException(source, line(parser), PATTERNS + ": expected a list of {id, kinds, title, fix, match}");
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = line(parser);
            String at = PATTERNS + "[" + index + "]: ";
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new RuleFileException(source, line, at + "expected {id, kinds, title, fix, match}");
            }
            ProblemPattern pattern = PatternReader.read(mapper.readValue(parser, Map.class), source, line, at);
            for (ProblemPattern earlier : into) {
                if (earlier.id().equals(pattern.id())) {
                    throw new RuleFileException(source, line, at + "id '" + pattern.id() + "' is already used in this file");
                }
            }
            into.add(pattern);
            index++;
        }
    }

    private static void readList(ObjectMapper mapper, JsonParser parser, String source, String field, String key,
                                 List<Catalog.Entry> into) throws RuleFileException, IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new RuleFileException(source, line(parser), field + ": expected a list of {" + key + ", " + WHY + "}");
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = line(parser);
            String at = field + "[" + index + "]: ";
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new RuleFileException(source, line, at + "expected {" + key + ": ..., " + WHY + ": ...}");
            }
            Map<?, ?> entry = mapper.readValue(parser, Map.class);
            for (Object name : entry.keySet()) {
                if (!Set.of(key, WHY).contains(name)) {
                    throw new RuleFileException(source, line, at + "unknown field '" + name + "'; expected one of ["
                            + key + ", " + WHY + "]");
                }
            }
            String match = text(entry.get(key));
            String why = text(entry.get(WHY));
            if (match == null) {
                throw new RuleFileException(source, line, at + key + ": missing");
            }
            if (why == null) {
                throw new RuleFileException(source, line, at + WHY + ": missing; say why it belongs in the catalog");
            }
            if (key.equals(METHOD) && match.indexOf('.') <= 0) {
                throw new RuleFileException(source, line, at + METHOD + ": '" + match
                        + "' is not class.method, e.g. com.acme.bus.Dispatcher.nextEvent");
            }
            into.add(new Catalog.Entry(match, why, source));
            index++;
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    private static int line(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
