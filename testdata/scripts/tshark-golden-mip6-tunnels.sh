#!/usr/bin/env bash
# Extract golden values of the Mobile IPv6 tunnels with tshark (an independent decoder) from
# mip6-tunnels-pushed.pcap, which the project's own tunnels write: Mip6TunnelTsharkGoldenTest
# (module mip6) writes mip6/target/mip6-tunnels-pushed.pcap on every run and fails if its frames
# differ from the committed file; when a change is intended, copy it to
# testdata/src/main/resources/org/tunnelcodec/testdata/captures/ and run this script. UDP port
# 4191 (DSMIPv6, RFC 5555 §2.3.2.2; tshark 4.0 registers no dissector for it) is decoded as "ip",
# which reads IPv4 and hands an IPv6 packet on to ipv6 (frame.protocols then shows "ip:ipv6").
#
# Run from the repository root:
#     bash testdata/scripts/tshark-golden-mip6-tunnels.sh
#
# Writes testdata/src/main/resources/org/tunnelcodec/testdata/golden/mip6/
# mip6-tunnels-pushed.mip6-tunnels.tsv: one row per frame, one column per field in FIELDS, header
# row with the field names, tab-separated, all occurrences of a field in a frame joined with ','.
# Same tshark options as the other tshark-golden*.sh scripts (tshark-golden-lib.sh).
set -euo pipefail
GOLDEN_FOLDER=mip6
source "$(dirname "$0")/tshark-golden-lib.sh"

GENERATED=(
    mip6-tunnels-pushed.pcap
)
REAL=()

FIELDS=(
    frame.number frame.len frame.protocols eth.type
    ip.src ip.dst ip.len ip.dsfield ip.flags.df ip.id ip.ttl ip.proto ip.checksum.status
    ipv6.src ipv6.dst ipv6.plen ipv6.tclass ipv6.flow ipv6.nxt ipv6.hlim ipv6.dstopts.nxt ipv6.opt.tel
    udp.srcport udp.dstport udp.length udp.checksum
    _ws.expert.message _ws.malformed
)

run() {   # run <capture path>
    local cap=$1 name
    name=$(basename "$cap")
    write_table "$GOLDEN_DIR/${name%.*}.mip6-tunnels.tsv" "$cap" "${COMMON_OPTS[@]}" -d udp.port==4191,ip -- "${FIELDS[@]}"
}

each_capture run
