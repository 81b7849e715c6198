#!/usr/bin/env python3
"""Writes mip6-scenarios.pcap: Mobile IPv6 registrations as a mobile node and its home agent
exchange them, built by hand.

Independent of the Java code: every octet is assembled with struct (here, in mip6wire.py for
the Mobility Header framing both Mobile IPv6 captures share and in capwire.py for IPv6, Ethernet
and pcap), following the figures of RFC 6275 (Binding Update 6.1.7, Binding Acknowledgement
6.1.8, Alternate Care-of Address option 6.2.5, Home Address destination option 6.3, Type 2
Routing Header 6.4, the checksum's pseudo-header 6.1.1), RFC 3963 section 4 (NEMO: the R flags, Mobile Network Prefix option 4.3),
RFC 5648 section 6.1 (Binding Identifier option) with the BID-PRI of RFC 6089 section 4.1, RFC
6089 sections 4.2 and 4.2.2 (Flow Identification option with its BID Reference and Traffic
Selector sub-options, Flow Summary option), RFC 6088 section 3 (the binary traffic selectors,
in the one function rfc6088_selectors below) and RFC 5555 section 3.1 (IPv4 Home Address, IPv4
Address Acknowledgement, NAT Detection and IPv4 Care-of Address options). The expected field
values of the Java golden test are NOT taken from this script: testdata/scripts/tshark-golden-
mip6.sh runs tshark on the pcap and stores what tshark prints; the fields tshark 4.0 does not
decode (the Flow Identification and Flow Summary options and their sub-options, the traffic
selectors, BID-PRI) are compared by Mip6ScenariosTest with the values listed below (those of
the RFC figures the bytes follow).

Plain python3 (no scapy). Every frame is Ethernet, then IPv6 (hop limit 64). A Binding Update
goes from the care-of address to the home agent with a Destination Options header (Next Header
60) holding PadN (2 octets) and the Home Address option (type 0xC9, at 8n+6: RFC 6275 6.3);
a Binding Acknowledgement goes from the home agent to the care-of address with a Type 2 Routing
Header (Next Header 43, Segments Left 1, Reserved 0, the home address: RFC 6275 6.4). Then the
Mobility Header (Next Header 135): Payload Proto 59, Header Len from the length, Reserved 0, and
the Checksum over the pseudo-header of RFC 6275 6.1.1 with the substitutions of 6.3 and 6.4: the
home address as the source of a Binding Update (the Home Address option's), the home address as
the destination of a Binding Acknowledgement (the final destination, the Type 2 Routing
Header's). Options are placed at their alignment xn+y (from the start of the Mobility Header)
and padded as a sender pads them, to a multiple of 8 octets at the end (RFC 6275 6.2.1): BRA
2n, Alternate CoA 8n+6, MNP 8n+4, BID and Flow Identification 8n+2, Flow Summary 2n, the
RFC 5555 options 4n (placed at 8n+4).

Addresses: home agent HA 2001:db8:a::1, home address HoA 2001:db8:a::100, care-of addresses
CoA1 2001:db8:c0a::100, CoA2 2001:db8:c0b::100, CoA3 2001:db8:c0c::100. Binding Update flags as
on the wire (A 0x8000, H 0x4000, L 0x2000, K 0x1000, R 0x0400, and O 0x0040 of RFC 5648 4.2,
the bit RFC 6602 names B); Lifetime in units of 4 s.

The twelve frames are one exchange between one mobile node and its home agent, in order: each
acknowledgement is what that home agent answers given the bindings the earlier frames left. The
home agent's one policy choice: it refuses simultaneous home and foreign attachment (the H flag
of a Binding Identifier, RFC 5648 4.4, 5.6), so it holds BIDs 1 and 2 only.

Frames:

   1 BU CoA1 -> HA, HAO HoA: Sequence 1000, flags 0xc000 (A H), Lifetime 150; Alternate CoA CoA1
   2 BA HA -> CoA1, RH2 HoA: Status 0, flags 0x00, Sequence 1000, Lifetime 150; Binding Refresh
     Advice 75
   3 BU CoA1 -> HA, HAO HoA, bulk registration (RFC 5648 5.3): Sequence 1001, flags 0xc040
     (A H O), Lifetime 150; Binding Identifier BID 1, Status 0, flags 0x0a (BID-PRI 10), CoA1;
     BID 2, Status 0, flags 0x14 (BID-PRI 20), CoA2; BID 3, Status 0, flags 0x9e (H, BID-PRI 30),
     CoA3. O is set because frame 1 left a regular binding: "If the 'O' flag is unset in the
     Binding Update and the receiver has a regular binding that does not have a BID for the
     mobile node, it must not process the Binding Update" (Status 165, RFC 5648 6.2); with O set
     the receiver replaces all the bindings with the ones received (RFC 5648 4.2, 5.2)
   4 BA HA -> CoA1, RH2 HoA: Status 4 (MCOA NOTCOMPLETE), flags 0x00, Sequence 1001, Lifetime
     150; Binding Identifier BID 1 Status 0 flags 0x0a, BID 2 Status 0 flags 0x14, BID 3 Status
     169 (MCOA SIMULTANEOUS HOME AND FOREIGN PROHIBITED: the home agent's policy refuses H, RFC
     5648 5.6) flags 0x9e, all with no care-of address (Length 4); the H flag and BID-PRI copied
     from the request ("The BID-PRI field in a BID option included in the Binding Acknowledgement
     is copied from the BID-PRI field of the corresponding BID option in the binding request",
     RFC 6089 5.3.5; "all the Binding Identifier mobility options stored in the Binding Update
     MUST be copied to the Binding Acknowledgement except the Status field", RFC 5648 6.2)
   5 BU CoA1 -> HA, HAO HoA, flow bindings (RFC 6089): Sequence 1002, flags 0xc000, Lifetime 150;
     Binding Identifier BID 1, Status 0, flags 0x0a; BID 2, Status 0, flags 0x14; BID 3, Status
     0, flags 0x9e, all with no care-of address (Length 4: the refresh of a registered BID, RFC
     5648 5.1, 6.2);
     Flow Identification FID 1, FID-PRI 10, Reserved 0, Status 0, sub-options BID Reference (2)
     BID 1, Traffic Selector (3) TS Format 1 (IPv4), Reserved 0, the IPv4 selector;
     Flow Identification FID 2, FID-PRI 20, Reserved 0, Status 0, sub-options BID Reference
     BIDs 1 and 2, Traffic Selector TS Format 2 (IPv6), Reserved 0, the IPv6 selector; no Flow
     Summary (no flow binding is registered yet, and "Each FID field included MUST be set to one
     of the FID values already in the list of flow binding entries", RFC 6089 5.2.3)
   6 BA HA -> CoA1, RH2 HoA: Status 4 (MCOA NOTCOMPLETE), flags 0x00, Sequence 1002, Lifetime
     150; Binding Identifier BID 1 Status 0 flags 0x0a, BID 2 Status 0 flags 0x14, BID 3 Status
     167 (MCOA UNKNOWN COA) flags 0x9e, all with no care-of address (Length 4; the BID-PRI
     copied, RFC 6089 5.3.5); Flow Identification FID 1, FID-PRI 10, Status 0; FID 2, FID-PRI
     20, Status 0 (both Flow binding successful); no sub-options.
     BID 3 and Status 4 (RFC 5648 6.2): frame 4 refused BID 3, so the binding cache holds no
     binding for it, and "When the length value is 4 and the Binding Identifier is present in the
     binding cache, the receiving node MUST update the associated binding entry. Otherwise, the
     receiving node MUST reject that Binding Identifier mobility option and send a Binding
     Acknowledgement with the status for that Binding Identifier mobility option set to [MCOA
     UNKNOWN]"; then "If the status value is specific to one of the bindings in the bulk
     registration, the status value MUST be stored in the Status field in the corresponding
     Binding Identifier mobility option. In this case, the Status field of the Binding
     Acknowledgement MUST be set to [MCOA NOTCOMPLETE]".
     FID 2 (TS Format 2): "The traffic selector defined in [RFC6088] is mandatory to implement"
     (RFC 6089 4.2.1.4), and RFC 6088 defines both binary formats. Its BID Reference names BIDs 1
     and 2, which the binding cache holds: a BID Reference naming BID 3 would be refused ("If the
     binding reference sub-option is present and includes one or more BIDs that are not present
     in the binding cache of the mobile node, the home agent MUST reject this request ... 'BID
     not found'", RFC 6089 5.3.2.1), and a mobile node names only care-of addresses that "must
     be logically registered by this binding update, or must have already been registered by the
     receiver of the binding update in an earlier binding update" (RFC 6089 5.2.2.1).

   Why frame 5 carries Binding Identifier options: a Binding Update without one is processed as
   in RFC 6275 and replaces every binding of the home address with the one it registers (RFC 5648
   6.2), and a home agent handles a Binding Update with Flow Identification options by that
   processing first, then the Binding Identifier options (RFC 6089 5.3.2, 5.3.1). Frame 5
   therefore names BIDs 1 to 3 again, without care-of addresses, so that they stay registered
   (the O flag is clear: RFC 5648 5.3) and its BID References find them (RFC 6089 5.3.2.1).

   7 BU CoA1 -> HA, HAO HoA, flow binding refresh (RFC 6089 5.2.3): Sequence 1003, flags 0xc000,
     Lifetime 150; Binding Identifier BID 1, Status 0, flags 0x0a; BID 2, Status 0, flags 0x14,
     both with no care-of address (Length 4: the refresh of the BIDs frame 6 kept, RFC 5648 5.1,
     6.2; RFC 6089 5.2.1); Flow Summary FIDs 1 and 2 (the flow bindings frame 6 accepted: "To
     refresh an existing flow binding, the mobile node MUST send a binding update with a flow
     summary option", RFC 6089 5.2.3; the entries of the list, 4.3)
   8 BA HA -> CoA1, RH2 HoA: Status 0, flags 0x00, Sequence 1003, Lifetime 150; Binding
     Identifier BID 1 Status 0 flags 0x0a, BID 2 Status 0 flags 0x14, both with no care-of
     address (Length 4; the BID-PRI copied, RFC 6089 5.3.5); no Flow Identification option:
     both FIDs are in the list, so "the home agent SHOULD refresh the flow binding entry
     identified by the FID without changing any of the other parameters associated with it"
     (RFC 6089 5.3.3), which names a Flow Identification option in the BA only "for each FID
     that is not found"; and "the home agent does not need to respond specifically regarding
     FIDs included in a flow summary mobility option but only to those in flow identification
     mobility options" (RFC 6089 5.3.5)
   9 BU CoA1 -> HA, HAO HoA, NEMO (RFC 3963): Sequence 1004, flags 0xc400 (A H R), Lifetime 150;
     Mobile Network Prefix 2001:db8:100::/48, Mobile Network Prefix 2001:db8:101::/56
  10 BA HA -> CoA1, RH2 HoA: Status 139 (Registration type change disallowed), flags 0x00,
     Sequence 1004, Lifetime 0. The home address already has bindings, made without R, and RFC
     3963 6.2 says: "if the Binding Update has the Mobile Router Flag (R) set to a value
     different from that in the existing binding cache entry, then the Home Agent MUST reject
     the Binding Update and send a Binding Acknowledgement with status set to 139"; R is set in
     the answer "only if the corresponding Binding Update had the Mobile Router Flag set to 1"
     (4.2) and the home agent "has set up forwarding for the Mobile Network" (3), which it has
     not. The bindings and flow bindings stay as they were.
     Frame 11 carries no Binding Identifier option: it is processed as in RFC 6275 and replaces
     every binding of the home address with one regular binding ("If the receiver already has
     multiple bindings for the home address, it MUST replace all the existing bindings with the
     received binding", RFC 5648 6.2), and, naming no flow, removes every flow binding (RFC 6089
     5.3.4); the exchange ends with one regular binding and no flow binding. It therefore comes
     after the refresh of frame 7, whose BIDs and FIDs still exist then.
  11 BU CoA1 -> HA, HAO HoA, DSMIPv6 (RFC 5555): Sequence 1005, flags 0xc000, Lifetime 150;
     IPv4 Home Address Prefix-len 24, P 0, Reserved 0, 192.0.2.100; IPv4 Care-of Address
     Reserved 0, 198.51.100.20
  12 BA HA -> CoA1, RH2 HoA: Status 0, flags 0x00, Sequence 1005, Lifetime 150; IPv4 Address
     Acknowledgement Status 0, Pref-len 24, Reserved 0, 192.0.2.100; NAT Detection F 1,
     Reserved 0, Refresh time 110

The traffic selectors (rfc6088_selectors), each after its 32-bit flags word: IPv4 (RFC 6088
3.1 Figure 1: flags A to N in the top 14 bits, then 18 Reserved bits), flags I J M, the word
0x00c80000: destination ports 5060 to 5061, protocol 17 (9 octets); IPv6 (RFC 6088 3.2 Figure
2: flags A to P in the top 16 bits, then 16 Reserved bits), flags C G H, the word 0x23000000:
destination address 2001:db8:cafe::1, flow labels 0x12345 to 0x12346 (28 octets).

Usage: python3 testdata/scripts/make-mip6-scenarios.py [OUTPUT]
(default: testdata/src/main/resources/org/tunnelcodec/testdata/captures/mip6-scenarios.pcap)
"""
import os

