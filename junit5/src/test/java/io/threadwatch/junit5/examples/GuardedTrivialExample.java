package io.threadwatch.junit5.examples;

import io.threadwatch.junit5.ThreadwatchGuard;

/** {@link TrivialExample}'s tests under the guard. */
@ThreadwatchGuard
public class GuardedTrivialExample extends TrivialExample {
}
