package io.threadwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theBuiltInCatalogSaysWhyForEveryEntry() {
        Catalog catalog = CatalogLoader.builtIn();
        assertThat(catalog.infrastructurePrefixes()).contains("io.netty.", "com.zaxxer.hikari.", "io.grpc.");
        assertThat(catalog.idleWait("java.util.concurrent.ThreadPoolExecutor.getTask")).get()
                .extracting(Catalog.Entry::why).isEqualTo("a pool worker waiting for its next task");
        assertThat(catalog.serviceThread("C2 CompilerThread0")).isPresent();
        assertThat(catalog.serviceThread("order-worker-1")).isEmpty();
        for (Catalog.Entry entry : catalog.idleWaits()) {
            assertThat(entry.why()).as(entry.match()).isNotBlank();
            assertThat(entry.source()).isEqualTo("built-in");
        }
    }

    @Test
    void aUserFileAddsEntriesAndKeepsTheBuiltInOnes() throws Exception {
        Path user = file("mine.yaml", """
                infrastructure:
                  - {prefix: "com.acme.pool.", why: "our pool library"}
                idleWaits:
                  - method: com.acme.bus.Dispatcher.nextEvent
                    why: the bus dispatcher waiting for events
                serviceThreads:
                  - {prefix: "acme-agent-", why: "our monitoring agent"}
                """);
        Catalog catalog = CatalogLoader.load(CatalogLoader.builtIn(), user);
        assertThat(catalog.infrastructurePrefixes()).contains("io.netty.", "com.acme.pool.");
        assertThat(catalog.idleWait("com.acme.bus.Dispatcher.nextEvent")).get()
                .extracting(Catalog.Entry::source).isEqualTo(user.toString());
        assertThat(catalog.serviceThread("acme-agent-3")).isPresent();
    }

    @Test
    void anEntryAlreadyThereKeepsItsReason() throws Exception {
        Path user = file("dup.yaml", """
                infrastructure:
                  - {prefix: "io.netty.", why: "again"}
                """);
        Catalog catalog = CatalogLoader.load(CatalogLoader.builtIn(), user);
        assertThat(catalog.infrastructure()).filteredOn(e -> e.match().equals("io.netty.")).singleElement()
                .extracting(Catalog.Entry::source).isEqualTo("built-in");
    }

    @Test
    void badFilesAreRefusedWithTheirLineAndReason() throws Exception {
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("unknown.yaml", """
                infrastructure:
                  - {prefix: "com.acme.", why: "ok"}
                idle:
                  - {method: "a.B.c", why: "x"}
                """))).isInstanceOf(RuleFileException.class)
                .hasMessageEndingWith("unknown.yaml:3: unknown top-level field 'idle'; expected one of [idleWaits, infrastructure, patterns, serviceThreads]");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("nowhy.yaml", """
                idleWaits:
                  - {method: "com.acme.Bus.next"}
                """))).hasMessageEndingWith("nowhy.yaml:2: idleWaits[0]: why: missing; say why it belongs in the catalog");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("method.yaml", """
                idleWaits:
                  - {method: "next", why: "x"}
                """))).hasMessageEndingWith("method.yaml:2: idleWaits[0]: method: 'next' is not class.method, e.g. com.acme.bus.Dispatcher.nextEvent");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("field.yaml", """
                serviceThreads:
                  - {prefix: "x-", why: "y", match: "z"}
                """))).hasMessageEndingWith("field.yaml:2: serviceThreads[0]: unknown field 'match'; expected one of [prefix, why]");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("empty.yaml", "")))
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, file("yaml.yaml", "idleWaits: [ {method: ")))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> CatalogLoader.load(Catalog.EMPTY, dir.resolve("missing.yaml")))
                .hasMessageEndingWith("missing.yaml: no such file");
    }
}
