#!/usr/bin/env bash
# Times tunneldump and the reference dissectors on a capture, whole process, wall clock, output
# to /dev/null:
#
#   java -jar tunneldump.jar F > /dev/null          (plain text)
#   java -jar tunneldump.jar --json F > /dev/null
#   tcpdump -nn -r F > /dev/null
#   tshark -r F -T json > /dev/null
#
# usage: testdata/scripts/time-reference-tools.sh CAPTURE [RUNS]
#
# TOOLS (default "tunneldump tcpdump tshark") chooses the tools; TUNNELDUMP_JAR the jar
# (default tunneldump/target/tunneldump.jar, built by bin/tunneldump or mvn package).
# RUNS (default 3) runs per tool; prints every run, the median and frames per second (of the
# median). A run longer than TIME_LIMIT seconds (default 600) is stopped and reported as such.
# Make the capture with testdata/scripts/make-large-capture.py.
set -euo pipefail

capture=${1:?usage: $0 CAPTURE [RUNS]}
runs=${2:-3}
limit=${TIME_LIMIT:-600}

if command -v capinfos >/dev/null; then
    frames=$(capinfos -M -c -T "$capture" | awk -F'\t' 'NR == 2 { print $2 }')
else
    frames=$(tcpdump -nn -r "$capture" 2>/dev/null | wc -l)
fi
bytes=$(stat -c %s "$capture")

echo "capture: $capture, $frames frames, $bytes bytes"
echo "tshark:  $(tshark --version 2>/dev/null | head -n 1)"
echo "tcpdump: $(tcpdump --version 2>&1 | head -n 1); $(tcpdump --version 2>&1 | sed -n 2p)"
echo "host:    $(nproc) CPUs, $(uname -sr)"

# time_one LABEL COMMAND...: prints the wall-clock seconds of one run, or "timeout"
time_one() {
    local start end status=0
    start=$(date +%s.%N)
    timeout "$limit" "$@" > /dev/null 2>&1 || status=$?
    end=$(date +%s.%N)
    if [ "$status" -eq 124 ]; then
        echo timeout
    elif [ "$status" -ne 0 ]; then
        echo "failed($status)"
    else
        echo "$end - $start" | bc -l | xargs printf '%.3f\n'
    fi
}

measure() {
    local label=$1
    shift
    local times=() t
    for ((i = 1; i <= runs; i++)); do
        t=$(time_one "$@")
        times+=("$t")
        echo "$label run $i: $t s"
        if [ "$t" = timeout ]; then
            echo "$label: a run exceeded $limit s; measure on a smaller capture"
            return
        fi
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    echo "$label: runs ${times[*]} s; median $median s; $(echo "$frames / $median" | bc -l | xargs printf '%.0f') frames/s"
}

jar=${TUNNELDUMP_JAR:-$(cd "$(dirname "$0")/../.." && pwd)/tunneldump/target/tunneldump.jar}
for tool in ${TOOLS:-tunneldump tcpdump tshark}; do
    case $tool in
        tunneldump)
            echo "java:    $(java -version 2>&1 | head -n 1)"
            measure "tunneldump F" java -jar "$jar" "$capture"
            measure "tunneldump --json F" java -jar "$jar" --json "$capture"
            ;;
        tcpdump) measure "tcpdump -nn -r F" tcpdump -nn -r "$capture" ;;
        tshark) measure "tshark -r F -T json" tshark -r "$capture" -T json ;;
        *) echo "unknown tool $tool" >&2; exit 2 ;;
    esac
done
