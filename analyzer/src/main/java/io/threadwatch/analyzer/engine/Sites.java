package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and remembers the site and shape of each stack. Stacks are interned, so an identity lookup
 * answers every event after the first with the same stack; memory grows with distinct stacks and
 * sites.
 */
final class Sites {

    /**
     * A stack's site, and whether its wait is idle by its frames alone (no application frame, or
     * inside a catalog idle wait): what the pinning and leak-candidate statistics need.
     */
    record Classified(Site site, boolean idle) {
        boolean hasSite() {
            return site != null;
        }
    }

    private final FrameClassifier classifier;
    private final Map<Stack, StackShape> byStack = new IdentityHashMap<>();
    private final Map<Frame, Site> byFrame = new HashMap<>();
    private final Map<String, Site> byLabel = new HashMap<>();

    Sites(FrameClassifier classifier) {
        this.classifier = classifier;
    }

    FrameClassifier classifier() {
        return classifier;
    }

    /** The shape (site, position, catalog idle wait) of an interned stack. */
    StackShape shape(Stack stack) {
        if (stack.isEmpty()) {
            return StackShape.EMPTY;
        }
        StackShape shape = byStack.get(stack);
        if (shape == null) {
            shape = classifier.shape(stack.frames(), !stack.truncated(), this);
            if (byStack.size() >= StackTable.LIMIT) {
                // A cache like the stack table: bounded the same way, refilled from the frames.
                byStack.clear();
            }
            byStack.put(stack, shape);
        }
        return shape;
    }

    /** The site of an interned stack, and whether its frames alone make it an idle wait. */
    Classified classify(Stack stack) {
        StackShape shape = shape(stack);
        return new Classified(shape.site(), !shape.hasSite() || shape.catalogIdle() != null);
    }

    /** The shape of frames that are not interned: a thread dump's, which holds every frame. */
    StackShape shape(List<Frame> frames) {
        return classifier.shape(frames, true, this);
    }

    /** The one {@link Site} for a frame. */
    Site site(Frame frame) {
        return byFrame.computeIfAbsent(frame, f -> {
            Site site = Site.of(f);
            byLabel.putIfAbsent(site.label(), site);
            return site;
        });
    }

    /**
     * The site of threads started with no application frame: the best frame of their creator's
     * stack, labelled with their name family.
     */
    Site familySite(Frame frame, String family) {
        String label = frame + " [" + family + "]";
        Site site = byLabel.get(label);
        if (site == null) {
            site = new Site(frame, label, StackTable.fingerprint(List.of(frame, new Frame(family, "", -1))), false);
            byLabel.put(label, site);
        }
        return site;
    }

    /** The site with this label, or {@code null}. */
    Site byLabel(String label) {
        return byLabel.get(label);
    }
}
