package io.quarry.api.adversarial;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * What the server logged about a request that failed: the in-process server's ERROR (and WARN)
 * events, by the {@code X-Request-Id} the fuzzer sent, each turned into the class of the failure
 * (exception, SQLSTATE and message with numbers and quoted values blanked). While it listens,
 * the console leaves out the fuzzer's requests, so a million inputs do not write gigabytes of
 * stack traces; the suite's report lists every class instead.
 */
final class ServerErrors extends AppenderBase<ILoggingEvent> {

    private final String prefix;
    private final Map<String, List<String>> byRequest = new ConcurrentHashMap<>();
    /** Errors logged outside any request's context (Netty's own pipeline), newest last, with their time. */
    private final java.util.Deque<Object[]> unattributed = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final List<Appender<ILoggingEvent>> muted = new ArrayList<>();
    private final Filter<ILoggingEvent> mute = new Filter<>() {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            String id = event.getMDCPropertyMap().get("requestId");
            return id != null && id.startsWith(prefix) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    };

    ServerErrors(String prefix) {
        this.prefix = prefix;
    }

    /** Starts listening on the root logger and mutes the fuzzer's requests on the other appenders. */
    void attach() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        start();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            appender.addFilter(mute);
            muted.add(appender);
        }
        root.addAppender(this);
    }

    void detach() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this);
        for (Appender<ILoggingEvent> appender : muted) {
            appender.clearAllFilters();
        }
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            return;
        }
        String id = event.getMDCPropertyMap().get("requestId");
        if (id == null) {
            unattributed.addLast(new Object[] {System.nanoTime(), describe(event)});
            while (unattributed.size() > 64) {
                unattributed.pollFirst();
            }
        } else if (id.startsWith(prefix)) {
            byRequest.computeIfAbsent(id, k -> new ArrayList<>()).add(describe(event));
        }
    }

    /**
     * The class of what the server logged for a request (and forgets it); failing that, for an
     * error the framework answered ({@code inferred}), the newest error logged outside any
     * request in the last two seconds, marked {@code ~}; else null.
     */
    String take(String requestId, boolean inferred) {
        List<String> events = byRequest.remove(requestId);
        if (events != null) {
            return String.join(" | ", events);
        }
        if (!inferred) {
            return null;
        }
        Object[] newest = unattributed.peekLast();
        return newest != null && System.nanoTime() - (long) newest[0] < 2_000_000_000L ? "~" + newest[1] : null;
    }

    /** Forgets what was logged for a request that did not fail. */
    void forget(String requestId) {
        byRequest.remove(requestId);
    }

    private static String describe(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return event.getLevel() + " " + normalize(event.getFormattedMessage());
        }
        while (thrown.getCause() != null && !thrown.getClassName().contains("PSQLException")) {
            thrown = thrown.getCause();
        }
        String message = thrown.getMessage() == null ? "" : thrown.getMessage().split("\n")[0];
        String state = event.getFormattedMessage().replaceAll(".*\\(SQLSTATE ([0-9A-Z]*)\\).*", "$1");
        String where = "";
        for (var frame : thrown.getClassName().contains("PSQLException") ? new ch.qos.logback.classic.spi
                .StackTraceElementProxy[0] : thrown.getStackTraceElementProxyArray()) { // a database error: its SQLSTATE says enough
            if (frame.getStackTraceElement().getClassName().startsWith("io.quarry")) {
                where = " at " + frame.getStackTraceElement().getClassName().replaceAll(".*\\.", "") + "."
                        + frame.getStackTraceElement().getMethodName();
                break;
            }
        }
        return thrown.getClassName().replaceAll(".*\\.", "")
                + (state.length() == 5 ? " " + state : "") + ": " + normalize(message) + where;
    }

    /** A message without its particulars: numbers, quoted values and long tails blanked. */
    static String normalize(String message) {
        String text = message.replaceAll("\"[^\"]*\"", "\"?\"").replaceAll("'[^']*'", "'?'")
                .replaceAll("[0-9]+", "#").replaceAll("\\s+", " ").trim();
        return text.length() > 140 ? text.substring(0, 140) + "..." : text;
    }
}
