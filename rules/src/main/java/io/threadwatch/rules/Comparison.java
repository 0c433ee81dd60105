package io.threadwatch.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a sample is compared with a condition's threshold. Written in rule files by its symbol. */
public enum Comparison {
    /** Holds when the sample is strictly greater than the threshold. */
    GREATER(">"),
    /** Holds when the sample is greater than or equal to the threshold. */
    GREATER_OR_EQUAL(">="),
    /** Holds when the sample is strictly less than the threshold. */
    LESS("<"),
    /** Holds when the sample is less than or equal to the threshold. */
    LESS_OR_EQUAL("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol used in rule files, such as {@code ">="}. */
    @JsonValue
    public String symbol() {
        return symbol;
    }

    /** Whether {@code value} satisfies this comparison against {@code threshold}. */
    public boolean test(double value, double threshold) {
        return switch (this) {
            case GREATER -> value > threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
            case LESS -> value < threshold;
            case LESS_OR_EQUAL -> value <= threshold;
        };
    }

    /** Whether {@code candidate} lies further on the firing side than {@code current}. */
    public boolean isWorse(double candidate, double current) {
        return this == GREATER || this == GREATER_OR_EQUAL ? candidate > current : candidate < current;
    }

    /** Parses a symbol, naming the accepted ones when it is unknown. */
    @JsonCreator
    public static Comparison fromSymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparison '" + symbol + "'; expected one of "
                + Arrays.stream(values()).map(Comparison::symbol).collect(Collectors.joining(", ")));
    }
}
