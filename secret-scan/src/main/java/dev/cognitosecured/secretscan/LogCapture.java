package dev.cognitosecured.secretscan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The capture of {@code java.util.logging} (where the library's {@code System.Logger} and the AWS SDK's SLF4J end):
 * a handler on the root logger that keeps every record, formatted, with its exception's stack trace. The library's
 * loggers ({@code dev.cognitosecured}) are set to {@code ALL}, so their records at every level, {@code FINEST}
 * included, are made and scanned; the handlers that were there (the console) keep showing only what the logging
 * configuration asked for. Other libraries' loggers keep their configured levels: what they log at a finer level
 * is their own business, not a promise of this one; with the system property {@value #ALL_LOGGERS} {@code true}
 * every logger is set to {@code ALL} and scanned too.
 */
final class LogCapture extends Handler {

    static final String LIBRARY = "dev.cognitosecured";
    /** With this system property {@code true}, every logger is set to {@code ALL}, other libraries' too. */
    static final String ALL_LOGGERS = "cognitosecured.secretscan.all-loggers";

    private final SeenTexts seen;
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final AtomicLong records = new AtomicLong();
    /** Strong references: a logger whose level was set must not be collected, or the level is lost. */
    private final List<Logger> raised = new ArrayList<>();

    private LogCapture(SeenTexts seen) {
        this.seen = seen;
        setLevel(Level.ALL);
    }

    static LogCapture install(SeenTexts seen) {
        Properties configured = configuredLevels();
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel() == null ? Level.INFO : root.getLevel();
        for (Handler existing : root.getHandlers()) {
            Filter before = existing.getFilter();
            existing.setFilter(record -> isConfiguredToShow(configured, rootLevel, record)
                    && (before == null || before.isLoggable(record)));
        }
        LogCapture capture = new LogCapture(seen);
        boolean all = Boolean.getBoolean(ALL_LOGGERS);
        for (String name : configured.stringPropertyNames()) {
            if ((all || name.startsWith(LIBRARY)) && name.endsWith(".level") && !name.equals(".level")) {
                capture.raise(name.substring(0, name.length() - ".level".length()));
            }
        }
        capture.raise(LIBRARY);
        if (all) {
            capture.raise("");
        }
        root.addHandler(capture);
        return capture;
    }

    private void raise(String loggerName) {
        Logger logger = Logger.getLogger(loggerName);
        logger.setLevel(Level.ALL);
        raised.add(logger);
    }

    long records() {
        return records.get();
    }

    @Override
    public void publish(LogRecord record) {
        records.incrementAndGet();
        String where = "log record " + record.getLevel() + " " + record.getLoggerName();
        StringBuilder text = new StringBuilder();
        try {
            text.append(formatter.formatMessage(record));
        } catch (RuntimeException unformattable) {
            text.append(record.getMessage());
        }
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append('\n').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            text.append('\n').append(SeenTexts.stackTrace(record.getThrown()));
        }
        seen.add(where, text.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The levels the logging configuration file sets, or none. */
    private static Properties configuredLevels() {
        Properties properties = new Properties();
        String file = System.getProperty("java.util.logging.config.file");
        if (file != null) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                properties.load(in);
            } catch (IOException | RuntimeException unreadable) {
                // The JDK's defaults: INFO for all.
            }
        }
        return properties;
    }

    /** Whether {@code record} passes the level its logger (or the nearest configured parent) was configured with. */
    private static boolean isConfiguredToShow(Properties configured, Level rootLevel, LogRecord record) {
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        while (true) {
            String level = configured.getProperty(name.isEmpty() ? ".level" : name + ".level");
            if (level != null) {
                try {
                    return record.getLevel().intValue() >= Level.parse(level.strip()).intValue();
                } catch (IllegalArgumentException unknownLevel) {
                    return true;
                }
            }
            if (name.isEmpty()) {
                return record.getLevel().intValue() >= rootLevel.intValue();
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
    }
}
