#!/bin/sh
# Runs a fuzzing campaign of SECONDS seconds for each fuzz test, one after the other (Jazzer
# fuzzes one test per JVM), and prints a summary: executions, coverage and findings per target.
# A finding is written by Jazzer as crash-<sha1> into the test's Inputs directory under
# src/test/resources, where the next normal build replays it as a regression test.
# Logs go to fuzz/target/campaigns/. Run from the repository root:
#
#   fuzz/run-campaigns.sh [SECONDS] [Class#method ...]
set -u
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets="$*"
if [ -z "$targets" ]; then
  targets=""
  for f in fuzz/src/test/java/org/tunnelcodec/fuzz/*FuzzTest.java; do
    class=$(basename "$f" .java)
    for m in $(awk '/@FuzzTest/ {getline; if (match($0, /void [a-zA-Z0-9]+\(/)) print substr($0, RSTART + 5, RLENGTH - 6)}' "$f"); do
      targets="$targets $class#$m"
    done
  done
fi
logs=fuzz/target/campaigns
mkdir -p "$logs"
printf '%-36s %12s %8s %8s %s\n' target executions cov ft findings
for t in $targets; do
  log="$logs/$(echo "$t" | tr '#' '-').log"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" mvn -q -B -ntp -Dstyle.color=never -o -pl fuzz -am test \
    -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  status=$?
  execs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | awk '{print $2}')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  if [ $status -eq 0 ]; then findings=none; else findings="FAILED (see $log)"; fi
  printf '%-36s %12s %8s %8s %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$findings"
done
