#!/usr/bin/env bash
#
# The serving benchmark (dev.slipway.bench.ServeBenchmark): `slipway serve` pinned to core 0, loaded
# by wrk and a gRPC client pinned to core 1, against the HTTP/gRPC floor and the in-process model
# limit measured in the same run (see docs/performance.md and the protocol in the project guide).
# Prints a markdown table and writes it to slipway-bench/$TARGET/serve-bench/results-*.md; the home
# with the Adult model (trained once as `slipway train` does with defaults) is cached there too.
#
# Run from anywhere (needs wrk: `apt-get install -y wrk`, and taskset):
#
#   slipway-bench/serve-bench.sh                                     # protocol: 10 s warm-up, 3 x 10 s
#   slipway-bench/serve-bench.sh --server-warmup 20 --warmup 3 --duration 3 --runs 2   # quick check
#
# Options (passed to ServeBenchmark): --server-warmup S --warmup S --duration S --runs N --connections N
# --batch-connections N --grpc-in-flight N --ready-runs N
# --loads oip-1,mlflow-1,oip-32,iris-1,oip-10k,grpc-1 --server-options "--no-prediction-log ..."
# --jvm-options "-Xmx1g ..." --shared DIR --work DIR
#
# Environment:
#   JAVA_HOME                 the JDK (21 or newer) to build and run with
#   SLIPWAY_TARGET            the build folder name (default: target), e.g. target-bench
#   SERVE_BENCH_SKIP_BUILD=1  run what is built, without building first
set -euo pipefail

ROOT=$(CDPATH='' cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
TARGET=${SLIPWAY_TARGET:-target}
JAVA=java
if [ -n "${JAVA_HOME:-}" ]; then
    JAVA=$JAVA_HOME/bin/java
fi
for tool in wrk taskset; do
    if ! command -v "$tool" >/dev/null; then
        echo "serve-bench: $tool is missing; install it (wrk: apt-get install -y wrk; taskset: util-linux)" >&2
        exit 2
    fi
done
if [ "$(nproc --all)" -lt 2 ]; then
    echo "serve-bench: needs 2 cores (server on core 0, load on core 1); this machine has $(nproc --all)" >&2
    exit 2
fi
if [ "${SERVE_BENCH_SKIP_BUILD:-}" != 1 ]; then
    echo "serve-bench: building slipway-bench and what it needs into */$TARGET ..." >&2
    ./mvnw -o -B -q package -pl slipway-bench -am -DskipTests -Dspotless.check.skip=true \
        -Dslipway.target="$TARGET" >&2
fi
BENCH=slipway-bench/$TARGET
# The orchestrator itself stays on core 1, beside the load generators, away from the server.
exec taskset -c 1 "$JAVA" --enable-native-access=ALL-UNNAMED \
    -cp "$BENCH/slipway-bench-0.1.0-SNAPSHOT.jar:$BENCH/lib/*" dev.slipway.bench.ServeBenchmark \
    --work "$BENCH/serve-bench" --shared "$ROOT/../shared" \
    --command "slipway-bench/serve-bench.sh $*" "$@"
