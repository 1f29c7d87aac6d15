package dev.slipway.serve.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slipway.api.InvalidInputException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/** The JSON reader and writer of the HTTP transport, with the nesting limit applied. */
final class Json {

    private final ObjectMapper mapper;

    Json(int maxDepth) {
        JsonFactory factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                        .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The request body as a JSON tree; 400 naming the problem when it is not JSON. */
    JsonNode read(Buffer body, String what) {
        if (body == null || body.length() == 0) {
            throw InvalidInputException.of(what, "the request has no body; send a JSON " + what);
        }
        try {
            JsonNode node = mapper.readTree(body.getBytes());
            if (node == null || node.isMissingNode()) {
                throw InvalidInputException.of(
                        what, "the request body is empty; send a JSON " + what);
            }
            return node;
        } catch (IOException e) {
            throw InvalidInputException.of(
                    what, "the request body is not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
