package dev.slipway.cli;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.ColumnProfile;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.data.Profile;
import dev.slipway.data.Profiles;
import dev.slipway.data.Quantile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway data profile NAME[@VER]}. */
@Command(
        name = "profile",
        description =
                "Show a dataset version's profile: counts, nulls, distinct values, statistics, top categories.",
        footer = {
            "",
            "Examples:",
            "  slipway data profile adult",
            "  slipway data profile adult@1 --json"
        })
final class DataProfileCommand extends DataSubcommand {

    @Parameters(index = "0", paramLabel = "NAME[@VER]", description = "The dataset version.")
    String ref;

    @Override
    int run(Datasets datasets) {
        DatasetVersion v = datasets.resolve(DatasetRef.parse(ref));
        Profile p = datasets.profile(v.ref());
        if (json) {
            out().println(Profiles.toJson(p));
            out().flush();
            return ExitCode.OK;
        }
        out().printf("%s@%s: %s rows%n%n", v.dataset(), v.id(), Output.num(p.rows()));
        List<List<String>> rows = new ArrayList<>();
        for (ColumnProfile c : p.columns()) {
            String stats =
                    c.numeric()
                            .map(
                                    n ->
                                            "min %s  median %s  max %s  mean %s  std %s"
                                                    .formatted(
                                                            Output.num(n.min()),
                                                            median(n.quantiles()),
                                                            Output.num(n.max()),
                                                            Output.num(n.mean()),
                                                            Output.num(n.std())))
                            .or(() -> c.time().map(t -> t.min() + " .. " + t.max()))
                            .orElseGet(
                                    () ->
                                            c.top().stream()
                                                    .limit(3)
                                                    .map(
                                                            t ->
                                                                    t.value()
                                                                            + " "
                                                                            + Output.num(t.count()))
                                                    .collect(Collectors.joining(", ")));
            rows.add(
                    List.of(
                            c.name(),
                            c.type().label(),
                            Output.num(c.count()),
                            Output.num(c.nulls()),
                            Output.num(c.distinct()),
                            stats));
        }
        Output.table(
                out(), List.of("COLUMN", "TYPE", "COUNT", "NULLS", "DISTINCT", "SUMMARY"), rows);
        return ExitCode.OK;
    }

    private static String median(List<Quantile> qs) {
        return qs.stream()
                .filter(q -> q.p() == 0.5)
                .findFirst()
                .map(q -> Output.num(q.value()))
                .orElse("-");
    }
}
