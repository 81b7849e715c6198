#!/usr/bin/env bash
# Extract golden values of the headers between a link header and the packet: Cisco HDLC
# framing (link type 104), Arista's timestamp header (EtherType 0xD28B, tshark's "avsp") and
# 802.1Q tags after another header, with tshark (an independent decoder), from the shared
# captures that carry them (read in place, never copied into the repository).
#
# Run from the repository root:
#     bash testdata/scripts/tshark-golden-link.sh
#
# Writes testdata/src/main/resources/org/tunnelcodec/testdata/golden/core/<capture name
# without extension>.link.tsv: one row per frame, one column per field in FIELDS, header
# row with the field names, tab-separated, all occurrences of a field in a frame joined
# with ',' (outer first). Same tshark options as the other golden scripts, shared through
# tshark-golden-lib.sh.
set -euo pipefail
GOLDEN_FOLDER=core
source "$(dirname "$0")/tshark-golden-lib.sh"

GENERATED=()

# arista_ether.pcap: every timestamp version tshark knows (64-bit and 48-bit, TAI and UTC)
# and one it does not, each with IPv4, MPLS, a tag then IPv4 and a tag then MPLS after it.
# ndpi-BGP_redist.pcap: Cisco HDLC with MPLS, then with IPv4.
REAL=(
    arista_ether.pcap
    ndpi-BGP_redist.pcap
)

# Columns, in order. Names are those of tshark 4.0 (`tshark -G fields`): avsp.64sec and
# avsp.64ns for the 64-bit formats, avsp.48sec and avsp.48ns for the 48-bit ones.
FIELDS=(
    frame.number frame.protocols
    chdlc.address chdlc.control chdlc.protocol
    avsp.sub_type avsp.ver avsp.64sec avsp.64ns avsp.48sec avsp.48ns avsp.etype
    vlan.priority vlan.dei vlan.id vlan.etype
    _ws.expert.message _ws.malformed
)

run() {   # run <capture path>
    local cap=$1 name
    name=$(basename "$cap")
    write_table "$GOLDEN_DIR/${name%.*}.link.tsv" "$cap" "${COMMON_OPTS[@]}" -- "${FIELDS[@]}"
}

each_capture run
