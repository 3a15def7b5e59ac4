package io.chorus.signalling.logging;

import java.util.Locale;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * How the server's log reads on standard output ({@code log.format}): {@code text} for a person
 * (logback.xml's pattern), {@code json} for a log collector: one JSON object per line with
 * timestamp, level, logger, thread, message, stack trace and the {@link LogContext} fields
 * ({@code room}, {@code participant}). Loggers' levels stay as logback.xml sets them.
 */
public enum LogFormat {
    TEXT, JSON;

    /** @throws IllegalArgumentException naming the values allowed */
    public static LogFormat parse(String value) {
        for (LogFormat format : values()) {
            if (format.wire().equals(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException("must be text or json, got '" + value + "'");
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Switches the process's console output to this format; the lines logged before (configuration
     * errors among them) stay as text. Called once at startup.
     */
    public void apply() {
        if (this == TEXT) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("log.format=json needs Logback as the SLF4J provider, found "
                    + factory.getClass().getName());
        }
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("JSON");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(console);
    }
}