from capwire import CAPTURES, ETHERTYPE_IPV6, u8, u16, u32, a4, a6, ethernet, ipv6, output_path, write_pcap
from mip6wire import MH, option, sub_option, refresh, alt_coa, flow_id, mobility_header, with_checksum

DEFAULT_OUT = os.path.join(CAPTURES, "mip6-scenarios.pcap")

T0 = 1704068800  # the slot after mip6-messages.pcap (1704068700)
MAC_MN = bytes.fromhex("02005e100001")
MAC_HA = bytes.fromhex("02005e100002")
HA = "2001:db8:a::1"
HOA = "2001:db8:a::100"
COA1 = "2001:db8:c0a::100"
COA2 = "2001:db8:c0b::100"
COA3 = "2001:db8:c0c::100"
DEST_OPTS = 60
ROUTING = 43
LIFETIME = 150  # 600 seconds


# ------------------------------------------------------------------ RFC 6088 section 3: the binary traffic selectors
#
# The one place that lays out the selector octets (what follows TS Format and Reserved in the
# Traffic Selector sub-option). Each selector starts with its 32-bit flags word (the first row
# of RFC 6088 Figures 1 and 2 is the sub-option's; the flags word is the second row), the
# Reserved bits after the flags zero; then the fields whose flag is set, in flag order, without
# gaps.

