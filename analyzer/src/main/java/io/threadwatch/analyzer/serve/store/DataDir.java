package io.threadwatch.analyzer.serve.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service's files: {@code uploads/ID.jfr} or {@code uploads/ID.jfr.gz}, {@code reports/ID.json},
 * and {@code tmp/} for what is still being written. Names are always recording ids the service made,
 * never a name a client sent, and every file reaches its place by an atomic move from {@code tmp/},
 * so a crash leaves either the whole file or none.
 */
public final class DataDir {

    /** Ids are made by {@link RecordingStore#newId()}: lower-case hex, nothing a path could hide in. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

    private final Path root;
    private final Path uploads;
    private final Path reports;
    private final Path tmp;

    private DataDir(Path root) {
        this.root = root;
        this.uploads = root.resolve("uploads");
        this.reports = root.resolve("reports");
        this.tmp = root.resolve("tmp");
    }

    /** Opens (and creates) the data directory; whatever a crash left in {@code tmp/} is deleted. */
    public static DataDir open(Path root) throws IOException {
        DataDir dir = new DataDir(root.toAbsolutePath().normalize());
        Files.createDirectories(dir.uploads);
        Files.createDirectories(dir.reports);
        Files.createDirectories(dir.tmp);
        try (Stream<Path> left = Files.list(dir.tmp)) {
            for (Path file : (Iterable<Path>) left::iterator) {
                Files.deleteIfExists(file);
            }
        }
        return dir;
    }

    /** The data directory itself. */
    public Path root() {
        return root;
    }

    /** Where the database lives when it is the embedded one. */
    public Path database() {
        return root.resolve("db").resolve("threadwatch");
    }

    /** Where uploads and reports are written before they are moved into place. */
    public Path tmp() {
        return tmp;
    }

    /** A fresh file in {@code tmp/} for recording {@code id}, with a suffix saying what it becomes. */
    public Path tmpFile(String id, String suffix) {
        return tmp.resolve(checked(id) + "." + suffix + ".part");
    }

    /** The stored upload of a recording. */
    public Path upload(String id, boolean compressed) {
        return uploads.resolve(checked(id) + (compressed ? ".jfr.gz" : ".jfr"));
    }

    /** The report of a recording, once analyzed. */
    public Path report(String id) {
        return reports.resolve(checked(id) + ".json");
    }

    /** Moves a finished file from {@code tmp/} to its place, atomically where the file system can. */
    public static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory tree, so only exotic file systems get here; a plain replace is the best left.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a recording's upload and report. */
    public void delete(String id) {
        try {
            Files.deleteIfExists(upload(id, false));
            Files.deleteIfExists(upload(id, true));
            Files.deleteIfExists(report(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the files of recording " + id, e);
        }
    }

    /** Deletes uploads and reports whose recording the database does not know (a crash between file and row). */
    public int deleteOrphans(Set<String> known) throws IOException {
        int deleted = 0;
        for (Path dir : new Path[] {uploads, reports}) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    String id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                    if (!known.contains(id)) {
                        Files.deleteIfExists(file);
                        deleted++;
                    }
                }
            }
        }
        return deleted;
    }

    /** Whether {@code id} has the form of a recording id (anything else cannot name a file here). */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static String checked(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not a recording id: " + id);
        }
        return id;
    }
}
