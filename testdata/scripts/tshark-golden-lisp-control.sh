#!/usr/bin/env bash
# Extract golden LISP control-plane values (RFC 9301 messages, RFC 8060 LCAF) with tshark (an
# independent decoder) from the LISP control captures of the shared corpus (../shared/captures),
# read in place, never copied into the repository.
#
# Run from the repository root:
#     bash testdata/scripts/tshark-golden-lisp-control.sh
#
# Writes testdata/src/main/resources/org/tunnelcodec/testdata/golden/lisp/<capture name without
# extension>.lispctl.tsv: one row per frame, one column per field in FIELDS, header row with the
# field names, tab-separated, all occurrences of a field in a frame joined with ',' (outer layer
# first). Same tshark options as the other golden scripts (tshark-golden-lib.sh).
#
# tshark 4.0 reads bytes 12-13 of Map-Register and Map-Notify as one 16-bit Key ID (RFC 6833),
# knows no Map-Notify-Ack (type 5), no RFC 9301 E/T/a/R bits and no ECM E/M bits; the test
# compares those fields with the RFC 9301 figures instead.
set -euo pipefail
GOLDEN_FOLDER=lisp
source "$(dirname "$0")/tshark-golden-lib.sh"

GENERATED=()

REAL=(
    lisp_eid_notify.pcap
    lisp_eid_register.pcap
    lisp_invalid.pcap
    lisp_invalid_length.pcap
    lisp_ipv6.pcap
    pcpp-ipv6-lisp.pcapng
)

FIELDS=(
    frame.number frame.len frame.protocols
    udp.srcport udp.dstport
    lisp.type lisp.records lisp.nonce
    lisp.mreq.flags.auth lisp.mreq.flags.mrp lisp.mreq.flags.probe lisp.mreq.flags.smr
    lisp.mreq.flags.pitr lisp.mreq.flags.smri lisp.irc
    lisp.mrep.flags.probe lisp.mrep.flags.enlr lisp.mrep.flags.sec
    lisp.mreg.flags.pmr lisp.mreg.flags.sec lisp.mreg.flags.xtrid lisp.mreg.flags.rtr lisp.mreg.flags.wmn
    lisp.mnot.flags.xtrid lisp.mnot.flags.rtr
    lisp.keyid lisp.authlen lisp.xtrid lisp.siteid
    lisp.mapping.ttl lisp.mapping.loccnt lisp.mapping.eid.masklen lisp.mapping.act lisp.mapping.auth lisp.mapping.ver
    lisp.mapping.eid.afi lisp.mapping.eid.ipv4 lisp.mapping.eid.ipv6
    lisp.loc.priority lisp.loc.weight lisp.loc.multicast_priority lisp.loc.multicast_weight lisp.loc.flags.local lisp.loc.flags.probe
    lisp.loc.flags.reach lisp.loc.afi lisp.loc.locator
    lisp.ecm.flags.sec lisp.ecm.flags.ddt
    lisp.mreq.record.prefix.length lisp.mreq.srceid.afi lisp.mreq.itr_rloc.afi
    _ws.malformed _ws.expert.message
)

one() {
    local cap=$1 name
    name=$(basename "$cap")
    name=${name%.*}
    echo "$(basename "$cap"):"
    libpcap_check "$cap"
    write_table "$GOLDEN_DIR/$name.lispctl.tsv" "$cap" "${COMMON_OPTS[@]}" -- "${FIELDS[@]}"
}

each_capture one
