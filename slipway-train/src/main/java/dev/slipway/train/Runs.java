package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import dev.slipway.store.SlipwayHome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The recorded runs: list, show and compare them. Thread-safe. */
public final class Runs {

    private final RunStore store;

    /** The runs recorded in {@code home}'s metadata store. */
    public Runs(SlipwayHome home) {
        this.store = new RunStore(Objects.requireNonNull(home, "home").metadata());
    }

    /** Every run, newest first; only those on {@code dataset} when given. */
    public List<Run> list(Optional<String> dataset) {
        return store.list(dataset);
    }

    /**
     * The run with id {@code id}, or whose id starts with it (4 or more hex digits).
     *
     * @throws dev.slipway.api.NotFoundException when there is none
     * @throws InvalidInputException when the text is not a run id or fits several runs
     */
    public Run get(String id) {
        return store.get(id);
    }

    /** The trials of tuning run {@code tuneId}, in the order they ran. */
    public List<Run> trials(String tuneId) {
        return store.trials(get(tuneId).id());
    }

    /**
     * Runs side by side: one line per field, parameter and metric that any of them has, marking the
     * lines whose values differ.
     *
     * @throws InvalidInputException when fewer than two runs are given
     */
    public Comparison compare(List<String> ids) {
        if (ids.size() < 2) {
            throw InvalidInputException.of(
                    "RUN", "compare needs two or more runs, e.g. 'slipway runs compare 3f9a 7c21'");
        }
        List<Run> runs = ids.stream().map(store::get).toList();
        List<Comparison.Line> lines = new ArrayList<>();
        add(lines, runs, "run", "dataset", r -> r.dataset() + "@" + r.datasetVersion());
        add(lines, runs, "run", "target", Run::target);
        add(lines, runs, "run", "task", r -> r.task().label());
        add(lines, runs, "run", "algorithm", r -> r.algorithm().label());
        add(lines, runs, "run", "holdout", Run::holdout);
        add(lines, runs, "run", "seed", r -> Long.toString(r.seed()));
        add(lines, runs, "run", "model", r -> r.model().map(Object::toString).orElse(""));
        add(lines, runs, "run", "duration", r -> Comparison.seconds(r.duration()));
        Set<String> params = new LinkedHashSet<>();
        runs.forEach(r -> params.addAll(new java.util.TreeMap<>(r.params()).keySet()));
        for (String p : params) {
            add(lines, runs, "param", p, r -> r.params().getOrDefault(p, ""));
        }
        Set<String> metrics = new LinkedHashSet<>();
        runs.forEach(r -> metrics.addAll(r.metrics().keySet()));
        for (String m : metrics) {
            add(
                    lines,
                    runs,
                    "metric",
                    m,
                    r ->
                            Optional.ofNullable(r.metrics().get(m))
                                    .map(Comparison::number)
                                    .orElse(""));
        }
        return new Comparison(runs, lines);
    }

    private static void add(
            List<Comparison.Line> lines,
            List<Run> runs,
            String section,
            String name,
            Function<Run, String> value) {
        List<String> values = runs.stream().map(value).toList();
        boolean differs = values.stream().distinct().count() > 1;
        lines.add(new Comparison.Line(section, name, values, differs));
    }
}
