package dev.cognitosecured.it.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps start-up chatter off the demo's output for the length of a run: Weld's INFO lines, and Jersey's
 * warning that it found no {@code jakarta.activation} for a body type the demo never sends. Other
 * warnings still show. Puts the levels back when closed.
 */
final class QuietLogging implements AutoCloseable {

    private static final Map<String, Level> CHATTY = Map.of(
            "org.jboss.weld", Level.WARNING,
            "org.glassfish.jersey.message.internal.MessagingBinders", Level.SEVERE);

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();

    private QuietLogging() {
    }

    static QuietLogging apply() {
        QuietLogging quiet = new QuietLogging();
        CHATTY.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            quiet.loggers.add(logger); // held, so that the level is not lost with a collected logger
            quiet.previous.add(logger.getLevel());
            logger.setLevel(level);
        });
        return quiet;
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).setLevel(previous.get(i));
        }
    }
}
