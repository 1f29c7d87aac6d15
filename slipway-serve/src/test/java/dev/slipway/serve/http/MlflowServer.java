package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.serve.ServeHome;
import dev.slipway.serve.core.Authorizer;
import dev.slipway.serve.core.CoreListener;
import dev.slipway.serve.core.CoreOptions;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.core.InferenceCore;
import dev.slipway.serve.metrics.ServeMetrics;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A real server for the MLflow protocol tests: a copy of the test home, a core serving the given
 * references, the HTTP transport on a free port, and a client.
 */
final class MlflowServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ADULT_NUMBERS =
            List.of(
                    "age",
                    "fnlwgt",
                    "education-num",
                    "capital-gain",
                    "capital-loss",
                    "hours-per-week");

    private final ServeHome home;
    private final InferenceCore core;
    private final HttpTransport transport;
    private final HttpClient client = HttpClient.newHttpClient();

    private MlflowServer(ServeHome home, InferenceCore core, HttpTransport transport) {
        this.home = home;
        this.core = core;
        this.transport = transport;
    }

    /** Serves {@code refs}; {@code mlflowModel} is what {@code /invocations} serves. */
    static MlflowServer start(Optional<String> mlflowModel, String... refs) {
        ServeHome home = ServeHome.copy();
        InferenceCore core =
                new InferenceCore(
                        home.registry(),
                        CoreOptions.defaults().withPollInterval(Duration.ZERO),
                        Clock.systemUTC(),
                        CoreListener.none());
        for (String ref : refs) {
            core.load(ModelRef.parse(ref));
        }
        HttpTransport t =
                HttpTransport.start(
                        new Gateway(core, List.of()),
                        home.registry(),
                        HttpOptions.defaults()
                                .withAddress("127.0.0.1", 0)
                                .withMlflowModel(mlflowModel),
                        Authorizer.allowAll(),
                        new ServeMetrics(),
                        new ServerInfo(
                                "slipway", "test", Instant.now(), OptionalInt.empty(), "home"),
                        Optional.empty(),
                        Clock.systemUTC());
        return new MlflowServer(home, core, t);
    }

    /** Serves {@code adult-income@champion} alone. */
    static MlflowServer adult() {
        return start(Optional.empty(), "adult-income@champion");
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build());
    }

    HttpResponse<String> postJson(String path, JsonNode body) {
        return post(path, "application/json", body.toString());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + transport.port() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code adult-income/1} predicts in-process for {@code rows}. */
    Frame expected(Frame rows) {
        try (Predictor p = home.registry().load(ModelRef.parse("adult-income/1"))) {
            return p.predict(rows);
        }
    }

    /** The inputs of {@code adult-income/1}, in order. */
    Signature adultSignature() {
        return core.signature("adult-income").orElseThrow();
    }

    /** The first {@code n} rows of the shared Adult test file, trimmed, without the label. */
    static Frame adultRows(int n) {
        try {
            List<String> lines = Files.readAllLines(SharedData.dataset("adult_test.csv"));
            String[] header = lines.getFirst().split(",", -1);
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < header.length; c++) {
                String name = header[c].strip();
                if (name.equals("income")) {
                    continue;
                }
                double[] d = new double[n];
                String[] s = new String[n];
                for (int r = 0; r < n; r++) {
                    String v = lines.get(r + 1).split(",", -1)[c].strip();
                    if (ADULT_NUMBERS.contains(name)) {
                        d[r] = Double.parseDouble(v);
                    } else {
                        s[r] = v;
                    }
                }
                columns.add(
                        ADULT_NUMBERS.contains(name)
                                ? new DoubleColumn(name, 1, d, new BitSet())
                                : StringColumn.of(name, s));
            }
            return new Frame(n, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at {@code row} of a width-1 column as JSON. */
    static JsonNode cell(Column c, int row) {
        return switch (c) {
            case DoubleColumn d -> JsonNodeFactory.instance.numberNode(d.get(row));
            case StringColumn s -> JsonNodeFactory.instance.textNode(s.get(row));
            default -> throw new IllegalArgumentException(c.name());
        };
    }

    /** {@code rows} as a list of row objects. */
    static ArrayNode records(Frame rows) {
        ArrayNode out = JSON.createArrayNode();
        for (int r = 0; r < rows.rows(); r++) {
            ObjectNode o = out.addObject();
            for (Column c : rows.columns()) {
                o.set(c.name(), cell(c, r));
            }
        }
        return out;
    }

    /** {@code rows} as a list of lists, in the order of {@code inputs}. */
    static ArrayNode lists(Frame rows, List<ColumnSpec> inputs) {
        ArrayNode out = JSON.createArrayNode();
        for (int r = 0; r < rows.rows(); r++) {
            ArrayNode row = out.addArray();
            for (ColumnSpec s : inputs) {
                row.add(cell(rows.column(s.name()), r));
            }
        }
        return out;
    }

    /** {@code rows} as CSV: a header, then one line per row, text quoted. */
    static String csv(Frame rows) {
        StringBuilder b = new StringBuilder(String.join(",", rows.names())).append("\r\n");
        for (int r = 0; r < rows.rows(); r++) {
            for (int c = 0; c < rows.columns().size(); c++) {
                Column col = rows.columns().get(c);
                b.append(c == 0 ? "" : ",");
                b.append(
                        col instanceof StringColumn s
                                ? "\"" + s.get(r).replace("\"", "\"\"") + "\""
                                : Double.toString(((DoubleColumn) col).get(r)));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    /** Position {@code pos} of row {@code row} of a floating-point column. */
    static double at(Column c, int row, int pos) {
        return switch (c) {
            case DoubleColumn d -> d.get(row, pos);
            case FloatColumn f -> f.values()[row * f.width() + pos];
            default -> throw new IllegalArgumentException(c.name() + " is not floating point");
        };
    }

    @Override
    public void close() {
        transport.close(Duration.ofSeconds(5));
        core.close();
        home.close();
    }
}
