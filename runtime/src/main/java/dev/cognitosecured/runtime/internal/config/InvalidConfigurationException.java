package dev.cognitosecured.runtime.internal.config;

import dev.cognitosecured.runtime.CognitoSecuredException;
import java.util.List;

/**
 * The configuration of a user pool is missing or wrong. The message names every key at fault and
 * never holds the client secret.
 */
public final class InvalidConfigurationException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /**
     * @param context what needed the configuration, e.g. {@code "the user pool 'default', injected at
     *     com.example.TodoService.todos"}
     * @param problems what is wrong, one full key each
     */
    public InvalidConfigurationException(String context, List<String> problems) {
        super("Cannot use " + context + ": " + String.join("; ", problems) + ". Set or correct these keys in"
                + " MicroProfile Config, system properties or environment variables.");
    }
}
