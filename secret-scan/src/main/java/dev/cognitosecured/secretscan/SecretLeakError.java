package dev.cognitosecured.secretscan;

/**
 * A secret a stand-in issued turned up where it must not. The message names the kind of secret and where it was
 * seen, and shows the text around it with the secret cut out; it never shows the secret.
 */
public final class SecretLeakError extends AssertionError {

    private static final long serialVersionUID = 1L;
    private static final int AROUND = 120;

    SecretLeakError(String test, String where, IssuedSecrets.Found found, String text) {
        super("Secret scan: a " + found.kind() + " issued by a stand-in appears in " + where + " (seen by " + test
                + "): \"" + excerpt(found, text) + "\". Secrets must never appear in a log record, an exception"
                + " message or a toString().");
    }

    private static String excerpt(IssuedSecrets.Found found, String text) {
        int from = Math.max(0, found.index() - AROUND);
        int to = Math.min(text.length(), found.index() + found.length() + AROUND);
        String cut = text.substring(from, found.index()) + "<" + found.kind() + ">"
                + text.substring(found.index() + found.length(), to);
        // What is left may hold another secret: cut those too.
        for (var again = IssuedSecrets.findIn(cut); again.isPresent(); again = IssuedSecrets.findIn(cut)) {
            IssuedSecrets.Found f = again.get();
            cut = cut.substring(0, f.index()) + "<" + f.kind() + ">" + cut.substring(f.index() + f.length());
        }
        return (from > 0 ? "..." : "") + cut.replace('\n', ' ') + (to < text.length() ? "..." : "");
    }
}
