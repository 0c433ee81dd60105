package io.threadwatch.analyzer.serve.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service's files: {@code uploads/ID.jfr} or {@code uploads/ID.jfr.gz} with its sidecar
 * {@code uploads/ID.meta.json}, {@code reports/ID.json}, and {@code tmp/} for what is still being written. Names are always recording ids the service made,
 * never a name a client sent, and every file reaches its place by an atomic move from {@code tmp/},
 * so a crash leaves either the whole file or none.
 */
public final class DataDir {

    /** Ids are made by {@link RecordingStore#newId()}: lower-case hex, nothing a path could hide in. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");
    private static final String SIDECAR = ".meta.json";

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

    /** The sidecar of a recording: what it is, kept next to its upload ({@link Sidecar}). */
    public Path sidecar(String id) {
        return uploads.resolve(checked(id) + SIDECAR);
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

    /**
     * Moves a finished upload (already synced, see {@link #force(Path)}) from {@code tmp/} to its place
     * and syncs the directory, so that the move itself survives a crash or power loss.
     */
    public void moveIntoPlaceDurably(Path from, Path to) throws IOException {
        moveIntoPlace(from, to);
        force(to.getParent());
    }

    /**
     * Writes a recording's sidecar durably: to {@code tmp/}, synced, moved into place, and the
     * directory synced. When this returns, the sidecar is on disk whatever happens next.
     */
    public void writeSidecar(Sidecar sidecar) throws IOException {
        Path part = tmpFile(sidecar.id(), "meta.json");
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer json = ByteBuffer.wrap(sidecar.toJson());
            while (json.hasRemaining()) {
                out.write(json);
            }
            out.force(true);
        }
        moveIntoPlaceDurably(part, sidecar(sidecar.id()));
    }

    /** Reads a recording's sidecar; {@link java.nio.file.NoSuchFileException} when it has none. */
    public Sidecar readSidecar(String id) throws IOException {
        Sidecar sidecar = Sidecar.fromJson(Files.readAllBytes(sidecar(id)));
        if (!sidecar.id().equals(id)) {
            throw new IOException("the sidecar of " + id + " names recording " + sidecar.id());
        }
        return sidecar;
    }

    /**
     * Syncs a file or directory to the disk. A directory is synced so that the names moved into it
     * are; where the platform cannot open a directory for that (Windows), its file system's own
     * ordering is all there is.
     */
    public static void force(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
        }
    }

    /**
     * Deletes a recording's files: the sidecar first, so that a crash in the middle leaves a recording
     * without its sidecar, which the start finishes deleting instead of bringing back; then the
     * upload and the report.
     */
    public void delete(String id) {
        try {
            if (Files.deleteIfExists(sidecar(id))) {
                force(uploads);
            }
            Files.deleteIfExists(upload(id, false));
            Files.deleteIfExists(upload(id, true));
            Files.deleteIfExists(report(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the files of recording " + id, e);
        }
    }

    /**
     * What is stored, by recording id: the ids with a sidecar, the uploads, and the reports. Names
     * that are not {@code ID.suffix} with a suffix the service writes are left out (and left alone).
     */
    public Contents contents() throws IOException {
        Set<String> sidecars = new TreeSet<>();
        Map<String, Path> uploadFiles = new TreeMap<>();
        Map<String, Path> reportFiles = new TreeMap<>();
        for (Path file : list(uploads)) {
            String name = file.getFileName().toString();
            String id = idOf(name);
            if (id != null && name.equals(id + SIDECAR)) {
                sidecars.add(id);
            } else if (id != null && (name.equals(id + ".jfr") || name.equals(id + ".jfr.gz"))) {
                uploadFiles.put(id, file);
            }
        }
        for (Path file : list(reports)) {
            String id = idOf(file.getFileName().toString());
            if (id != null && file.getFileName().toString().equals(id + ".json")) {
                reportFiles.put(id, file);
            }
        }
        return new Contents(sidecars, uploadFiles, reportFiles);
    }

    /**
     * @param sidecars the ids that have a sidecar
     * @param uploads  each id's upload file
     * @param reports  each id's report file
     */
    public record Contents(Set<String> sidecars, Map<String, Path> uploads, Map<String, Path> reports) {
    }

    /** Whether {@code id} has the form of a recording id (anything else cannot name a file here). */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String idOf(String name) {
        int dot = name.indexOf('.');
        String id = dot < 0 ? name : name.substring(0, dot);
        return isId(id) ? id : null;
    }

    private static String checked(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not a recording id: " + id);
        }
        return id;
    }
}
