package io.threadwatch.junit5.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Tests that do almost nothing, to time what the guard adds to each. */
@GuardExample
public class TrivialExample {

    @Test
    void once() {
        assertThat(Integer.toString(42)).isEqualTo("42");
    }

    @RepeatedTest(50)
    void fiftyTimes() {
        assertThat(Integer.toString(42)).isEqualTo("42");
    }
}
