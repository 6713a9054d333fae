package dev.cognitosecured.it.e2e.app;

/**
 * Figures only members of the {@code admins} group may read.
 *
 * @param open how many to-dos are open
 * @param done how many are done
 */
public record Stats(int open, int done) {
}