def rfc6088_selectors():
    """Returns (ipv4, ipv6): the octets of the two selectors after TS Format and Reserved."""
    # IPv4 (RFC 6088 3.1 Figure 1): flags A B C D E F G H I J K L M N in bits 0-13 of the 32-bit
    # word, bits 14-31 Reserved; I = 0x00800000 Start Destination Port, J = 0x00400000 End
    # Destination Port, M = 0x00080000 Start Protocol: the word 0x00C80000.
    ipv4 = u32(0x00C80000) + u16(5060) + u16(5061) + u8(17)
    # IPv6 (RFC 6088 3.2 Figure 2): flags A to P in bits 0-15 of the 32-bit word, bits 16-31
    # Reserved; C = 0x20000000 Start Destination Address, G = 0x02000000 Start Flow Label,
    # H = 0x01000000 End Flow Label: the word 0x23000000. Each flow label field is 32 bits: 8
    # zero bits, then the label in 24 (RFC 6088 3.2).
    ipv6 = u32(0x23000000) + a6("2001:db8:cafe::1") + u32(0x12345) + u32(0x12346)
    return ipv4, ipv6


# ------------------------------------------------------------------ mobility options (RFC 6275 6.2)
#
# Option framing, padding and placement, Binding Refresh Advice, Alternate Care-of Address and
# Flow Identification come from mip6wire; an option here is (x, y, octets) for the alignment xn+y.

