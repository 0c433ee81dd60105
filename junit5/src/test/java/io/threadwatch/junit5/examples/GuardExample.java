package io.threadwatch.junit5.examples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An example the guard is tested on: it runs only inside {@code EngineTestKit} runs that set
 * {@value #RUN}, never when a build or an IDE picks it up (several leak on purpose).
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(GuardExample.OnlyWhenAsked.class)
public @interface GuardExample {

    /** The configuration parameter the tests set. */
    String RUN = "threadwatch.guard.run-examples";

    /** Disables the example unless {@link #RUN} is {@code true}. */
    final class OnlyWhenAsked implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(RUN, Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by the guard's tests")
                    : ConditionEvaluationResult.disabled("an example for the guard's tests; set " + RUN + "=true");
        }
    }
}
