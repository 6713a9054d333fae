package dev.cognitosecured.testing.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets a sample test class run only when a test of the extension runs it on the engine (which sets {@link
 * #PARAMETER}), not when a build or an IDE finds it by itself.
 */
final class RunBySampleTests implements ExecutionCondition {

    static final String PARAMETER = "dev.cognitosecured.testing.junit.samples";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).filter("run"::equals).isPresent()
                ? ConditionEvaluationResult.enabled("run by a test of the extension")
                : ConditionEvaluationResult.disabled("a sample for the extension's tests, which run it themselves");
    }
}
