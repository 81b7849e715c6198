#!/bin/sh
# Regenerates the seed corpus under src/test/resources from the generated captures of the
# testdata module, the shared capture corpus (found as the testdata module finds it) and the hex
# vectors of the protocol notes in SPEC_DIR (optional). Files named seed-* are replaced; findings
# (crash-* and other files) are kept. Run from the repository root:
#
#   fuzz/regenerate-corpus.sh [SPEC_DIR]
set -eu
specs=${1:-}
if [ -n "$specs" ]; then
  specs=$(cd "$specs" && pwd)
fi
exec mvn -q -B -ntp -Dstyle.color=never -pl fuzz -am test -Dtest=SeedCorpus -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtunnelcodec.fuzz.seeds="$(pwd)/fuzz/src/test/resources" -Dtunnelcodec.fuzz.specs="$specs"
