package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.LogicalType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileCodecTest {

    private static final String WHERE = "profile of adult@1a2b";

    /**
     * A version 1 document as this format's first release wrote it; later releases must read it.
     */
    private static final String GOLDEN_V1 =
            """
            {"format":"slipway.profile","version":1,"rows":4,"columns":[\
            {"name":"age","type":"integer","count":3,"nulls":1,"distinct":3,\
            "numeric":{"min":17.0,"max":90.0,"mean":41.0,"std":"NaN","nonFinite":0,\
            "quantiles":[{"p":0.5,"value":37.0}]},"top":[],\
            "histogram":{"edges":[17.0,53.5,90.0],"counts":[2,1]}},\
            {"name":"seen","type":"timestamp","count":4,"nulls":0,"distinct":2,\
            "time":{"min":"2024-01-31T12:00:00","max":"2024-02-01T00:00:00.5"},"top":[],\
            "histogram":{"edges":[1.7067024E9,1.7067456005E9],"counts":[4]}},\
            {"name":"sex","type":"categorical","count":4,"nulls":0,"distinct":2,\
            "top":[{"value":"Male","count":3},{"value":"Female","count":1}]}]}""";

    private static Profile sample() {
        return new Profile(
                5,
                List.of(
                        new ColumnProfile(
                                "x \"1\"",
                                LogicalType.NUMERIC,
                                4,
                                1,
                                4,
                                Optional.of(
                                        new NumericSummary(
                                                0.1,
                                                2.5,
                                                1.3,
                                                Double.NaN,
                                                List.of(
                                                        new Quantile(0.01, 0.1),
                                                        new Quantile(0.5, 1.3)),
                                                2)),
                                Optional.empty(),
                                List.of(),
                                Optional.of(
                                        new Histogram(List.of(0.1, 1.3, 2.5), List.of(1L, 1L)))),
                        new ColumnProfile(
                                "when",
                                LogicalType.TIMESTAMP,
                                5,
                                0,
                                1,
                                Optional.empty(),
                                Optional.of(
                                        new TimeSummary(
                                                LocalDateTime.of(2024, 1, 1, 0, 0),
                                                LocalDateTime.of(2024, 1, 1, 0, 0))),
                                List.of(),
                                Optional.of(
                                        new Histogram(
                                                List.of(1.7040672E9, 1.7040672E9), List.of(5L)))),
                        new ColumnProfile(
                                "ok",
                                LogicalType.BOOLEAN,
                                5,
                                0,
                                2,
                                Optional.empty(),
                                Optional.empty(),
                                List.of(new Category("true", 3), new Category("false", 2)),
                                Optional.empty())));
    }

    private static String json(Profile p) {
        return new String(ProfileCodec.toJson(p), StandardCharsets.UTF_8);
    }

    private static Profile read(String json) {
        return ProfileCodec.fromJson(json.getBytes(StandardCharsets.UTF_8), WHERE);
    }

    @Test
    void fromJson_toJsonOutput_equalsOriginal() {
        Profile p = sample();

        assertThat(ProfileCodec.fromJson(ProfileCodec.toJson(p), WHERE)).isEqualTo(p);
    }

    @Test
    void fromJson_infinitiesInSummary_roundTrip() {
        NumericSummary huge =
                new NumericSummary(
                        -1e308,
                        1e308,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        List.of(),
                        0);
        Profile p =
                new Profile(
                        2,
                        List.of(
                                new ColumnProfile(
                                        "x",
                                        LogicalType.NUMERIC,
                                        2,
                                        0,
                                        2,
                                        Optional.of(huge),
                                        Optional.empty(),
                                        List.of(),
                                        Optional.empty())));

        assertThat(read(json(p))).isEqualTo(p);
    }

    @Test
    void toJson_profile_startsWithFormatHeaderInFixedOrder() {
        assertThat(json(sample()))
                .startsWith(
                        "{\"format\":\"slipway.profile\",\"version\":1,\"rows\":5,\"columns\":[")
                .contains(
                        "{\"name\":\"x \\\"1\\\"\",\"type\":\"numeric\",\"count\":4,\"nulls\":1,\"distinct\":4,\"numeric\":{\"min\":0.1,");
    }

    @Test
    void toJson_nanStd_writtenAsString() {
        assertThat(json(sample())).contains("\"std\":\"NaN\"");
    }

    @Test
    void toJson_emptyOptionals_omitted() {
        String ok = json(sample());
        String booleanColumn = ok.substring(ok.indexOf("{\"name\":\"ok\""));

        assertThat(booleanColumn).doesNotContain("numeric", "time", "histogram");
    }

    @Test
    void toJson_time_isoLocalDateTimeWithSeconds() {
        assertThat(json(sample()))
                .contains(
                        "\"time\":{\"min\":\"2024-01-01T00:00:00\",\"max\":\"2024-01-01T00:00:00\"}");
    }

    @Test
    void toJson_sameProfile_sameBytes() {
        assertThat(ProfileCodec.toJson(sample())).isEqualTo(ProfileCodec.toJson(sample()));
    }

    @Test
    void fromJson_goldenVersion1_reads() {
        Profile p = read(GOLDEN_V1);

        assertThat(p.column("age").orElseThrow().numeric().orElseThrow().std()).isNaN();
        assertThat(p.column("seen").orElseThrow().time().orElseThrow().max())
                .isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0, 0, 500_000_000));
        assertThat(p.column("sex").orElseThrow().top()).contains(new Category("Female", 1));
    }

    @Test
    void fromJson_goldenVersion1_writesBackIdentically() {
        assertThat(json(read(GOLDEN_V1))).isEqualTo(GOLDEN_V1);
    }

    @Test
    void fromJson_version2_refusedWithBothVersions() {
        assertThatThrownBy(() -> read("{\"format\":\"slipway.profile\",\"version\":2,\"rows\":0}"))
                .isInstanceOf(IncompatibleFormatException.class)
                .hasMessageContaining(WHERE)
                .hasMessageContaining("version 2")
                .hasMessageContaining("up to 1");
    }

    @Test
    void fromJson_malformedJson_corruptNamingSource() {
        assertThatThrownBy(() -> read("{\"format\":\"slipway.profile\",\"version\":1,"))
                .isInstanceOfSatisfying(
                        CorruptDataException.class, e -> assertThat(e.id()).isEqualTo(WHERE))
                .hasMessageContaining(WHERE)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void fromJson_otherFormat_corrupt() {
        assertThatThrownBy(() -> read("{\"format\":\"slipway.schema\",\"version\":1}"))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("\"format\" is not \"slipway.profile\"");
    }

    @Test
    void fromJson_missingField_corruptNamingItsPath() {
        String noCount = GOLDEN_V1.replace("\"count\":3,\"nulls\":1", "\"nulls\":1");

        assertThatThrownBy(() -> read(noCount))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("columns[0].count is missing");
    }

    @Test
    void fromJson_unknownType_corruptNamingIt() {
        String badType = GOLDEN_V1.replace("\"type\":\"categorical\"", "\"type\":\"colour\"");

        assertThatThrownBy(() -> read(badType))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("columns[2].type is not a known type, got colour");
    }

    @Test
    void fromJson_inconsistentCounts_corrupt() {
        String badRows = GOLDEN_V1.replace("\"rows\":4", "\"rows\":7");

        assertThatThrownBy(() -> read(badRows))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("does not add up to 7 rows");
    }

    @Test
    void fromJson_duplicateKey_corrupt() {
        String twice = GOLDEN_V1.replace("\"rows\":4", "\"rows\":4,\"rows\":4");

        assertThatThrownBy(() -> read(twice)).isInstanceOf(CorruptDataException.class);
    }

    @Test
    void toJson_publicFacade_sameDocument() {
        assertThat(Profiles.toJson(sample())).isEqualTo(json(sample()));
    }
}
