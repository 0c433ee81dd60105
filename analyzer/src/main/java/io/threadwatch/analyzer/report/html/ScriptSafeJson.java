package io.threadwatch.analyzer.report.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.threadwatch.analyzer.report.Json;

/**
 * JSON that can sit inside {@code <script type="application/json">} whatever its strings hold.
 *
 * <p>Stack frames and thread names contain {@code <}, {@code >}, {@code &} and {@code $}; a
 * string holding {@code </script>} would end the element early, and {@code <!--} would change how
 * the HTML parser reads it. Jackson writes {@code <}, {@code >} and {@code &} as {@code \u003c}
 * etc., which JSON reads back as the same characters, so the page's script sees the report exactly
 * and the HTML parser never sees markup. The page reads it with {@code JSON.parse}.
 */
final class ScriptSafeJson {

    private static final ObjectWriter WRITER = Json.prettyWriter().with(new Escapes());

    private ScriptSafeJson() {
    }

    /** The value as two-space indented JSON with markup characters escaped. */
    static String write(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
        return WRITER.writeValueAsString(value);
    }

    private static final class Escapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        Escapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Non-ASCII characters are safe inside a script element: they stay as they are.
            return null;
        }
    }
}
