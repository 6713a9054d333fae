package dev.cognitosecured.examples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check of what a browser got back. */
public final class Answers {

    private Answers() {
    }

    /**
     * Asserts that {@code answer} has {@code status} and, to the letter, {@code body}.
     *
     * @param status the HTTP status expected
     * @param body the body expected
     * @param answer what the browser got
     */
    public static void assertAnswer(int status, String body, Browser.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(body, answer.body());
    }
}
