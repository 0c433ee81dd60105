package io.threadwatch.analyzer.serve.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.threadwatch.analyzer.serve.store.DataDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Receives one upload, multipart (field {@code file}) or a raw body, onto disk in {@code tmp/} (synced
 * before it returns): it counts the bytes as they stream and stops at the limit, and checks that what arrived is a JFR
 * recording, plain or gzip, before anything is stored. Labels come from the other form fields or
 * from query parameters.
 */
final class UploadReceiver {

    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_LABELS = 16;
    private static final int MAX_LABEL_VALUE = 200;

    private final DataDir dataDir;
    private final long maxBytes;

    UploadReceiver(DataDir dataDir, long maxBytes) {
        this.dataDir = dataDir;
        this.maxBytes = maxBytes;
    }

    /**
     * @param file       the received bytes, in {@code tmp/}
     * @param bytes      their count
     * @param fileName   the client's file name, for display only
     * @param compressed whether they are gzip
     * @param labels     the upload's labels
     */
    record Received(Path file, long bytes, String fileName, boolean compressed, TreeMap<String, String> labels) {
    }

    Received receive(Context ctx, String id) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        Path target = dataDir.tmpFile(id, "upload");
        try {
            if (ctx.isMultipartFormData()) {
                return multipart(ctx, target);
            }
            TreeMap<String, String> labels = labels(ctx.queryParamMap(), "name");
            long bytes;
            try (InputStream in = ctx.req().getInputStream()) {
                bytes = copy(in, target);
            }
            String name = ctx.queryParam("name");
            return checked(target, bytes, name == null ? "upload.jfr" : name, labels);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private Received multipart(Context ctx, Path target) throws IOException {
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles("file");
        } catch (Exception e) {
            // Jetty stops reading a part at the configured maximum and fails the parse. A body cut short
            // (a client gone mid-upload, no closing boundary) arrives as a ServletException that Javalin
            // throws unchecked: it is the client's bad request, not an internal error.
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("size")
                    || String.valueOf(e.getCause()).toLowerCase(java.util.Locale.ROOT).contains("size")) {
                throw tooLarge();
            }
            throw new ApiError(400, "cannot read the multipart upload: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ApiError(400, "no file in the upload: send the recording in the multipart field 'file' "
                    + "(curl -F file=@app.jfr) or as the raw request body");
        }
        if (files.size() > 1) {
            throw new ApiError(400, "one recording per upload, not " + files.size() + ": send each file on its own");
        }
        TreeMap<String, String> labels = labels(ctx.formParamMap(), "file");
        labels.putAll(labels(ctx.queryParamMap(), "name"));
        long bytes;
        try (InputStream in = files.get(0).content()) {
            bytes = copy(in, target);
        }
        return checked(target, bytes, files.get(0).filename(), labels);
    }

    private long copy(InputStream in, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            // On disk before its sidecar says it was accepted (DataDir.writeSidecar).
            channel.force(true);
        }
        return total;
    }

    private Received checked(Path file, long bytes, String fileName, TreeMap<String, String> labels)
            throws IOException {
        String shownName = displayName(fileName);
        if (bytes == 0) {
            throw new ApiError(400, "the upload '" + shownName + "' is empty");
        }
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        if (read >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            byte[] inner = new byte[4];
            int innerRead;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                innerRead = in.readNBytes(inner, 0, 4);
            } catch (IOException e) {
                throw new ApiError(422, "'" + shownName + "' is not valid gzip: " + e.getMessage());
            }
            if (innerRead < 4 || !java.util.Arrays.equals(inner, JFR_MAGIC)) {
                throw new ApiError(422, "'" + shownName + "' is gzip, but not of a JFR recording "
                        + "(it does not start with 'FLR\\0')");
            }
            return new Received(file, bytes, shownName, true, labels);
        }
        if (read < 4 || !java.util.Arrays.equals(head, JFR_MAGIC)) {
            throw new ApiError(422, "'" + shownName + "' is not a JFR recording: it starts with neither 'FLR\\0' "
                    + "nor a gzip header");
        }
        return new Received(file, bytes, shownName, false, labels);
    }

    /** The client's name, cut to its last path segment and printable characters: shown, never used as a path. */
    static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "upload.jfr";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static TreeMap<String, String> labels(Map<String, List<String>> params, String skip) {
        TreeMap<String, String> labels = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getKey().equals(skip) || e.getValue().isEmpty()) {
                continue;
            }
            if (!LABEL_NAME.matcher(e.getKey()).matches()) {
                throw new ApiError(400, "bad label name '" + displayName(e.getKey())
                        + "': use 1-64 letters, digits, '_', '.' or '-'");
            }
            String value = e.getValue().get(e.getValue().size() - 1).trim();
            if (value.isEmpty() || value.length() > MAX_LABEL_VALUE || value.chars().anyMatch(Character::isISOControl)) {
                throw new ApiError(400, "bad value for label '" + e.getKey() + "': 1-" + MAX_LABEL_VALUE
                        + " printable characters");
            }
            labels.put(e.getKey(), value);
        }
        if (labels.size() > MAX_LABELS) {
            throw new ApiError(400, "at most " + MAX_LABELS + " labels per upload, not " + labels.size());
        }
        return labels;
    }

    private ApiError tooLarge() {
        return new ApiError(413, "the upload is larger than the limit of " + maxBytes + " bytes (--max-upload-size)");
    }
}
