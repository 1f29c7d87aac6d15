package dev.slipway.serve.http;

import dev.slipway.api.model.Frame;
import java.util.List;
import java.util.Optional;

/**
 * A decoded Open Inference Protocol inference request.
 *
 * @param id the request's {@code id}, echoed in the response
 * @param input the rows
 * @param outputs the outputs asked for; empty for all
 */
record OipRequest(Optional<String> id, Frame input, List<String> outputs) {}
