package dev.slipway.monitor.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON body POSTed to a webhook for one notification, format version 1:
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "rule": "auc-low",
 *   "model": "adult-income",
 *   "sequence": 3,                       // n-th notification of this rule for this model
 *   "state": "firing",                   // or "resolved"
 *   "severity": "critical",              // or "warning"
 *   "condition": "metric auc below 0.8",
 *   "observed": 0.74,
 *   "bound": 0.8,                        // null for a column_drift rule on the drift verdict
 *   "window": {"start": "2026-11-22T00:00:00.000Z", "end": "2026-11-23T00:00:00.000Z"},
 *   "message": "auc-low FIRING [critical] for model adult-income in window ...",
 *   "time": "2026-11-23T00:05:00.123Z",
 *   "firing_since": "2026-11-22T00:05:00.000Z"
 * }
 * }</pre>
 *
 * Times are ISO-8601 UTC with milliseconds. A delivery may arrive more than once (a retry after a
 * lost answer): rule, model and sequence identify it.
 */
final class WebhookBody {

    static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private WebhookBody() {}

    static byte[] of(AlertEvent e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("version", VERSION);
        body.put("rule", e.rule());
        body.put("model", e.model());
        body.put("sequence", e.sequence());
        body.put("state", e.state().label());
        body.put("severity", e.severity().label());
        body.put("condition", e.condition());
        body.put("observed", e.observed());
        if (e.bound().isPresent()) {
            body.put("bound", e.bound().getAsDouble());
        } else {
            body.putNull("bound");
        }
        ObjectNode window = body.putObject("window");
        window.put("start", Times.format(e.window().start()));
        window.put("end", Times.format(e.window().end()));
        body.put("message", e.message());
        body.put("time", Times.format(e.time()));
        body.put("firing_since", Times.format(e.firingSince()));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a webhook body for " + e, ex);
        }
    }
}
