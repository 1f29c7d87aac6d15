package dev.slipway.serve;

import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.CallObserver;
import dev.slipway.serve.core.Inference;
import dev.slipway.serve.log.LoggedPrediction;
import dev.slipway.serve.log.PredictionLog;
import java.time.Clock;

/** Hands every answered request to the prediction log (which never blocks). */
final class LogObserver implements CallObserver {

    private final PredictionLog log;
    private final Clock clock;

    LogObserver(PredictionLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void answered(Call call, Inference r) {
        long micros = (System.nanoTime() - call.startNanos()) / 1000;
        log.offer(
                new LoggedPrediction(
                        clock.instant(),
                        call.requestId(),
                        r.model(),
                        r.version(),
                        call.protocol().label(),
                        micros,
                        r.inputs(),
                        r.outputs(),
                        r.signature()));
    }
}
