#!/usr/bin/env bash
#
# Refreshes the screenshots of the console user guide (docs/console.md) from the browser tests.
#
#   scripts/console-screenshots.sh
#
# It runs the console's browser tests (headless Chromium; they need the Debian packages chromium and
# chromium-driver) into a build folder of its own, then copies the screenshots the guide shows into
# docs/console/. Nothing is drawn by hand: every picture is what a test saw.
set -euo pipefail
root=$(CDPATH='' cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
slipway_find_jdk || exit 1
export JAVA_HOME=$SLIPWAY_JAVA_HOME

target=target-screenshots
echo "Running the browser tests (build folder $target)..." >&2
./mvnw -q -B verify -am -pl slipway-serve,slipway-cli \
    -Dtest='*BrowserTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -Dslipway.target="$target"

# The guide's pictures: name in the build folders -> name in docs/console/.
shots=(
    console-models-laptop
    console-model-laptop
    console-alias-confirm-laptop
    console-alias-refused-laptop
    console-runs-laptop
    console-runs-compare-laptop
    console-run-laptop
    console-dataset-laptop
    console-playground-laptop
    console-playground-phone
    console-monitoring-laptop
    console-monitoring-column-laptop
    console-monitoring-predictions-laptop
    console-monitoring-performance-laptop
    console-monitoring-phone
    console-live-laptop
    console-models-phone
)
mkdir -p docs/console
missing=0
for shot in "${shots[@]}"; do
    found=""
    for module in slipway-serve slipway-cli; do
        file=$module/$target/screenshots/$shot.png
        if [ -f "$file" ]; then
            found=$file
        fi
    done
    if [ -n "$found" ]; then
        cp "$found" "docs/console/$shot.png"
        echo "docs/console/$shot.png"
    else
        echo "missing: no test wrote $shot.png" >&2
        missing=1
    fi
done
exit $missing