def mnp(prefix, length):
    """Mobile Network Prefix (RFC 3963 4.3): Reserved, Prefix Length, prefix."""
    return 8, 4, option(6, u8(0) + u8(length) + a6(prefix))


def bid(binding_id, status, flags, coa=None):
    """Binding Identifier (RFC 5648 6.1): BID, Status, H + BID-PRI, optional care-of address."""
    return 8, 2, option(35, u16(binding_id) + u8(status) + u8(flags) + (a6(coa) if coa else b""))


def bid_reference(*bids):
    """BID Reference sub-option (RFC 6089 4.2, type 2)."""
    return sub_option(2, b"".join(u16(b) for b in bids))


def traffic_selector(ts_format, selector):
    """Traffic Selector sub-option (RFC 6089 4.2, type 3): TS Format, Reserved, selector."""
    return sub_option(3, u8(ts_format) + u8(0) + selector)


def flow_summary(*fids):
    """Flow Summary (RFC 6089 4.2.2, type 44): FIDs."""
    return 2, 0, option(44, b"".join(u16(f) for f in fids))


def ipv4_home_address(prefix_len, p, address):
    """IPv4 Home Address (RFC 5555 3.1.1, type 29): Prefix-len (6), P (1), Reserved (9), address."""
    return 8, 4, option(29, u16(prefix_len << 10 | p << 9) + a4(address))


