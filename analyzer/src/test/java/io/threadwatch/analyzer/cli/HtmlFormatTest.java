package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadwatch.analyzer.TestRecordings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --format html}: the page, with the same report as {@code --format json}. */
class HtmlFormatTest {

    @TempDir
    Path dir;

    @Test
    void htmlPageHoldsTheSameReportAsTheJson() throws Exception {
        String recording = TestRecordings.recording("deadlock.default-jdk17.jfr.gz").toString();
        Path page = dir.resolve("deadlock.html");

        CliRun html = CliRun.of("analyze", recording, "--format", "html", "-o", page.toString());
        CliRun json = CliRun.of("analyze", recording);

        assertThat(html.exitCode()).as(html.err()).isZero();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<!DOCTYPE html>");
        Matcher embedded = Pattern.compile("<script type=\"application/json\" id=\"tw-report\">(.*?)</script>",
                Pattern.DOTALL).matcher(text);
        assertThat(embedded.find()).isTrue();
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(embedded.group(1))).isEqualTo(mapper.readTree(json.out()));
    }
}
