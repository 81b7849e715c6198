#!/usr/bin/env bash
# Extract golden Mobile IPv6 Mobility Header values (RFC 6275 §6.1, §6.2; the NEMO Mobile
# Network Prefix option of RFC 3963, the Binding Identifier option of RFC 5648, the Mobile Node
# Identifier option of RFC 4283) with tshark (an independent decoder) from every capture of
# ../shared/captures/MANIFEST.md whose frames carry a Mobility Header, read in place, never
# copied into the repository.
#
# Run from the repository root:
#     bash testdata/scripts/tshark-golden-mip6.sh
#
# Writes testdata/src/main/resources/org/tunnelcodec/testdata/golden/mip6/<capture name
# without extension>.mip6.tsv: one row per frame, one column per field in FIELDS, header row
# with the field names, tab-separated, all occurrences of a field in a frame joined with ','.
# Same tshark options as the other tshark-golden*.sh scripts (tshark-golden-lib.sh).
#
# It also reports, for every shared capture, whether libpcap can read it
# (`tcpdump -r FILE -c 1`).
set -euo pipefail
GOLDEN_FOLDER=mip6
source "$(dirname "$0")/tshark-golden-lib.sh"

GENERATED=()

# Every MANIFEST capture that mentions the Mobility Header ("mobility", "mip6"), in MANIFEST
# order, then the ones that carry the other two Mobile IPv6 pieces, the Home Address
# destination option and the Type 2 Routing Header (RFC 6275 §6.3, §6.4), over UDP or TCP. The mobility_opt_asan* files are tcpdump's reproducers for out-of-bounds reads
# (CVE-2017-13023..13025 and others): their IPv6 Next Header is 62, the pre-RFC number
# tshark still dissects as a Mobility Header, and every frame is cut by the snap length.
# zeek-ipv6-mobility-dst-opts.pcap carries Home Address destination options and no Mobility
# Header; it is kept for the ipv6.opt.mipv6.home_address column. The zeek-ip6-hoa-* and
# zeek-ipv6-mobile-* captures carry a Home Address option or a Type 2 Routing Header before
# UDP or TCP: tshark verifies their checksums over the pseudo-header with the home address as
# the source or the final destination (tcp.checksum.status, udp.checksum.status).
REAL=(
    ipv6-mobility-header-oobr.pcap
    ipv6_mobility_1.pcap
    mobility_opt_asan.pcap
    mobility_opt_asan_2.pcap
    mobility_opt_asan_3.pcap
    mobility_opt_asan_4.pcap
    mobility_opt_asan_5.pcap
    mobility_opt_asan_6.pcap
    mobility_opt_asan_7.pcap
    mobility_opt_asan_8.pcap
    zeek-ipv6-mobility-dst-opts.pcap
    zeek-mip6-bad-mh-chksum.pcap
    zeek-mip6-good-mh-chksum.pcap
    zeek-mip6_back.pcap
    zeek-mip6_be.pcap
    zeek-mip6_brr.pcap
    zeek-mip6_bu.pcap
    zeek-mip6_cot.pcap
    zeek-mip6_coti.pcap
    zeek-mip6_hot.pcap
    zeek-mip6_hoti.pcap
    zeek-ip6-hoa-tcp-bad-chksum.pcap
    zeek-ip6-hoa-tcp-good-chksum.pcap
    zeek-ip6-hoa-udp-bad-chksum.pcap
    zeek-ipv6-mobile-hoa.pcap
    zeek-ipv6-mobile-routing.pcap
)

# Columns, in order. Names are those of tshark 4.0 (`tshark -G fields | grep -P '\tmip6\.'`).
# tshark 4.0 has no field for an option's type: each option is a subtree (mip6.options.*,
# FT_NONE, printed empty), so the options are compared by mip6.mobility_opt.len (the Length
# of every option but Pad1, in wire order) and their value fields. The Care-of Test's keygen
# token is printed under mip6.hot.token (tshark reuses the Home Test field). The checksum is
# shown, never verified by tshark 4.0.
FIELDS=(
    frame.number frame.len frame.cap_len frame.protocols
    ipv6.src ipv6.dst ipv6.nxt ipv6.opt.mipv6.home_address ipv6.routing.type ipv6.routing.segleft
    ipv6.routing.mipv6.reserved ipv6.routing.mipv6.home_address tcp.checksum.status udp.checksum.status
    mip6.proto mip6.hlen mip6.mhtype mip6.reserved mip6.csum
    mip6.binding_refresh_request mip6.hoti.cookie mip6.coti.cookie
    mip6.hot.nindex mip6.hot.cookie mip6.hot.token mip6.cot.nindex mip6.cot.cookie
    mip6.bu.seqnr mip6.bu.a_flag mip6.bu.h_flag mip6.bu.l_flag mip6.bu.k_flag mip6.bu.m_flag
    mip6.nemo.bu.r_flag mip6.bu.p_flag mip6.bu.f_flag mip6.bu.t_flag mip6.bu.b_flag mip6.bu.lifetime
    mip6.ba.status mip6.ba.k_flag mip6.nemo.ba.r_flag mip6.ba.p_flag mip6.ba.t_flag mip6.ba.b_flag
    mip6.ba.seqnr mip6.ba.lifetime
    mip6.be.status mip6.be.haddr mip6.unknown_type_data
    mip6.mobility_opt.len mip6.padn mip6.bra.interval mip6.acoa.acoa mip6.ni.hni mip6.ni.cni mip6.bad.auth
    mip6.nemo.mnp.pfl mip6.nemo.mnp.mnp mip6.mnid.subtype mip6.mnid.identifier
    mip6.bi.bid mip6.bi.status mip6.bi.h_flag mip6.bi.coa_ipv4 mip6.bi.coa_ipv6
    mip6.opt.len.invalid mip6.bogus_header_length
    _ws.expert.message _ws.malformed _ws.short
)

run() {   # run <capture path>
    local cap=$1 name base
    name=$(basename "$cap")
    base=${name%.gz}
    base=${base%.*}
    write_table "$GOLDEN_DIR/$base.mip6.tsv" "$cap" "${COMMON_OPTS[@]}" -- "${FIELDS[@]}" || return 1
    if [[ $cap == "$SHARED_DIR"/* ]]; then
        libpcap_check "$cap"
    fi
}

each_capture run
