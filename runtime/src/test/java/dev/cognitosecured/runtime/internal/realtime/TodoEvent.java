package dev.cognitosecured.runtime.internal.realtime;

/** An event the tests bind. */
public record TodoEvent(String id) {
}
