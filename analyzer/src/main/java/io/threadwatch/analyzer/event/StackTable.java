package io.threadwatch.analyzer.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Interns stacks: each distinct stack is stored once and fingerprinted once, however many events
 * carry it. Memory grows with distinct stacks, not with events, up to {@link #LIMIT} stacks: past
 * that the table starts again, since a live recorder may run for months. Stacks compare by
 * content, so a stack interned twice across a restart is only stored twice, never misread.
 *
 * <p>Not thread-safe; one table per analysis.
 */
public final class StackTable {

    /** Most distinct stacks held at once. */
    public static final int LIMIT = 65_536;

    private final Map<Key, Stack> stacks = new HashMap<>();

    private record Key(List<Frame> frames, boolean truncated) {
    }

    /** The one {@link Stack} with these frames. */
    public Stack intern(List<Frame> frames, boolean truncated) {
        if (frames.isEmpty()) {
            return Stack.EMPTY;
        }
        Key key = new Key(List.copyOf(frames), truncated);
        Stack stack = stacks.get(key);
        if (stack == null) {
            stack = new Stack(key.frames(), truncated, fingerprint(key.frames()));
            if (stacks.size() >= LIMIT) {
                stacks.clear();
            }
            stacks.put(key, stack);
        }
        return stack;
    }

    /** How many distinct stacks are interned. */
    public int size() {
        return stacks.size();
    }

    /** A stable hex fingerprint of frames: the first 8 bytes of SHA-256 over their text. */
    public static String fingerprint(List<Frame> frames) {
        MessageDigest digest = sha256();
        for (Frame frame : frames) {
            digest.update(frame.className().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '.');
            digest.update(frame.methodName().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ':');
            digest.update(Integer.toString(frame.line()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
