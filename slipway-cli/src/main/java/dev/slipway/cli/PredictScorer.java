package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.data.BatchFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scores chunks with a predictor. When the predictor refuses a chunk, its halves are scored in
 * turn, down to single rows: the rows it refuses are rejected with its reason and the others are
 * scored, in file order, at a cost of a few calls per bad row.
 */
final class PredictScorer {

    /** "row 7" in a predictor's message counts rows of the one-row batch: always row 1. */
    private static final Pattern BATCH_ROW = Pattern.compile("^(column '[^']*') row \\d+:");

    private final Predictor predictor;
    private final PredictSink sink;

    PredictScorer(Predictor predictor, PredictSink sink) {
        this.predictor = predictor;
        this.sink = sink;
    }

    /** Scores the good rows of {@code chunk} and rejects the bad ones, all sent to the sink. */
    void score(BatchFiles.Chunk chunk) {
        List<BatchFiles.BadRow> rejected = new ArrayList<>(chunk.rejected());
        score(chunk, 0, chunk.rows().length, rejected);
        rejected.sort(Comparator.comparingLong(BatchFiles.BadRow::row));
        sink.rejected(rejected);
    }

    private void score(BatchFiles.Chunk chunk, int from, int to, List<BatchFiles.BadRow> rejected) {
        if (from >= to) {
            return;
        }
        Frame predicted;
        try {
            predicted = predictor.predict(PredictFrames.slice(chunk.inputs(), from, to));
        } catch (InvalidInputException e) {
            if (to - from == 1) {
                rejected.add(
                        new BatchFiles.BadRow(chunk.rows()[from], reason(e), chunk.values(from)));
                return;
            }
            int mid = (from + to) >>> 1;
            score(chunk, from, mid, rejected);
            score(chunk, mid, to, rejected);
            return;
        }
        sink.scored(chunk, from, to, predicted);
    }

    private static String reason(InvalidInputException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return BATCH_ROW.matcher(m).replaceFirst("$1:");
    }
}
