package dev.cognitosecured.runtime;

import java.util.List;

/**
 * The configuration of a user pool is missing or wrong. The message names every key at fault by its
 * full name ({@code cognito-secured.client-id}, {@code cognito-secured.pools.<name>.region}) and says
 * what to write instead; it never holds the client secret.
 *
 * <p>The library's CDI extension reports it at boot, as a definition error, for every pool the
 * application injects, so a misconfigured application does not start; a pool that only generated
 * clients looked up at run time use fails at that lookup. There is nothing to catch: set or correct
 * the keys it names (docs/REFERENCE.md lists them all) and start the application again.
 */
public final class InvalidConfigurationException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports what is wrong with one pool's configuration; the library throws it, applications do not.
     *
     * @param context what needed the configuration, e.g. {@code "the user pool 'default', injected at
     *     com.example.TodoService.todos"}
     * @param problems what is wrong, one full key each
     */
    public InvalidConfigurationException(String context, List<String> problems) {
        super("Cannot use " + context + ": " + String.join("; ", problems) + ". Set or correct these keys in"
                + " MicroProfile Config, system properties or environment variables.");
    }
}
