package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.UnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The traffic of {@code slipway quickstart}: rows of the Adult test data sent to a running server
 * as Open Inference Protocol requests, a shifted copy of other rows, and their labels posted back.
 */
final class QuickstartTraffic {

    /** Rows per request. */
    static final int PER_REQUEST = 50;

    private static final Set<String> NUMERIC =
            Set.of(
                    "age",
                    "fnlwgt",
                    "education-num",
                    "capital-gain",
                    "capital-loss",
                    "hours-per-week");

    private static final String TARGET = "income";

    private final HttpClient client;
    private final String base;
    private final String model;
    private final List<ObjectNode> labels = new ArrayList<>();

    QuickstartTraffic(String base, String model) {
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
        this.base = base;
        this.model = model;
    }

    /** The labels of the rows answered so far, one per row. */
    int labelCount() {
        return labels.size();
    }

    /** Sends {@code rows} in requests of {@link #PER_REQUEST} rows; keeps a label per row. */
    void replay(List<Map<String, String>> rows) {
        for (int from = 0; from < rows.size(); from += PER_REQUEST) {
            List<Map<String, String>> batch =
                    rows.subList(from, Math.min(rows.size(), from + PER_REQUEST));
            HttpResponse<String> r =
                    send("/v2/models/" + model + "/infer", request(batch).toString());
            String id =
                    r.headers()
                            .firstValue("X-Request-Id")
                            .orElseThrow(
                                    () ->
                                            new UnavailableException(
                                                    "the server at %s answered without an X-Request-Id header"
                                                            .formatted(base),
                                                    Duration.ofSeconds(1)));
            for (int i = 0; i < batch.size(); i++) {
                ObjectNode label = Output.JSON.createObjectNode();
                label.put("request_id", id);
                label.put("row_index", i);
                label.put("label", label(batch.get(i)));
                labels.add(label);
            }
        }
    }

    /** Posts the labels kept so far; returns how many the server stored. */
    long postLabels() {
        ObjectNode body = Output.JSON.createObjectNode();
        ArrayNode arr = body.putArray("labels");
        labels.forEach(arr::add);
        HttpResponse<String> r = send("/api/v1/models/" + model + "/labels", body.toString());
        try {
            JsonNode answer = Output.JSON.readTree(r.body());
            return answer.path("stored").asLong(labels.size());
        } catch (IOException e) {
            return labels.size();
        }
    }

    private HttpResponse<String> send(String path, String body) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        HttpResponse<String> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnavailableException(
                    "cannot reach the server at %s%s: %s".formatted(base, path, e.getMessage()),
                    Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(
                    "interrupted while sending to %s%s".formatted(base, path),
                    Duration.ofSeconds(1));
        }
        if (r.statusCode() != 200) {
            throw new UnavailableException(
                    "the server at %s%s answered %d: %s"
                            .formatted(base, path, r.statusCode(), r.body()),
                    Duration.ofSeconds(1));
        }
        return r;
    }

    /**
     * An Open Inference Protocol request for {@code rows}: one input per column, BYTES for text.
     */
    static ObjectNode request(List<Map<String, String>> rows) {
        ObjectNode root = Output.JSON.createObjectNode();
        ArrayNode inputs = root.putArray("inputs");
        for (String column : rows.getFirst().keySet()) {
            if (column.equals(TARGET)) {
                continue;
            }
            boolean numeric = NUMERIC.contains(column);
            ObjectNode t = inputs.addObject();
            t.put("name", column);
            t.put("datatype", numeric ? "FP64" : "BYTES");
            t.putArray("shape").add(rows.size());
            ArrayNode data = t.putArray("data");
            for (Map<String, String> row : rows) {
                String v = row.get(column);
                if (v.isEmpty() || v.equals("?")) {
                    data.addNull();
                } else if (numeric) {
                    data.add(Double.parseDouble(v));
                } else {
                    data.add(v);
                }
            }
        }
        return root;
    }

    /** The row's label as the model names its classes: {@code <=50K} or {@code >50K}. */
    static String label(Map<String, String> row) {
        return row.get(TARGET).replace(".", "");
    }

    /**
     * The shifted copy of {@code rows}: every age 10 years higher, and every third {@code Private}
     * row moved to {@code Self-emp-not-inc}.
     */
    static List<Map<String, String>> shift(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        int privateRows = 0;
        for (Map<String, String> row : rows) {
            Map<String, String> copy = new LinkedHashMap<>(row);
            copy.put("age", Integer.toString(Integer.parseInt(row.get("age")) + 10));
            if (row.get("workclass").equals("Private") && privateRows++ % 3 == 0) {
                copy.put("workclass", "Self-emp-not-inc");
            }
            out.add(copy);
        }
        return out;
    }

    /**
     * The first {@code limit} rows of the bundled Adult CSV {@code file} (no quoted cells), with
     * headers and cells trimmed.
     */
    static List<Map<String, String>> readCsv(Path file, int limit) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read %s: %s".formatted(file, e.getMessage()), e);
        }
        if (lines.isEmpty()) {
            throw InvalidInputException.of(file.toString(), "the file is empty");
        }
        String[] header = lines.getFirst().split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (rows.size() >= limit) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw InvalidInputException.of(
                        file.toString(),
                        "line %d has %d cells, the header %d"
                                .formatted(rows.size() + 2, cells.length, header.length));
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i].strip(), cells[i].strip());
            }
            rows.add(row);
        }
        return rows;
    }
}
