#!/usr/bin/env bash
# Extract golden STT (Stateless Transport Tunneling, draft-davie-stt-08) values with
# tshark (an independent decoder) from the generated capture stt-segments.pcap.
#
# Run from the repository root (after /usr/bin/python3 testdata/scripts/make-captures.py):
#     bash testdata/scripts/tshark-golden-stt.sh
#
# Writes, in testdata/src/main/resources/org/tunnelcodec/testdata/golden/stt/:
#   stt-segments.stt.tsv         one row per frame, one column per field in FIELDS,
#                                header row with the field names, tab-separated, all
#                                occurrences of a field joined with ',' (outer first;
#                                after reassembly the inner Ethernet/IP/UDP/TCP add
#                                occurrences). Single pass, as tshark reads by default.
#   stt-segments.reassembly.tsv  one row per STT frame tshark reassembled: the frame
#                                on which reassembly completed, the Packet ID and the
#                                Packet Length of that segment, the segment count,
#                                the frames of the segments (offset order) and the
#                                reassembled length tshark reports.
# and checks (exit 1 if not):
#   - in a two-pass run (-2) every segment listed in stt.segment carries
#     stt.reassembled_in = the completing frame (so the reassembly file is complete);
#   - with the STT heuristic off, tshark's TCP dissector finds every outer IPv4 header
#     and TCP checksum Good (the STT dissector's own checksum line is wrong in 4.0,
#     see golden/README.md).
# The options and helpers shared with the other golden scripts are in
# tshark-golden-lib.sh.
set -euo pipefail
GOLDEN_FOLDER=stt
source "$(dirname "$0")/tshark-golden-lib.sh"
CAPTURE=${1:-$CAPTURES_DIR/stt-segments.pcap}

# STT is a heuristic dissector on top of IPv4 and IPv6 (protocol 6, destination port
# 7471); tshark 4.0 tries it before the TCP dissector only with try_heuristic_first,
# which IPv4 and IPv6 have as two separate preferences.
STT_OPTS=(
    -n
    -o ip.try_heuristic_first:TRUE -o ipv6.try_heuristic_first:TRUE
    -o stt.reassemble:TRUE -o stt.check_checksum:TRUE
    -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE
)

# Columns of stt-segments.stt.tsv, in order. Names are those of tshark 4.0
# (`tshark -G fields`).
FIELDS=(
    frame.number frame.len
    eth.src eth.dst eth.type
    ip.src ip.dst ip.proto ip.checksum.status
    ipv6.src ipv6.dst ipv6.nxt
    stt.stream_id stt.dport stt.pkt_len stt.seg_off stt.pkt_id
    stt.tcp.data_offset stt.tcp.flags stt.tcp.window stt.tcp.urg_ptr
    stt.checksum stt.checksum.status
    stt.version stt.flags stt.flags.rsvd stt.flags.tcp stt.flags.ipv4
    stt.flags.csum_partial stt.flags.csum_verified
    stt.l4offset stt.reserved stt.mss
    stt.vlan stt.vlan.pcp stt.vlan.v stt.vlan.id
    stt.context_id stt.padding
    udp.srcport udp.dstport udp.length udp.checksum udp.checksum.status
    tcp.srcport tcp.dstport tcp.checksum tcp.checksum.status
)

# Columns of stt-segments.reassembly.tsv (rows: frames with stt.reassembled.length).
REASM_FIELDS=(
    frame.number stt.pkt_id stt.pkt_len stt.segment.count stt.segment stt.reassembled.length
)

# 1. per-frame STT golden values
write_table "$GOLDEN_DIR/stt-segments.stt.tsv" "$CAPTURE" "${STT_OPTS[@]}" -- "${FIELDS[@]}"

# 2. reassembled frames (single pass, like the file above)
out=$GOLDEN_DIR/stt-segments.reassembly.tsv
tshark_fields "$CAPTURE" "${STT_OPTS[@]}" -- "${REASM_FIELDS[@]}" >"$tmp"
awk -F'\t' 'NR == 1 || $6 != ""' "$tmp" >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(($(wc -l <"$out") - 1)) reassembled frames)"

status=0

# 3. check: two-pass run, every listed segment points at the completing frame
tshark_fields "$CAPTURE" -2 "${STT_OPTS[@]}" -- frame.number stt.reassembled_in >"$tmp"
if ! awk -F'\t' '
    FNR == NR { if (FNR > 1) rin[$1] = $2; next }     # two-pass: frame -> reassembled_in
    FNR == 1 { next }
    {
        n = split($5, segs, ",")
        for (i = 1; i <= n; i++) {
            if (segs[i] == $1) continue               # the completing frame itself
            if (rin[segs[i]] != $1) {
                printf "segment frame %s: stt.reassembled_in \"%s\", expected %s\n", segs[i], rin[segs[i]], $1
                bad = 1
            }
        }
    }
    END { exit bad }' "$tmp" "$GOLDEN_DIR/stt-segments.reassembly.tsv" >&2; then
    echo "ERROR: two-pass stt.reassembled_in disagrees with stt-segments.reassembly.tsv" >&2
    status=1
else
    echo "check: two-pass stt.reassembled_in agrees with stt-segments.reassembly.tsv"
fi

# 4. check: outer IPv4 header and TCP checksums, decoded as plain TCP (no STT heuristic)
tshark_fields "$CAPTURE" -n -o ip.try_heuristic_first:FALSE -o ipv6.try_heuristic_first:FALSE \
    -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE \
    -- frame.number ip.version ip.checksum.status tcp.dstport tcp.checksum.status >"$tmp"
if ! awk -F'\t' 'NR > 1 && ($4 != "7471" || $5 != "1" || ($2 == "4" && $3 != "1")) {
        printf "frame %s: outer tcp.dstport %s, tcp.checksum.status %s, ip.checksum.status %s\n", $1, $4, $5, $3
        bad = 1
    }
    END { exit bad }' "$tmp" >&2; then
    echo "ERROR: not every outer checksum is Good" >&2
    status=1
else
    echo "check: every outer IPv4 header checksum and TCP checksum is Good (TCP dissector)"
fi
exit $status
