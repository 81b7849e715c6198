#!/usr/bin/env bash
# Extract golden values of route-attached encapsulation (core package
# org.tunnelcodec.core.encap with the GRE, MPLS, VXLAN, VXLAN-GPE and Geneve template
# headers) with tshark (an independent decoder) from the capture encap-pushed.pcap.
#
# The capture is written by the project's own encapsulation code: EncapTsharkGoldenTest
# (module vxlan-geneve) pushes a fixed list of templates onto fixed inner packets and
# writes vxlan-geneve/target/encap-pushed.pcap; that file is committed as
# testdata/src/main/resources/org/tunnelcodec/testdata/captures/encap-pushed.pcap (see
# the README there for the frame list). The test asserts that it still pushes exactly
# those frames, and compares this script's table with what each template promises.
#
# Run from the repository root after updating the committed capture:
#     bash testdata/scripts/tshark-golden-encap.sh
#
# Writes testdata/src/main/resources/org/tunnelcodec/testdata/golden/encap/
# encap-pushed.encap.tsv: one row per frame, one column per field in FIELDS, header row
# with the field names, tab-separated, all occurrences of a field in a frame joined with
# ',' (outer layer first). Same tshark options as the other tshark-golden scripts, shared
# through tshark-golden-lib.sh. No Decode As: every tunnel of the capture uses its
# assigned IP protocol number, EtherType or UDP port (4789, 4790, 6081, 6635).
set -euo pipefail
GOLDEN_FOLDER=encap
source "$(dirname "$0")/tshark-golden-lib.sh"

GENERATED=(
    encap-pushed.pcap
)
REAL=()

# Columns, in order (tshark 4.0 names). Checksum statuses are numbers: 1 Good, 3 Not
# present (UDP over IPv4 with checksum 0), 4 Illegal (UDP over IPv6 with checksum 0).
FIELDS=(
    frame.number frame.len frame.cap_len frame.protocols
    eth.src eth.dst eth.type
    ip.src ip.dst ip.len ip.dsfield ip.ttl ip.proto ip.checksum.status
    ipv6.src ipv6.dst ipv6.plen ipv6.tclass ipv6.flow ipv6.nxt ipv6.hlim
    udp.srcport udp.dstport udp.length udp.checksum udp.checksum.status
    gre.proto gre.flags.checksum gre.flags.key gre.key gre.checksum gre.checksum.status
    vxlan.flags vxlan.vni vxlan.next_proto
    geneve.proto_type geneve.vni geneve.flags.critical
    geneve.option.class geneve.option.type geneve.option.length
    mpls.label mpls.exp mpls.bottom mpls.ttl
    _ws.expert.message _ws.malformed _ws.short
)

run() {   # run <capture path>
    local cap=$1 name
    name=$(basename "$cap")
    write_table "$GOLDEN_DIR/${name%.*}.encap.tsv" "$cap" "${COMMON_OPTS[@]}" -- "${FIELDS[@]}"
}

each_capture run
