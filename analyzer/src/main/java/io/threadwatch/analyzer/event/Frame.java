package io.threadwatch.analyzer.event;

import java.util.Objects;

/**
 * One stack frame, normalized so that the same code gives the same frame whether it came from an
 * event's stack trace or a thread dump: no bytecode index, no frame type, no source file.
 *
 * @param className  the binary class name, e.g. {@code com.acme.Reloader$Task}
 * @param methodName the method name
 * @param line       the source line, or {@code -1} when unknown (native or no debug info)
 */
public record Frame(String className, String methodName, int line) {

    public Frame {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        if (line < 0) {
            line = -1;
        }
    }

    /** {@code class.method}, without the line. */
    public String method() {
        return className + "." + methodName;
    }

    /**
     * The frame as {@code jstack} prints it, e.g. {@code com.acme.Reloader.reload(Reloader.java:42)}.
     * JFR does not record source file names, so the file is derived from the top-level class.
     */
    @Override
    public String toString() {
        if (line < 0) {
            return method() + "(Unknown Source)";
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        if (nested > 0) {
            simple = simple.substring(0, nested);
        }
        return method() + "(" + simple + ".java:" + line + ")";
    }
}
