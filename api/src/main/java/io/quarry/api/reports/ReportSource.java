package io.quarry.api.reports;

import io.quarry.ql.ast.Report;
import java.util.Map;

/** Where a report to answer comes from. */
public sealed interface ReportSource {

    /** A report in a request body: text/plain is the text form; JSON the JSON form or {@code {"query": text}}. */
    record Body(String body, boolean text) implements ReportSource {
    }

    /**
     * A saved report prepared for a run (overrides applied, parameter values checked), read
     * within the one account it belongs to.
     */
    record Saved(Report report, Map<String, Object> parameters, long account) implements ReportSource {
        public Saved {
            parameters = Map.copyOf(parameters);
        }
    }
}
