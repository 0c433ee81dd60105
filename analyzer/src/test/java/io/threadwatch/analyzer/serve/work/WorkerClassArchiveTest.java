package io.threadwatch.analyzer.serve.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.serve.store.DataDir;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who reads and who writes the workers' class archive (the JVM's side: {@code WorkerClassArchiveIT}). */
class WorkerClassArchiveTest {

    /** The JVM starts with any archive (the real trial runs in {@code WorkerClassArchiveIT}). */
    private static final Predicate<Path> STARTS = path -> true;

    @TempDir
    Path dir;

    private Path jar(String name) throws IOException {
        return Files.write(dir.resolve(name), new byte[] {'P', 'K', 3, 4});
    }

    @Test
    void aClassPathWithADirectoryGetsNoArchive() throws IOException {
        DataDir data = DataDir.open(dir.resolve("data"));
        Path classes = Files.createDirectories(dir.resolve("classes"));

        WorkerClassArchive archive = WorkerClassArchive.in(data, jar("a.jar") + File.pathSeparator + classes, path -> true);

        assertThat(archive).isSameAs(WorkerClassArchive.NONE);
        assertThat(archive.next().options()).as("the JVM would refuse to start").isEmpty();
    }

    @Test
    void oneWorkerWritesWhileTheOthersLoadTheirOwnThenAllRead() throws IOException {
        DataDir data = DataDir.open(dir.resolve("data"));
        WorkerClassArchive archive = WorkerClassArchive.in(data, jar("threadwatch.jar").toString(), STARTS);

        WorkerClassArchive.Use first = archive.next();
        WorkerClassArchive.Use beside = archive.next();

        assertThat(first.writes()).isTrue();
        assertThat(first.options().get(0)).startsWith("-XX:ArchiveClassesAtExit=" + data.tmp());
        assertThat(first.options()).contains("-Xlog:cds=off");
        assertThat(beside.writes()).isFalse();
        assertThat(beside.options()).as("no half-written archive is read").isEmpty();

        Path written = Path.of(first.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.write(written, new byte[] {1, 2, 3});
        archive.ended(beside, true);
        archive.ended(first, true);

        WorkerClassArchive.Use after = archive.next();
        assertThat(after.writes()).isFalse();
        assertThat(after.options().get(0)).startsWith("-XX:SharedArchiveFile=" + data.root().resolve("cache"));
        assertThat(written).doesNotExist();
        assertThat(WorkerClassArchive.in(data, dir.resolve("threadwatch.jar").toString(), STARTS).next().options().get(0))
                .as("a restarted service reads what it wrote").isEqualTo(after.options().get(0));
    }

    @Test
    void aFailedWriteIsThrownAwayAndTriedAgainASecondTimeOnly() throws IOException {
        DataDir data = DataDir.open(dir.resolve("data"));
        WorkerClassArchive archive = WorkerClassArchive.in(data, jar("threadwatch.jar").toString(), STARTS);

        for (int i = 0; i < WorkerClassArchive.MAX_FAILED_WRITES; i++) {
            WorkerClassArchive.Use use = archive.next();
            assertThat(use.writes()).isTrue();
            Path written = Path.of(use.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
            Files.write(written, new byte[] {1});
            archive.ended(use, false);
            assertThat(written).as("a failed worker's archive is not kept").doesNotExist();
        }

        assertThat(archive.next().options()).isEmpty();
        try (var cache = Files.list(data.root().resolve("cache"))) {
            assertThat(cache).isEmpty();
        }
    }

    @Test
    void aRebuiltJarGetsAnArchiveOfItsOwnAndTheOldOneGoes() throws IOException {
        DataDir data = DataDir.open(dir.resolve("data"));
        Path jar = jar("threadwatch.jar");
        WorkerClassArchive before = WorkerClassArchive.in(data, jar.toString(), STARTS);
        WorkerClassArchive.Use writing = before.next();
        Files.write(Path.of(writing.options().get(0).substring("-XX:ArchiveClassesAtExit=".length())), new byte[] {1});
        before.ended(writing, true);
        String old = before.next().options().get(0);

        Files.write(jar, new byte[] {'P', 'K', 3, 4, 5});
        WorkerClassArchive after = WorkerClassArchive.in(data, jar.toString(), STARTS);
        WorkerClassArchive.Use rewriting = after.next();
        assertThat(rewriting.writes()).as("the old archive does not match the new jar").isTrue();
        Files.write(Path.of(rewriting.options().get(0).substring("-XX:ArchiveClassesAtExit=".length())), new byte[] {2});
        after.ended(rewriting, true);

        assertThat(after.next().options().get(0)).isNotEqualTo(old);
        try (var cache = Files.list(data.root().resolve("cache"))) {
            assertThat(cache).hasSize(1);
        }
    }

    @Test
    void anArchiveNoJvmStartsWithIsNeverPutInPlaceAndOneFoundAtStartIsDeleted() throws IOException {
        DataDir data = DataDir.open(dir.resolve("data"));
        Path jar = jar("threadwatch.jar");
        WorkerClassArchive rejecting = WorkerClassArchive.in(data, jar.toString(), path -> false);

        WorkerClassArchive.Use use = rejecting.next();
        Path written = Path.of(use.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.write(written, new byte[] {1});
        rejecting.ended(use, true);

        assertThat(written).doesNotExist();
        assertThat(rejecting.next().writes()).as("written again by the next worker").isTrue();

        WorkerClassArchive accepting = WorkerClassArchive.in(data, jar.toString(), STARTS);
        WorkerClassArchive.Use writing = accepting.next();
        Files.write(Path.of(writing.options().get(0).substring("-XX:ArchiveClassesAtExit=".length())), new byte[] {1});
        accepting.ended(writing, true);
        Path inPlace;
        try (var cache = Files.list(data.root().resolve("cache"))) {
            inPlace = cache.findFirst().orElseThrow();
        }

        WorkerClassArchive restarted = WorkerClassArchive.in(data, jar.toString(), path -> false);

        assertThat(inPlace).as("a JVM would not start with it").doesNotExist();
        assertThat(restarted.next().writes()).isTrue();
    }
}