def ipv4_address_ack(status, prefix_len, address):
    """IPv4 Address Acknowledgement (RFC 5555 3.2.1, type 30): Status, Pref-len (6), Res (2), address."""
    return 8, 4, option(30, u8(status) + u8(prefix_len << 2) + a4(address))


def nat_detection(f, refresh_time):
    """NAT Detection (RFC 5555 3.2.2, type 31): F (1), Reserved (15), Refresh time (32)."""
    return 8, 4, option(31, u16(f << 15) + u32(refresh_time))


def ipv4_coa(address):
    """IPv4 Care-of Address (RFC 5555 3.1.3, type 32): Reserved (16), address."""
    return 8, 4, option(32, u16(0) + a4(address))


def binding_update(sequence, flags, options):
    """Binding Update (RFC 6275 6.1.7, MH Type 5): Sequence #, A H L K M R P F T B + reserved, Lifetime."""
    return mobility_header(5, u16(sequence) + u16(flags) + u16(LIFETIME), options)


def binding_ack(status, flags, sequence, options=(), lifetime=LIFETIME):
    """Binding Acknowledgement (RFC 6275 6.1.8, MH Type 6): Status, K R P T B + reserved, Sequence #, Lifetime."""
    return mobility_header(6, u8(status) + u8(flags) + u16(sequence) + u16(lifetime), options)


# ------------------------------------------------------------------ the IPv6 packets

def home_address_option(home):
    """Destination Options header (RFC 8200 4.6) with PadN (2 octets) and the Home Address option
    (RFC 6275 6.3: type 0xC9, Length 16) at 8n+6: 24 octets, Hdr Ext Len 2."""
    return u8(MH) + u8(2) + bytes.fromhex("01020000") + u8(0xC9) + u8(16) + a6(home)


def type2_routing_header(home):
    """Type 2 Routing Header (RFC 6275 6.4): Hdr Ext Len 2, Routing Type 2, Segments Left 1,
    Reserved 0, Home Address: 24 octets."""
    return u8(MH) + u8(2) + u8(2) + u8(1) + u32(0) + a6(home)


def to_home_agent(mh):
    """A Binding Update from CoA1 to the home agent with the home address in a Home Address option:
    the checksum's pseudo-header has the home address as its source (RFC 6275 6.1.1, 6.3)."""
    mh = with_checksum(mh, HOA, HA)
    return ethernet(MAC_HA, MAC_MN, ETHERTYPE_IPV6, ipv6(COA1, HA, home_address_option(HOA) + mh, DEST_OPTS))


