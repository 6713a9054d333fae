package dev.cognitosecured.runtime.internal.graphql;

import java.util.regex.Pattern;

/**
 * A short, single-line, token-free excerpt of an HTTP body (or of any text a server sent), for
 * exception messages. Anything that looks like a JWT is replaced by {@value #TOKEN}, in case a
 * server echoes the {@code Authorization} header.
 */
final class BodyExcerpt {

    /** The longest excerpt, in characters. */
    static final int MAX_LENGTH = 200;

    /** What replaces a token. */
    static final String TOKEN = "[token]";

    /**
     * A JWT: three base64url segments joined by dots. One that starts with {@code eyJ} (a JSON
     * header) counts from its first dot on, so a cut-off token is caught too; otherwise each segment
     * must be at least 10 characters long, so host names and version numbers stay.
     */
    private static final Pattern JWT = Pattern.compile(
            "(?<![\\w-])(?:eyJ[\\w-]*+(?:\\.[\\w-]*+){1,2}|[\\w-]{10,}+\\.[\\w-]{10,}+\\.[\\w-]{10,}+)");

    private static final Pattern LINE_BREAKS_AND_SPACES =
            Pattern.compile("[\\s\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]+");

    private BodyExcerpt() {
    }

    /** {@code text} without the token that was sent or anything else that looks like a JWT. */
    static String scrub(String text, String sentToken) {
        String scrubbed = text;
        if (sentToken != null && sentToken.length() >= 8) {
            scrubbed = scrubbed.replace(sentToken, TOKEN);
        }
        return JWT.matcher(scrubbed).replaceAll(TOKEN);
    }

    /** The scrubbed body on one line, at most {@value #MAX_LENGTH} characters; "(empty body)" for none. */
    static String of(String body, String sentToken) {
        String line = LINE_BREAKS_AND_SPACES.matcher(scrub(body, sentToken)).replaceAll(" ").strip();
        if (line.isEmpty()) {
            return "(empty body)";
        }
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        int end = MAX_LENGTH - 3;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "...";
    }
}
