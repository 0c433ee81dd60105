package io.threadwatch.analyzer.engine;

/**
 * Told about each window as it closes, on the thread that feeds the engine. The live recorder
 * publishes SLIs and captures evidence from here; offline analysis needs none.
 */
@FunctionalInterface
public interface WindowListener {

    /** Ignores every window. */
    WindowListener NONE = window -> { };

    /** A window closed; keep this quick, the engine waits for it. */
    void windowClosed(ClosedWindow window);
}
