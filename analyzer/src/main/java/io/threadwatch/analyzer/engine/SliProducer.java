package io.threadwatch.analyzer.engine;

import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.util.List;

/**
 * A detector's part in closing a window: the SLI samples it measured over the window, after which
 * it starts the next one. Each detector owns its SLIs; the engine only asks each in a fixed order,
 * which is the order of the report's SLIs, and runs the rules on what they return.
 */
interface SliProducer {

    /** The samples of {@code window}, which just closed; then starts the next window. */
    List<Sample> closeWindow(Window window);
}