def to_mobile_node(mh):
    """A Binding Acknowledgement from the home agent to CoA1 through a Type 2 Routing Header: the
    checksum's pseudo-header has the final destination, the home address (RFC 6275 6.1.1, 6.4)."""
    mh = with_checksum(mh, HA, HOA)
    return ethernet(MAC_MN, MAC_HA, ETHERTYPE_IPV6, ipv6(HA, COA1, type2_routing_header(HOA) + mh, ROUTING))


# ------------------------------------------------------------------ the frames

def frames():
    ipv4_selector, ipv6_selector = rfc6088_selectors()
    f = []
    # 1-2 home registration: Alternate CoA; the answer through the Type 2 Routing Header
    f.append(to_home_agent(binding_update(1000, 0xC000, [alt_coa(COA1)])))
    f.append(to_mobile_node(binding_ack(0, 0x00, 1000, [refresh(75)])))
    # 3-4 bulk registration (RFC 5648): three BIDs with IPv6 care-of addresses and O set, since
    # frame 1 left a regular binding (RFC 5648 6.2: with O clear, Status 165); one refused
    f.append(to_home_agent(binding_update(1001, 0xC040, [
        bid(1, 0, 10, COA1), bid(2, 0, 20, COA2), bid(3, 0, 0x80 | 30, COA3)])))
    f.append(to_mobile_node(binding_ack(4, 0x00, 1001, [bid(1, 0, 10), bid(2, 0, 20), bid(3, 169, 0x80 | 30)])))
    # 5-6 flow bindings (RFC 6089): the BIDs again, without care-of addresses (a Binding Update
    # without a Binding Identifier option would replace them all: RFC 5648 6.2), two flows, an
    # IPv4 and an IPv6 traffic selector, each naming BIDs the home agent holds; BID 3, refused in
    # frame 4, fails with 167, hence Status 4
    f.append(to_home_agent(binding_update(1002, 0xC000, [
        bid(1, 0, 10), bid(2, 0, 20), bid(3, 0, 0x80 | 30),
        flow_id(1, 10, 0, bid_reference(1) + traffic_selector(1, ipv4_selector)),
        flow_id(2, 20, 0, bid_reference(1, 2) + traffic_selector(2, ipv6_selector))])))
    f.append(to_mobile_node(binding_ack(4, 0x00, 1002, [
        bid(1, 0, 10), bid(2, 0, 20), bid(3, 167, 0x80 | 30), flow_id(1, 10, 0), flow_id(2, 20, 0)])))
    # 7-8 flow binding refresh (RFC 6089 5.2.3, 5.3.3): the live BIDs without care-of
    # addresses and a Flow Summary of the two flow bindings; the answer copies the BIDs only
    f.append(to_home_agent(binding_update(1003, 0xC000, [bid(1, 0, 10), bid(2, 0, 20), flow_summary(1, 2)])))
    f.append(to_mobile_node(binding_ack(0, 0x00, 1003, [bid(1, 0, 10), bid(2, 0, 20)])))
    # 9-10 NEMO (RFC 3963): R and two Mobile Network Prefixes, to a home address whose bindings
    # were made without R: refused with 139 (RFC 3963 6.2), nothing changes
    f.append(to_home_agent(binding_update(1004, 0xC400, [mnp("2001:db8:100::", 48), mnp("2001:db8:101::", 56)])))
    f.append(to_mobile_node(binding_ack(139, 0x00, 1004, lifetime=0)))
    # 11-12 DSMIPv6 (RFC 5555): IPv4 home address and care-of address; the acknowledgement and NAT
    # detection; the regular binding replaced by another
    f.append(to_home_agent(binding_update(1005, 0xC000, [ipv4_home_address(24, 0, "192.0.2.100"),
                                                          ipv4_coa("198.51.100.20")])))
    f.append(to_mobile_node(binding_ack(0, 0x00, 1005, [ipv4_address_ack(0, 24, "192.0.2.100"),
                                                        nat_detection(1, 110)])))
    return f


def main():
    write_pcap(output_path(DEFAULT_OUT), frames(), T0)


if __name__ == "__main__":
    main()
