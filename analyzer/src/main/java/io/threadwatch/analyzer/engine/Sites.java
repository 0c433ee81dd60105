package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and remembers the site of each stack. Stacks are interned, so an identity lookup answers
 * every event after the first with the same stack; memory grows with distinct stacks and sites.
 */
final class Sites {

    /** A stack's classification: its site (or none) and whether it is an idle wait. */
    record Classified(Site site, boolean idle) {
        static final Classified NONE = new Classified(null, true);

        boolean hasSite() {
            return site != null;
        }
    }

    private final FrameClassifier classifier;
    private final Map<Stack, Classified> byStack = new IdentityHashMap<>();
    private final Map<Frame, Site> byFrame = new HashMap<>();
    private final Map<String, Site> byLabel = new HashMap<>();

    Sites(FrameClassifier classifier) {
        this.classifier = classifier;
    }

    /** The site and idleness of an interned stack. */
    Classified classify(Stack stack) {
        if (stack.isEmpty()) {
            return Classified.NONE;
        }
        Classified classified = byStack.get(stack);
        if (classified == null) {
            classified = classify(stack.frames());
            if (byStack.size() >= StackTable.LIMIT) {
                // A cache like the stack table: bounded the same way, refilled from the frames.
                byStack.clear();
            }
            byStack.put(stack, classified);
        }
        return classified;
    }

    /** The site and idleness of frames that are not interned (thread dumps). */
    Classified classify(List<Frame> frames) {
        int index = classifier.siteIndex(frames);
        Site site = index < 0 ? null : site(frames.get(index));
        return new Classified(site, classifier.isIdleWait(frames));
    }

    /** The one {@link Site} for a frame. */
    Site site(Frame frame) {
        return byFrame.computeIfAbsent(frame, f -> {
            Site site = Site.of(f);
            byLabel.putIfAbsent(site.label(), site);
            return site;
        });
    }

    /** The site with this label, or {@code null}. */
    Site byLabel(String label) {
        return byLabel.get(label);
    }
}
