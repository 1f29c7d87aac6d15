package dev.slipway.serve.http;

import static dev.slipway.serve.http.MlflowServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MLflow's scoring protocol against a real server: what it refuses, and how it says so. */
class MlflowProtocolErrorsTest {

    private static final String FORMATS =
            "\"dataframe_split\", \"dataframe_records\", \"instances\" or \"inputs\"";

    private static MlflowServer server;

    @BeforeAll
    static void start() {
        server = MlflowServer.adult();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Asserts MLflow's error shape with {@code status} and {@code code}; returns the message. */
    private static String error(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.get("error_code").asText()).isEqualTo(code);
        return body.get("message").asText();
    }

    private static String records(int n) {
        return "{\"dataframe_records\": " + MlflowServer.records(MlflowServer.adultRows(n)) + "}";
    }

    /** One Adult row as a record, with {@code column} set to the JSON {@code value}. */
    private static String recordWith(String column, String value) throws Exception {
        ArrayNode records = MlflowServer.records(MlflowServer.adultRows(1));
        ((ObjectNode) records.get(0)).set(column, MlflowServer.JSON.readTree(value));
        return "{\"dataframe_records\": " + records + "}";
    }

    @Test
    void invocations_latin1Charset_is415() {
        String m =
                error(
                        server.post(
                                "/invocations", "application/json; charset=latin-1", records(1)),
                        415,
                        "BAD_REQUEST");
        assertThat(m).contains("application/json", "text/csv", "charset=utf-8");
    }

    @Test
    void invocations_textPlain_is415ListingTheAcceptedTypes() {
        String m = error(server.post("/invocations", "text/plain", records(1)), 415, "BAD_REQUEST");
        assertThat(m).contains("text/plain", "application/json", "text/csv", "application/csv");
    }

    @Test
    void invocations_noFormatKey_is400NamingTheFourKeys() {
        String m = error(server.post("/invocations", "application/json", "{}"), 400, "BAD_REQUEST");
        assertThat(m).contains(FORMATS);
    }

    @Test
    void invocations_twoFormatKeys_is400NamingBoth() {
        String body = "{\"instances\": [], \"inputs\": {}}";
        String m = error(server.post("/invocations", "application/json", body), 400, "BAD_REQUEST");
        assertThat(m).contains("both \"instances\" and \"inputs\"", FORMATS);
    }

    @Test
    void invocations_unknownKey_is400NamingItAndTheFourKeys() {
        String body = "{\"data\": [[1, 2]]}";
        String m = error(server.post("/invocations", "application/json", body), 400, "BAD_REQUEST");
        assertThat(m).contains("\"data\"", FORMATS);
    }

    @Test
    void invocations_malformedJson_is400() {
        String m =
                error(
                        server.post("/invocations", "application/json", "{\"instances\": [1,"),
                        400,
                        "BAD_REQUEST");
        assertThat(m).contains("not valid JSON");
    }

    @Test
    void invocations_textForANumber_is400NamingColumnRowAndValue() throws Exception {
        String m =
                error(
                        server.post(
                                "/invocations", "application/json", recordWith("age", "\"abc\"")),
                        400,
                        "BAD_REQUEST");
        assertThat(m).contains("column 'age' row 0", "\"abc\"", "not a number");
    }

    @Test
    void invocations_numberForACategory_is400AskingForAString() throws Exception {
        String m =
                error(
                        server.post(
                                "/invocations", "application/json", recordWith("workclass", "3")),
                        400,
                        "BAD_REQUEST");
        assertThat(m).contains("column 'workclass' row 0", "send the category as a string");
    }

    @Test
    void invocations_missingColumn_is400NamingIt() {
        ArrayNode records = MlflowServer.records(MlflowServer.adultRows(2));
        records.forEach(r -> ((ObjectNode) r).remove("education-num"));
        String m =
                error(
                        server.post(
                                "/invocations",
                                "application/json",
                                "{\"dataframe_records\": " + records + "}"),
                        400,
                        "BAD_REQUEST");
        assertThat(m).contains("missing input 'education-num'");
    }

    @Test
    void invocations_csvBadNumber_is400NamingColumnAndLine() {
        String csv = MlflowServer.csv(MlflowServer.adultRows(3));
        String[] lines = csv.split("\r\n");
        lines[2] = "forty" + lines[2].substring(lines[2].indexOf(','));
        String m =
                error(
                        server.post("/invocations", "text/csv", String.join("\r\n", lines)),
                        400,
                        "BAD_REQUEST");
        assertThat(m).contains("column 'age' on line 3", "\"forty\"");
    }

    @Test
    void invocations_rowWithTooFewValues_is400() {
        String body =
                "{\"dataframe_split\": {\"columns\": [\"age\", \"fnlwgt\"], \"data\": [[1]]}}";
        String m = error(server.post("/invocations", "application/json", body), 400, "BAD_REQUEST");
        assertThat(m).contains("row 0", "1 values");
    }

    @Test
    void invocations_noBody_is400() {
        error(server.post("/invocations", "application/json", ""), 400, "BAD_REQUEST");
    }

    @Test
    void modelsInvocations_unknownModel_is404ResourceDoesNotExist() {
        String m =
                error(
                        server.post("/models/nope/invocations", "application/json", records(1)),
                        404,
                        "RESOURCE_DOES_NOT_EXIST");
        assertThat(m).contains("'nope'", "adult-income");
    }

    @Test
    void invocations_twoModelsServedAndNoneChosen_is400SayingHowToChoose() {
        try (MlflowServer s =
                MlflowServer.start(Optional.empty(), "adult-income@champion", "iris@champion")) {
            String m =
                    error(
                            s.post("/invocations", "application/json", records(1)),
                            400,
                            "BAD_REQUEST");
            assertThat(m)
                    .contains(
                            "adult-income",
                            "iris",
                            "--mlflow-model NAME",
                            "/models/NAME/invocations");
        }
    }
}
