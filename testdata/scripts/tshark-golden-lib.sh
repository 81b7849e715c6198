# Sourced by the tshark-golden*.sh scripts (not run on its own): the paths, the tshark
# options and the helpers they share. The caller sets GOLDEN_FOLDER (core, gre, stt, mpls,
# vxlan, encap: the folder under golden/ its files go to) before sourcing, and runs from the
# repository root.
# The values were made with TShark 4.0.17 (Debian 4.0.17-0+deb12u3); other versions may
# print differently.

TSHARK=${TSHARK:-/usr/bin/tshark}
TCPDUMP=${TCPDUMP:-/usr/bin/tcpdump}
RES=testdata/src/main/resources/org/tunnelcodec/testdata
CAPTURES_DIR=$RES/captures
GOLDEN_DIR=$RES/golden/${GOLDEN_FOLDER:?set GOLDEN_FOLDER before sourcing tshark-golden-lib.sh}
SHARED_DIR=${SHARED_DIR:-../shared/captures/files}

if [[ ! -d $CAPTURES_DIR ]]; then
    echo "run from the repository root ($CAPTURES_DIR not found)" >&2
    exit 1
fi

# Options of every per-frame table: no name resolution, checksums checked, no reassembly,
# no heuristic dissector before the port-based ones.
COMMON_OPTS=(
    -n
    -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE
    -o ip.try_heuristic_first:FALSE
    -o ip.defragment:FALSE -o ipv6.defragment:FALSE -o tcp.desegment_tcp_streams:FALSE
)
# One row per frame, a header row, tab-separated, every occurrence of a field joined with ','.
TSV_OPTS=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=,)

version=$("$TSHARK" --version 2>/dev/null | head -1)
echo "using: $version"
case $version in
    *" 4.0."*) ;;
    *) echo "WARNING: golden files were made with TShark 4.0.17; output of this version may differ" >&2 ;;
esac

mkdir -p "$GOLDEN_DIR"
errlog=$(mktemp)
tmp=$(mktemp)
trap 'rm -f "$errlog" "$tmp"' EXIT

# tshark_fields <capture> <options...> -- <fields...>: the TSV on stdout; 1 if tshark fails
tshark_fields() {
    local cap=$1 opts=() f
    shift
    while [[ $1 != -- ]]; do opts+=("$1"); shift; done
    shift
    for f in "$@"; do opts+=(-e "$f"); done
    if ! "$TSHARK" -r "$cap" "${opts[@]}" "${TSV_OPTS[@]}" 2>"$errlog"; then
        echo "ERROR: tshark failed on $cap:" >&2
        cat "$errlog" >&2
        return 1
    fi
    # tshark warns on stderr when run as root; anything else is worth showing
    grep -v -e 'Running as user "root"' "$errlog" >&2 || true
}

# write_table <out> <capture> <options...> -- <fields...>: writes <out> whole or not at all
write_table() {
    local out=$1
    shift
    if ! tshark_fields "$@" >"$out.tmp"; then
        rm -f "$out.tmp"
        return 1
    fi
    mv "$out.tmp" "$out"
    echo "wrote $out ($(($(wc -l <"$out") - 1)) frames)"
}

# libpcap_check <capture>: whether libpcap (through tcpdump) reads it, for the test kit's
# cross-check of the project's pure-Java reader. libpcap reads no gzip: a .gz capture is
# decompressed through a pipe (the test kit decompresses it first too; tcpdump stops after
# one frame, so gzip's own exit status is ignored).
libpcap_check() {
    local cap=$1 msg
    if [[ ! -x $TCPDUMP ]]; then
        return 0
    fi
    if [[ $cap == *.gz ]]; then
        if msg=$("$TCPDUMP" -r <(gzip -dc "$cap" 2>/dev/null) -c 1 2>&1 >/dev/null); then
            echo "  libpcap: readable (decompressed)"
        else
            echo "  libpcap: CANNOT READ $(basename "$cap"): $(grep -v '^reading from file' <<<"$msg" | tr '\n' ' ')"
        fi
        return 0
    fi
    if msg=$("$TCPDUMP" -r "$cap" -c 1 2>&1 >/dev/null); then
        echo "  libpcap: readable"
    else
        echo "  libpcap: CANNOT READ $(basename "$cap"): $(grep -v '^reading from file' <<<"$msg" | tr '\n' ' ')"
    fi
}

# each_capture <function>: calls <function> <path> for every name in GENERATED (in
# captures/) and REAL (in the shared corpus); returns 1 if any call failed or a shared
# capture is missing
each_capture() {
    local fn=$1 c failed=0
    for c in "${GENERATED[@]}"; do
        "$fn" "$CAPTURES_DIR/$c" || failed=1
    done
    for c in "${REAL[@]}"; do
        if [[ ! -f $SHARED_DIR/$c ]]; then
            echo "WARNING: $SHARED_DIR/$c not found, skipped" >&2
            failed=1
            continue
        fi
        "$fn" "$SHARED_DIR/$c" || failed=1
    done
    return $failed
}
