package dev.cognitosecured.it.demo;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the person at the console types: lines, and secrets read without echo when there is a
 * terminal. Secrets are never read from a flag or a property.
 */
public final class ConsoleInput {

    private final Optional<Console> console;
    private final BufferedReader reader;
    private final PrintStream out;

    /**
     * @param console the terminal, used for everything when present
     * @param reader where lines come from without a terminal (a pipe, a test)
     */
    public ConsoleInput(Optional<Console> console, BufferedReader reader, PrintStream out) {
        this.console = Objects.requireNonNull(console, "console");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A line typed after {@code prompt}, stripped. */
    public String line(String prompt) {
        if (console.isPresent()) {
            return required(console.get().readLine("%s", prompt)).strip();
        }
        out.print(prompt);
        out.flush();
        try {
            return required(reader.readLine()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console", e);
        }
    }

    /** A secret typed after {@code prompt}: not echoed on a terminal; the caller clears it after use. */
    public char[] secret(String prompt) {
        if (console.isPresent()) {
            return required(console.get().readPassword("%s", prompt));
        }
        return line(prompt).toCharArray();
    }

    private static <T> T required(T input) {
        if (input == null) {
            throw new EndOfInputException();
        }
        return input;
    }

    /** The input ended before the demo got what it asked for. */
    public static final class EndOfInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndOfInputException() {
            super("the input ended before the demo got its answer");
        }
    }
}
