#!/usr/bin/python3
"""Generate the tunnelcodec project's own test captures.

Run from the repository root with Debian's Python (the one that has scapy 2.5):

    /usr/bin/python3 testdata/scripts/make-captures.py

The output is deterministic: every address, port, identifier, sequence number,
payload byte and timestamp is fixed here, and the pcap files are written by
hand (classic libpcap format, little-endian, microsecond timestamps, snaplen
262144; capwire.py, which the other capture scripts share), so rerunning the
script gives byte-identical files.

Files are written to
testdata/src/main/resources/org/tunnelcodec/testdata/captures/
(or to the folder given as the first argument).

To add a case to a capture, append a builder to the list of that capture
(see ``tunneldump_sample()``): each entry is a packet (or raw bytes), optionally
as a ``Rec`` carrying an original (wire) length larger than the captured bytes.

GRE, PPTP (enhanced GRE v1) and WCCP headers are written by hand with ``struct``
(``gre()``, ``gre_pptp()``, ``wccp_redirect()``), checksums with
``inet_checksum()`` (capwire.py). STT frames (stt-segments.pcap) are built by ``stt_frame()``
(the 18-octet STT frame header, struct) and ``SttFrame`` (segmentation behind
scapy TCP headers to port 7471). MPLS label stack entries, pseudowire control words
and Associated Channel Headers (mpls-variants.pcap) are written with ``struct``
(``mpls()``, ``lse_stack()``, ``control_word()``, ``ach()``). VXLAN, VXLAN-GPE and Geneve
headers and Geneve options (vxlan-variants.pcap) are written with ``struct`` too
(``vxlan()``, ``vxlan_gpe()``, ``geneve()``, ``geneve_option()``, ``nsh_md2()``), so that
reserved bits, invalid lengths and version 1 can be set. Cases that reproduce one
of the GRE, WCCP, STT or MPLS test vectors in ``SPEC_VECTORS`` (each decoded field for
field by tshark 4.0.17, every checksum correct) are checked byte for byte against it
(``check_vector()``; from the IP header on, or the whole frame for the MPLS vectors
P1-P4); the script stops with an AssertionError if one differs.
"""

import os
import struct

import capwire
from capwire import inet_checksum, ones_sum, pseudo_header
from scapy.all import (  # noqa: F401  (scapy 2.5, Debian package python3-scapy)
    IP, IPv6, UDP, TCP, ICMP, ARP, Ether, Dot1Q, Dot1AD, Raw, CookedLinux, CookedLinuxV2,
    IPOption_RR, IPOption_NOP, IPOption_EOL,
    IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt, IPv6ExtHdrRouting, IPv6ExtHdrFragment,
    RouterAlert, PadN, ICMPv6EchoRequest,
)

# --------------------------------------------------------------------------
# Link types (pcap LINKTYPE_* values)
LINKTYPE_NULL = 0
LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101
LINKTYPE_LOOP = 108
LINKTYPE_LINUX_SLL = 113
LINKTYPE_LINUX_SLL2 = 276

# Fixed addresses (documentation ranges; locally administered MACs)
MAC_A = "02:00:5e:10:00:01"   # "client" NIC
MAC_B = "02:00:5e:10:00:02"   # "router" NIC
V4_A = "192.0.2.10"
V4_B = "198.51.100.20"
V4_C = "203.0.113.1"          # tunnel endpoint
V4_D = "203.0.113.2"          # tunnel endpoint
V6_A = "2001:db8:1::10"
V6_B = "2001:db8:2::20"
V6_C = "2001:db8:ffff::1"     # tunnel endpoint / router
V6_D = "2001:db8:ffff::2"     # tunnel endpoint / router
V6_R1 = "2001:db8:100::1"     # routing-header waypoints
V6_R2 = "2001:db8:200::2"

# 20-byte DNS query (id 0x4a4a, RD, 1 question: "ab." A IN) so that tshark
# decodes UDP/53 payloads without "Malformed".
DNS_QUERY_20 = bytes.fromhex("4a4a01000001000000000000") + b"\x02ab\x00" + b"\x00\x01\x00\x01"
assert len(DNS_QUERY_20) == 20


def pattern(n, seed=0):
    """Deterministic payload bytes: 0x00.. counting, offset by seed."""
    return bytes((seed + i) & 0xFF for i in range(n))


def text(n, word=b"tunnelcodec "):
    """Deterministic printable payload of exactly n bytes."""
    return (word * (n // len(word) + 1))[:n]


class Rec:
    """A record to write: the packet and, optionally, the original length.

    If ``caplen`` is given, only the first ``caplen`` bytes are stored and the
    original (wire) length is the full packet length (snaplen truncation).
    """

    def __init__(self, pkt, caplen=None, note=""):
        self.data = bytes(pkt)
        self.wirelen = len(self.data)
        if caplen is not None:
            assert caplen < self.wirelen
            self.data = self.data[:caplen]
        self.note = note


def write_pcap(path, linktype, packets, t0):
    """Write a classic little-endian pcap (snaplen 262144) with fixed timestamps.

    Packet i gets timestamp t0 + i seconds + i*1000 microseconds.
    """
    records = [p if isinstance(p, Rec) else Rec(p) for p in packets]
    capwire.write_pcap(path, [(r.data, r.wirelen) for r in records], t0, linktype, noun="packets")


# --------------------------------------------------------------------------
# helpers for the deliberately wrong / hand-made parts

def eth(**kw):
    return Ether(dst=MAC_B, src=MAC_A, **kw)


def wrong(value):
    """A checksum value that is certainly wrong (not equal, not its 0/0xffff twin)."""
    return (value + 0x1111) & 0xFFFF


def built(pkt):
    """Rebuild a packet from its bytes so that computed fields become visible."""
    return pkt.__class__(bytes(pkt))


def udp_over_full_datagram(ip_layer, sport, dport, payload):
    """Return (udp_len, udp_checksum) of the complete (unfragmented) datagram."""
    full = built(ip_layer / UDP(sport=sport, dport=dport) / Raw(payload))
    return full[UDP].len, full[UDP].chksum


# --------------------------------------------------------------------------
# a) core-layers.pcap

def core_layers():
    pk = []

    # 1. IPv4 no options, DSCP 46 (EF) ECN 1, ttl 64, id 0x1234, DF / UDP 40000->53, 20-byte payload
    pk.append(eth() / IP(src=V4_A, dst=V4_B, tos=(46 << 2) | 1, ttl=64, id=0x1234, flags="DF")
              / UDP(sport=40000, dport=53) / Raw(DNS_QUERY_20))

    # 2. IPv4 with options: Record Route (2 slots, first one filled), NOP, EOL (+ zero pad) -> IHL 9
    #    TCP SYN with MSS 1460, SACK permitted, Timestamp, NOP, Window scale 7
    pk.append(eth() / IP(src=V4_A, dst=V4_B, id=0x2001, ttl=64, flags="DF",
                         options=[IPOption_RR(pointer=8, routers=["192.0.2.1", "0.0.0.0"]),
                                  IPOption_NOP(), IPOption_EOL()])
              / TCP(sport=51515, dport=80, seq=0x11223344, ack=0, flags="S", window=64240,
                    options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (3141592653, 0)),
                             ("NOP", None), ("WScale", 7)]))

    # 3. 802.1Q vlan 100 prio 5 DEI 1 / IPv4 / UDP with checksum 0 (no checksum)
    pk.append(eth() / Dot1Q(prio=5, id=1, vlan=100)
              / IP(src=V4_A, dst=V4_B, id=0x2002, ttl=64)
              / UDP(sport=40001, dport=9, chksum=0) / Raw(text(16)))

    # 4. 802.1ad (0x88a8) vlan 200 / 802.1Q vlan 300 / IPv6 tc 0xb8 fl 0x12345 hlim 32 / UDP
    pk.append(eth(type=0x88A8) / Dot1AD(prio=0, id=0, vlan=200) / Dot1Q(prio=0, vlan=300)
              / IPv6(src=V6_A, dst=V6_B, tc=0xB8, fl=0x12345, hlim=32)
              / UDP(sport=40002, dport=9) / Raw(text(16)))

    # 5. IPv6 / Hop-by-Hop (Router Alert + PadN) / Destination options (PadN) / UDP
    pk.append(eth() / IPv6(src=V6_A, dst=V6_B, hlim=1)
              / IPv6ExtHdrHopByHop(autopad=0, options=[RouterAlert(value=0), PadN(optdata=b"")])
              / IPv6ExtHdrDestOpt(autopad=0, options=[PadN(optdata=b"\x00" * 4)])
              / UDP(sport=40003, dport=9) / Raw(text(16)))

    # 6. IPv6 / Routing type 0 (2 addresses, segleft 2) / Fragment (offset 0, M=1, id 0xabcdef01) / UDP
    #    First fragment of a 1520-byte UDP datagram (the fragment carries the first 64 bytes);
    #    UDP length and checksum are those of the whole datagram, computed with the final
    #    destination (the last routing-header address, V6_B) in the pseudo-header.
    #    IPv6 dst is the first waypoint V6_R1; the routing header lists V6_R2, V6_B.
    frag_payload = pattern(1512, seed=0x40)
    ulen, usum = udp_over_full_datagram(IPv6(src=V6_A, dst=V6_B), 40004, 9, frag_payload)
    assert ulen == 1520
    first = (UDP(sport=40004, dport=9, len=ulen, chksum=usum) / Raw(frag_payload[:56]))
    pk.append(eth() / IPv6(src=V6_A, dst=V6_R1, hlim=64)
              / IPv6ExtHdrRouting(type=0, segleft=2, addresses=[V6_R2, V6_B])
              / IPv6ExtHdrFragment(offset=0, m=1, id=0xABCDEF01)
              / first)

    # 7. IPv6 / Fragment (offset 185, M=0, same id) / raw bytes: last fragment (bytes 1480..1519)
    udp_full = bytes(UDP(sport=40004, dport=9, len=ulen, chksum=usum)) + frag_payload
    pk.append(eth() / IPv6(src=V6_A, dst=V6_B, hlim=64)
              / IPv6ExtHdrFragment(nh=17, offset=185, m=0, id=0xABCDEF01)
              / Raw(udp_full[1480:]))

    # 8./9. IPv4 fragments of one 100-byte UDP datagram: first (MF=1, offset 0, 64 bytes),
    #       second (MF=0, offset 8 = 64 bytes, 36 bytes). Reassemblable.
    v4_payload = text(92, b"fragmented-udp ")
    ulen4, usum4 = udp_over_full_datagram(IP(src=V4_A, dst=V4_B), 40005, 9, v4_payload)
    udp4 = bytes(UDP(sport=40005, dport=9, len=ulen4, chksum=usum4)) + v4_payload
    pk.append(eth() / IP(src=V4_A, dst=V4_B, id=0x3003, ttl=64, flags="MF", frag=0, proto=17)
              / Raw(udp4[:64]))
    pk.append(eth() / IP(src=V4_A, dst=V4_B, id=0x3003, ttl=64, flags=0, frag=8, proto=17)
              / Raw(udp4[64:]))

    # 10. IPv4 with a wrong header checksum / UDP
    p = eth() / IP(src=V4_A, dst=V4_B, id=0x3004, ttl=64) / UDP(sport=40006, dport=9) / Raw(text(16))
    p[IP].chksum = wrong(built(p)[IP].chksum)
    pk.append(p)

    # 11. IPv4 / UDP with a wrong UDP checksum
    p = eth() / IP(src=V4_A, dst=V4_B, id=0x3005, ttl=64) / UDP(sport=40007, dport=9) / Raw(text(16))
    p[UDP].chksum = wrong(built(p)[UDP].chksum)
    pk.append(p)

    # 12. IPv4 / TCP with wrong checksum, flags PSH|ACK|URG|ECE|CWR, urgent pointer 7, payload
    p = (eth() / IP(src=V4_A, dst=V4_B, id=0x3006, ttl=64, flags="DF")
         / TCP(sport=51516, dport=5001, seq=0x01020304, ack=0x0A0B0C0D, flags="PAUEC",
               window=501, urgptr=7) / Raw(text(24)))
    p[TCP].chksum = wrong(built(p)[TCP].chksum)
    pk.append(p)

    # 13. IPv4 / UDP with 2-byte payload, Ethernet-padded with zeros to 60 bytes
    p = eth() / IP(src=V4_A, dst=V4_B, id=0x3007, ttl=64) / UDP(sport=40008, dport=9) / Raw(b"hi")
    raw = bytes(p)
    assert len(raw) == 44
    pk.append(raw + b"\x00" * (60 - len(raw)))

    # 14. IPv6 / UDP with checksum 0 (not allowed for IPv6 in general)
    pk.append(eth() / IPv6(src=V6_A, dst=V6_B, hlim=64) / UDP(sport=40009, dport=9, chksum=0)
              / Raw(text(16)))

    # 15. IPv4 / IPv4 (IP-in-IP, proto 4) / UDP
    pk.append(eth() / IP(src=V4_C, dst=V4_D, id=0x4001, ttl=64, proto=4)
              / IP(src=V4_A, dst=V4_B, id=0x4002, ttl=63) / UDP(sport=40010, dport=9) / Raw(text(16)))

    # 16. IPv4 / IPv6 (6in4, proto 41) / TCP
    pk.append(eth() / IP(src=V4_C, dst=V4_D, id=0x4003, ttl=64, proto=41)
              / IPv6(src=V6_A, dst=V6_B, hlim=63)
              / TCP(sport=51517, dport=5001, seq=1000, ack=2000, flags="PA", window=1024)
              / Raw(text(12)))

    # 17. IPv6 / IPv4 (4in6, next header 4) / UDP
    pk.append(eth() / IPv6(src=V6_C, dst=V6_D, hlim=64, nh=4)
              / IP(src=V4_A, dst=V4_B, id=0x4004, ttl=63) / UDP(sport=40011, dport=9) / Raw(text(16)))

    # 18. IPv6 / IPv6 (6in6, next header 41) / UDP
    pk.append(eth() / IPv6(src=V6_C, dst=V6_D, hlim=64, nh=41)
              / IPv6(src=V6_A, dst=V6_B, hlim=63) / UDP(sport=40012, dport=9) / Raw(text(16)))

    return pk


# --------------------------------------------------------------------------
# b) core-truncated.pcap

def truncated_tcp(sport=51518, ipid=0x5002):
    """IPv4/TCP (with options and payload) to be cut inside the TCP header."""
    return (eth() / IP(src=V4_A, dst=V4_B, id=ipid, ttl=64, flags="DF")
            / TCP(sport=sport, dport=5001, seq=0x0BADF00D, ack=0x00C0FFEE, flags="PA",
                  window=2048, options=[("NOP", None), ("NOP", None), ("Timestamp", (100, 200))])
            / Raw(text(100)))


def core_truncated():
    return [
        eth() / IP(src=V4_A, dst=V4_B, id=0x5001, ttl=64) / UDP(sport=40013, dport=9) / Raw(text(32)),
        # Ethernet 14 + IPv4 20 + 10 bytes of the 32-byte TCP header
        Rec(truncated_tcp(), caplen=14 + 20 + 10),
    ]


# --------------------------------------------------------------------------
# c) linktype-sll.pcap, d) linktype-sll2.pcap

def mac_bytes(mac):
    return bytes.fromhex(mac.replace(":", "")) + b"\x00\x00"   # padded to 8 bytes


def linktype_sll():
    return [
        CookedLinux(pkttype=0, lladdrtype=1, lladdrlen=6, src=mac_bytes(MAC_B), proto=0x0800)
        / IP(src=V4_B, dst=V4_A, id=0x6001, ttl=64) / UDP(sport=9, dport=40014) / Raw(text(16)),
        CookedLinux(pkttype=4, lladdrtype=1, lladdrlen=6, src=mac_bytes(MAC_A), proto=0x86DD)
        / IPv6(src=V6_A, dst=V6_B, hlim=64)
        / TCP(sport=51519, dport=5001, seq=7, ack=9, flags="PA", window=4096) / Raw(text(12)),
    ]


def linktype_sll2():
    return [
        CookedLinuxV2(proto=0x0800, reserved=0, ifindex=2, lladdrtype=1, pkttype=0, lladdrlen=6,
                      src=mac_bytes(MAC_B))
        / IP(src=V4_B, dst=V4_A, id=0x6002, ttl=64) / UDP(sport=9, dport=40015) / Raw(text(16)),
        CookedLinuxV2(proto=0x86DD, reserved=0, ifindex=3, lladdrtype=1, pkttype=4, lladdrlen=6,
                      src=mac_bytes(MAC_A))
        / IPv6(src=V6_A, dst=V6_B, hlim=64) / UDP(sport=40016, dport=9) / Raw(text(16)),
    ]


# --------------------------------------------------------------------------
# e) linktype-raw.pcap, f) linktype-null.pcap, g) linktype-loop.pcap

def linktype_raw():
    return [
        IP(src=V4_A, dst=V4_B, id=0x7001, ttl=64) / UDP(sport=40017, dport=9) / Raw(text(16)),
        IPv6(src=V6_A, dst=V6_B, hlim=64) / UDP(sport=40018, dport=9) / Raw(text(16)),
    ]


def null_like(byteorder):
    fmt = "<I" if byteorder == "little" else ">I"
    v4 = IP(src=V4_A, dst=V4_B, id=0x7002, ttl=64) / UDP(sport=40019, dport=9) / Raw(text(16))
    out = [struct.pack(fmt, 2) + bytes(v4)]
    # AF_INET6 is 24 (NetBSD/OpenBSD/...), 28 (FreeBSD), 30 (macOS/iOS)
    for i, fam in enumerate((24, 28, 30)):
        v6 = IPv6(src=V6_A, dst=V6_B, hlim=64) / UDP(sport=40020 + i, dport=9) / Raw(text(16))
        out.append(struct.pack(fmt, fam) + bytes(v6))
    return out


# --------------------------------------------------------------------------
# GRE / PPTP / WCCP helpers. The GRE headers are written by hand (struct): scapy's
# GRE layer cannot express R, SREs, recursion control, reserved flag bits or a
# wrong checksum on purpose, and hand-made bytes keep every bit under our control.

GRE_C = 0x8000      # checksum present
GRE_R = 0x4000      # routing present (RFC 1701)
GRE_K = 0x2000      # key present
GRE_S = 0x1000      # sequence number present
GRE_SSR = 0x0800    # strict source route (RFC 1701)
GRE_A = 0x0080      # acknowledgment number present (PPTP, version 1)

ETH_IPV4 = 0x0800
ETH_ARP = 0x0806
ETH_TEB = 0x6558    # transparent Ethernet bridging
ETH_IPV6 = 0x86DD
ETH_MPLS = 0x8847
ETH_PPP = 0x880B
ETH_WCCP = 0x883E

AF_SRE_IPV4 = 0x0800    # SRE with a list of IPv4 addresses (RFC 1702)
AF_SRE_AS = 0xFFFE      # SRE with a list of 2-octet AS numbers (RFC 1702)

# WCCPv2 redirect header flag bits as Wireshark's dissector reads them (masks of
# gre.wccp.dynamic_service, alternative_bucket_used, redirect_header_valid) and as the
# Linux ip_wccp module assumes (top nibble always zero): the drafts
# (draft-wilson-wrec-wccp-v2-01 4.12.1, draft-mclaggan-wccp-v2rev1-00 3.12.1) draw them
# left to right, and these are the LSB-first values: dynamic service, alternate bucket
# used, header contents unavailable ("U").
WCCP_D = 0x01
WCCP_A = 0x02
WCCP_U = 0x04


def gre(proto, payload, checksum=False, key=None, seq=None, routing=None, offset=0,
        strict=False, recursion=0, reserved=0, bad_checksum=False):
    """A version-0 GRE header (RFC 2784 / 2890 / 1701) followed by ``payload``, as bytes.

    routing: list of (address family, SRE offset, routing information bytes); the
    NULL SRE is appended. reserved: the 5-bit value of bits 8-12 (mask 0x00f8).
    The checksum (if C) covers header and payload; with R but not C the checksum
    field is present and 0.
    """
    payload = bytes(payload)
    word = ((GRE_C if checksum else 0) | (GRE_R if routing is not None else 0)
            | (GRE_K if key is not None else 0) | (GRE_S if seq is not None else 0)
            | (GRE_SSR if strict else 0) | (recursion & 7) << 8 | (reserved & 0x1F) << 3)
    hdr = struct.pack("!HH", word, proto)
    if checksum or routing is not None:
        hdr += struct.pack("!HH", 0, offset)
    if key is not None:
        hdr += struct.pack("!I", key)
    if seq is not None:
        hdr += struct.pack("!I", seq)
    if routing is not None:
        for af, sre_offset, info in routing:
            hdr += struct.pack("!HBB", af, sre_offset, len(info)) + bytes(info)
        hdr += struct.pack("!HBB", 0, 0, 0)     # NULL SRE
    out = bytearray(hdr + payload)
    if checksum:
        c = inet_checksum(out)
        if bad_checksum:
            c = wrong(c)
        struct.pack_into("!H", out, 4, c)
    return bytes(out)


def gre_pptp(ppp, call_id, seq=None, ack=None, payload_length=None):
    """PPTP enhanced GRE (version 1, RFC 2637 section 4.1) + PPP frame, as bytes."""
    ppp = bytes(ppp)
    word = 0x2001 | (GRE_S if seq is not None else 0) | (GRE_A if ack is not None else 0)
    plen = len(ppp) if payload_length is None else payload_length
    hdr = struct.pack("!HHHH", word, ETH_PPP, plen, call_id)
    if seq is not None:
        hdr += struct.pack("!I", seq)
    if ack is not None:
        hdr += struct.pack("!I", ack)
    return hdr + ppp


def ppp_hdlc(protocol, payload):
    """PPP frame as carried in PPTP: address 0xff, control 0x03, 16-bit protocol."""
    return struct.pack("!BBH", 0xFF, 0x03, protocol) + bytes(payload)


def wccp_redirect(flags, service_id, alt_bucket, primary_bucket):
    """The 4-octet WCCPv2 redirect header."""
    return bytes([flags, service_id, alt_bucket, primary_bucket])


def mpls(label, ttl, tc=0, bos=1):
    """One MPLS label stack entry."""
    return struct.pack("!I", (label << 12) | (tc << 9) | (bos << 8) | ttl)


def over_ip4(src, dst, ipid, data, ttl=64, flags=0):
    """IPv4 (protocol 47) delivery header + GRE bytes."""
    return IP(src=src, dst=dst, id=ipid, ttl=ttl, flags=flags, proto=47) / Raw(data)


def over_ip6(src, dst, data, hlim=64):
    """IPv6 (next header 47) delivery header + GRE bytes."""
    return IPv6(src=src, dst=dst, hlim=hlim, nh=47) / Raw(data)


def check_vector(name, pkt, whole_frame=False):
    """Assert that the packet (without Ethernet, or the whole frame if whole_frame) is
    byte-identical to a test vector."""
    got = bytes(pkt) if whole_frame else bytes(pkt)[14:]
    want = bytes.fromhex("".join(SPEC_VECTORS[name].split()))
    assert got == want, "%s differs from the spec vector:\n got  %s\n want %s" % (
        name, got.hex(), want.hex())
    return pkt


# GRE (G*) and WCCP redirect (W*) test vectors, from the IP header on. Each was written
# to a pcap and decoded field for field by tshark 4.0.17, which reported every IPv4, UDP,
# ICMP, TCP and GRE checksum correct.
#   G1  RFC 2784: plain GRE, IPv4 in IPv4, ICMP echo
#   G2  RFC 2890 section 2: C, K and S set, transparent Ethernet bridging (ARP request)
#   G3  RFC 2637 section 4.1: PPTP enhanced GRE, data with a piggy-backed ack
#   G3b RFC 2637 section 4.1: PPTP enhanced GRE, ack only (S=0)
#   G4  RFC 8086: GRE-in-UDP, UDP port 4754
#   G5  RFC 1701 section 2.1: R=1, s=1, one IPv4 SRE (RFC 1702)
#   G6  RFC 7676 section 4: IPv6 delivery, with a key
#   W1  draft-wilson-wrec-wccp-v2-01 4.12.1: WCCPv2 redirect, dynamic service 90,
#       alternate bucket used, TCP SYN inside
#   W2  draft-forster-wrec-wccp-v1-00 "Encapsulation": WCCPv1 redirect, no redirect
#       header, the same TCP SYN
SPEC_VECTORS = {
    "G1": """4500003801010000402f8d5fc0000201c6336402 000008004500002000010000400163d7
             0a0101010a020202080021041234000161626364""",
    "G2": """4500004e02024000402f4c48c0000201c6336402 b0006558 96610000 00001234 00000000
             ffffffffffff020000000a0108060001080006040001020000000a010a000001
             0000000000000a000002""",
    "G3": """4500003003030000802fbf7ccb00710acb007114 3081880b 000c4000 00000005 00000004
             ff03c02109010008 00000000""",
    "G3b": """4500002004040000802fbe8bcb007114cb00710a 2081880b 00004000 00000005""",
    "G4": """450000400505400040114971c0000201c6336402 c3a51292002c3527 00000800
             4500002000010000400163d70a0101010a020202080021041234000161626364""",
    "G5": """4500004c06060000402f8846c0000201c6336402 48000800 00000000 08000408
             c6336402cb007109 00000000 4500002000010000400163d70a0101010a020202
             080021041234000161626364""",
    "G6": """6000000000282f4020010db8000000000000000000000001 20010db8000000000000000000000002
             20000800 0000abcd 4500002000010000400163d70a0101010a020202080021041234000161626364""",
    "W1": """4500004407070000ff2f2f7bc00002fec000020a 0000883e 035a7f3c
             4500002804d240003f06ed140a0a0a055db8d822c030005011223344000000005002faf066210000""",
    "W2": """4500004007080000ff2f2f7ec00002fec000020a 0000883e
             4500002804d240003f06ed140a0a0a055db8d822c030005011223344000000005002faf066210000""",
}

# Addresses of the test vectors
SPEC_V4_SRC = "192.0.2.1"          # G1, G2, G4, G5 delivery source
SPEC_V4_DST = "198.51.100.2"       # ... and destination
SPEC_PPTP_A = "203.0.113.10"       # G3 sender (PPTP peer A)
SPEC_PPTP_B = "203.0.113.20"       # G3b sender (PPTP peer B)
SPEC_V6_SRC = "2001:db8::1"        # G6
SPEC_V6_DST = "2001:db8::2"
SPEC_ROUTER = "192.0.2.254"        # W1, W2: WCCP router -> cache
SPEC_CACHE = "192.0.2.10"


def inner_icmp(n):
    """The inner packet of G1/G4/G5/G6 for n=1: 10.1.1.1 -> 10.2.2.2 ICMP echo id 0x1234
    seq n, data "abcd", IPv4 id n."""
    return IP(src="10.1.1.1", dst="10.2.2.2", id=n, ttl=64) / ICMP(id=0x1234, seq=n) / Raw(b"abcd")


def inner_syn(sport, seq, ipid):
    """Client SYN to a web server, as redirected by WCCP (W1: sport 49200, seq 0x11223344, id 1234)."""
    return (IP(src="10.10.10.5", dst="93.184.216.34", id=ipid, ttl=63, flags="DF")
            / TCP(sport=sport, dport=80, seq=seq, ack=0, flags="S", window=64240))


# --------------------------------------------------------------------------
# i) gre-variants.pcap

def arp_request_frame():
    """G2's inner Ethernet frame (no FCS): broadcast ARP request 10.0.0.1 asks for 10.0.0.2."""
    return (Ether(dst="ff:ff:ff:ff:ff:ff", src="02:00:00:00:0a:01", type=ETH_ARP)
            / ARP(hwtype=1, ptype=ETH_IPV4, hwlen=6, plen=4, op=1, hwsrc="02:00:00:00:0a:01",
                  psrc="10.0.0.1", hwdst="00:00:00:00:00:00", pdst="10.0.0.2"))


def gre_variants():
    pk = []

    # 1. G1: plain GRE, IPv4 in IPv4, ICMP echo
    pk.append(check_vector("G1", eth() / over_ip4(SPEC_V4_SRC, SPEC_V4_DST, 0x0101,
                                                  gre(ETH_IPV4, inner_icmp(1)))))

    # 2. G2: C+K+S (valid checksum 0x9661, key 0x1234, seq 0), TEB, Ethernet/ARP
    pk.append(check_vector("G2", eth() / over_ip4(
        SPEC_V4_SRC, SPEC_V4_DST, 0x0202, flags="DF",
        data=gre(ETH_TEB, arp_request_frame(), checksum=True, key=0x00001234, seq=0))))

    # 3. as 2, but the GRE checksum is wrong (0xa772 instead of 0x9661); nothing else differs
    p3 = eth() / over_ip4(SPEC_V4_SRC, SPEC_V4_DST, 0x0202, flags="DF",
                          data=gre(ETH_TEB, arp_request_frame(), checksum=True, key=0x00001234,
                                   seq=0, bad_checksum=True))
    assert bytes(p3)[38:40] == b"\xa7\x72"
    pk.append(p3)

    # 4. K only (key 0xdeadbeef) / IPv6 / UDP
    pk.append(eth() / over_ip4(V4_C, V4_D, 0x9004, gre(
        ETH_IPV6, IPv6(src=V6_A, dst=V6_B, hlim=63) / UDP(sport=40044, dport=9) / Raw(text(16)),
        key=0xDEADBEEF)))

    # 5. S only (seq 4294967295) / MPLS label 100, TC 0, bottom of stack, TTL 64 / IPv4 / UDP
    pk.append(eth() / over_ip4(V4_C, V4_D, 0x9005, gre(
        ETH_MPLS, mpls(100, 64) + bytes(IP(src=V4_A, dst=V4_B, id=0x9105, ttl=63)
                                        / UDP(sport=40045, dport=9) / Raw(text(16))),
        seq=0xFFFFFFFF)))

    # 6. G6: IPv6 delivery, K (key 0xabcd) / IPv4 / ICMP
    pk.append(check_vector("G6", eth() / over_ip6(SPEC_V6_SRC, SPEC_V6_DST,
                                                  gre(ETH_IPV4, inner_icmp(1), key=0xABCD))))

    # 7. IPv6 / Destination Options (PadN, 8 octets, next header 47) / GRE plain / IPv6 / UDP
    pk.append(eth() / IPv6(src=V6_C, dst=V6_D, hlim=64)
              / IPv6ExtHdrDestOpt(nh=47, autopad=0, options=[PadN(optdata=b"\x00" * 4)])
              / Raw(gre(ETH_IPV6, IPv6(src=V6_A, dst=V6_B, hlim=63) / UDP(sport=40047, dport=9)
                        / Raw(text(16)))))

    # 8. G4: GRE-in-UDP (UDP 50085 -> 4754, checksum valid) / GRE plain / IPv4 / ICMP
    pk.append(check_vector("G4", eth() / IP(src=SPEC_V4_SRC, dst=SPEC_V4_DST, id=0x0505, ttl=64,
                                            flags="DF")
                           / UDP(sport=50085, dport=4754) / Raw(gre(ETH_IPV4, inner_icmp(1)))))

    # 9. G5: RFC 1701 R=1, s=1: IPv4 SRE (offset 4, length 8: 198.51.100.2, 203.0.113.9),
    #    NULL SRE / IPv4 / ICMP
    pk.append(check_vector("G5", eth() / over_ip4(SPEC_V4_SRC, SPEC_V4_DST, 0x0606, gre(
        ETH_IPV4, inner_icmp(1), strict=True,
        routing=[(AF_SRE_IPV4, 4, bytes([198, 51, 100, 2, 203, 0, 113, 9]))]))))

    # 10. R=1, C=1 (valid checksum), GRE offset 0: IPv4 SRE (offset 0, 1 address 203.0.113.9),
    #     AS SRE (family 0xfffe, offset 0, AS 64496 and 64497), NULL SRE / IPv4 / ICMP
    pk.append(eth() / over_ip4(V4_C, V4_D, 0x900A, gre(
        ETH_IPV4, inner_icmp(10), checksum=True,
        routing=[(AF_SRE_IPV4, 0, bytes([203, 0, 113, 9])),
                 (AF_SRE_AS, 0, struct.pack("!HH", 64496, 64497))])))

    # 11. recursion control 3, reserved flag bits 9-12 = 0b0101 (word 0x0328) / IPv4 / ICMP
    pk.append(eth() / over_ip4(V4_C, V4_D, 0x900B, gre(ETH_IPV4, inner_icmp(11), recursion=3,
                                                       reserved=0b00101)))

    # 12. G3: PPTP v1 K+S+A, call id 16384, seq 5, ack 4 / PPP ff03 LCP echo-request id 1, magic 0
    lcp_echo = bytes.fromhex("0901000800000000")
    pk.append(check_vector("G3", eth() / over_ip4(SPEC_PPTP_A, SPEC_PPTP_B, 0x0303, ttl=128, data=gre_pptp(
        ppp_hdlc(0xC021, lcp_echo), call_id=16384, seq=5, ack=4))))

    # 13. G3b: PPTP v1 ack-only K+A, payload length 0, call id 16384, ack 5
    pk.append(check_vector("G3b", eth() / over_ip4(SPEC_PPTP_B, SPEC_PPTP_A, 0x0404, ttl=128,
                                                   data=gre_pptp(b"", call_id=16384, ack=5))))

    # 14. PPTP v1 K+S (call id 16384, seq 6) / PPP ff03 protocol 0x0021 / IPv4 / UDP
    pk.append(eth() / over_ip4(SPEC_PPTP_A, SPEC_PPTP_B, 0x900E, ttl=128, data=gre_pptp(
        ppp_hdlc(0x0021, IP(src=V4_A, dst=V4_B, id=0x910E, ttl=63) / UDP(sport=40054, dport=9)
                 / Raw(text(16))), call_id=16384, seq=6)))

    # 15. W1: WCCPv2 redirect header 03 5a 7f 3c (D, A; service 90; alt 127; primary 60) / IPv4 / TCP SYN
    pk.append(check_vector("W1", eth() / over_ip4(SPEC_ROUTER, SPEC_CACHE, 0x0707, ttl=255, data=gre(
        ETH_WCCP, wccp_redirect(WCCP_D | WCCP_A, 90, 127, 60)
        + bytes(inner_syn(49200, 0x11223344, 1234))))))

    # 16. W2: WCCPv1, the inner IPv4 packet right after the GRE header
    pk.append(check_vector("W2", eth() / over_ip4(SPEC_ROUTER, SPEC_CACHE, 0x0708, ttl=255, data=gre(
        ETH_WCCP, inner_syn(49200, 0x11223344, 1234)))))

    # 17. WCCPv2 redirect header 00 00 00 3c (well-known service 0, primary bucket 60) / IPv4 / TCP SYN
    pk.append(eth() / over_ip4(SPEC_ROUTER, SPEC_CACHE, 0x9011, ttl=255, data=gre(
        ETH_WCCP, wccp_redirect(0, 0, 0, 60) + bytes(inner_syn(49201, 0x11223345, 1235)))))

    # 18. IPv6 delivery / WCCPv2 redirect header 01 7b 05 06 (D; service 123; alt 5; primary 6)
    #     / IPv6 / TCP SYN
    pk.append(eth() / over_ip6(V6_C, V6_D, gre(
        ETH_WCCP, wccp_redirect(WCCP_D, 123, 5, 6)
        + bytes(IPv6(src=V6_A, dst=V6_B, hlim=63)
                / TCP(sport=51540, dport=80, seq=0x22334455, ack=0, flags="S", window=64800)))))

    return pk


# --------------------------------------------------------------------------
# h) tunneldump-sample.pcap  -- extend by appending to the list

def tunneldump_sample():
    cases = [
        # plain IPv4/UDP
        lambda: eth() / IP(src=V4_A, dst=V4_B, id=0x8001, ttl=64) / UDP(sport=40030, dport=9)
        / Raw(text(16)),
        # VLAN-tagged IPv4/TCP
        lambda: eth() / Dot1Q(prio=3, vlan=42) / IP(src=V4_A, dst=V4_B, id=0x8002, ttl=64, flags="DF")
        / TCP(sport=51530, dport=5001, seq=100, ack=200, flags="PA", window=8192) / Raw(text(20)),
        # IPv4-in-IPv4
        lambda: eth() / IP(src=V4_C, dst=V4_D, id=0x8003, ttl=64, proto=4)
        / IP(src=V4_A, dst=V4_B, id=0x8004, ttl=63) / UDP(sport=40031, dport=9) / Raw(text(16)),
        # 6in4
        lambda: eth() / IP(src=V4_C, dst=V4_D, id=0x8005, ttl=64, proto=41)
        / IPv6(src=V6_A, dst=V6_B, hlim=63) / UDP(sport=40032, dport=9) / Raw(text(16)),
        # 4in6
        lambda: eth() / IPv6(src=V6_C, dst=V6_D, hlim=64, nh=4)
        / IP(src=V4_A, dst=V4_B, id=0x8006, ttl=63) / UDP(sport=40033, dport=9) / Raw(text(16)),
        # IPv6 with hop-by-hop + fragment header (an atomic fragment: offset 0, M=0)
        lambda: eth() / IPv6(src=V6_A, dst=V6_B, hlim=64)
        / IPv6ExtHdrHopByHop(autopad=0, options=[RouterAlert(value=0), PadN(optdata=b"")])
        / IPv6ExtHdrFragment(offset=0, m=0, id=0x00C0DEC0)
        / UDP(sport=40034, dport=9) / Raw(text(16)),
        # plain GRE: IPv4 / GRE (no options) / IPv4 / UDP
        lambda: eth() / over_ip4(V4_C, V4_D, 0x8010, gre(
            ETH_IPV4, IP(src=V4_A, dst=V4_B, id=0x8011, ttl=63) / UDP(sport=40035, dport=9)
            / Raw(text(16)))),
        # GRE with checksum + key + sequence number carrying IPv6 / UDP
        lambda: eth() / over_ip4(V4_C, V4_D, 0x8012, gre(
            ETH_IPV6, IPv6(src=V6_A, dst=V6_B, hlim=63) / UDP(sport=40036, dport=9) / Raw(text(16)),
            checksum=True, key=0x00000100, seq=1)),
        # GRE over IPv6: IPv6 (next header 47) / GRE (no options) / IPv4 / UDP
        lambda: eth() / over_ip6(V6_C, V6_D, gre(
            ETH_IPV4, IP(src=V4_A, dst=V4_B, id=0x8013, ttl=63) / UDP(sport=40037, dport=9)
            / Raw(text(16)))),
        # GRE-in-UDP: IPv4 / UDP 49153 -> 4754 / GRE (no options) / IPv4 / UDP
        lambda: eth() / IP(src=V4_C, dst=V4_D, id=0x8014, ttl=64) / UDP(sport=49153, dport=4754)
        / Raw(gre(ETH_IPV4, IP(src=V4_A, dst=V4_B, id=0x8015, ttl=63) / UDP(sport=40038, dport=9)
                  / Raw(text(16)))),
        # PPTP enhanced GRE v1 (K+S+A, call id 256, seq 1, ack 0) / PPP ff03 0021 / IPv4 / UDP
        lambda: eth() / over_ip4(V4_C, V4_D, 0x8016, gre_pptp(
            ppp_hdlc(0x0021, IP(src=V4_A, dst=V4_B, id=0x8017, ttl=63) / UDP(sport=40039, dport=9)
                     / Raw(text(16))), call_id=256, seq=1, ack=0)),
        # WCCPv2 redirect: GRE 0x883e / redirect header 01 5a 00 3c (dynamic service 90,
        # primary bucket 60) / IPv4 / TCP SYN
        lambda: eth() / over_ip4(V4_C, V4_D, 0x8018, ttl=255, data=gre(
            ETH_WCCP, wccp_redirect(WCCP_D, 90, 0, 60)
            + bytes(IP(src=V4_A, dst=V4_B, id=0x8019, ttl=63, flags="DF")
                    / TCP(sport=51532, dport=80, seq=1000, ack=0, flags="S", window=64240)))),
        # WCCPv1 redirect: GRE 0x883e / IPv4 / TCP SYN (no redirect header)
        lambda: eth() / over_ip4(V4_C, V4_D, 0x801A, ttl=255, data=gre(
            ETH_WCCP, IP(src=V4_A, dst=V4_B, id=0x801B, ttl=63, flags="DF")
            / TCP(sport=51533, dport=80, seq=2000, ack=0, flags="S", window=64240))),
        # STT: one 600-octet frame in two segments, the second sent first
        lambda: eth() / tunneldump_stt().segments()[1],
        lambda: eth() / tunneldump_stt().segments()[0],
        # -- add new tunnel types above this line; keep the truncated frame last --
        # snaplen-truncated: 60 bytes captured of a 14 + 152 byte frame
        lambda: Rec(truncated_tcp(sport=51531, ipid=0x8007), caplen=60),
    ]
    return [c() for c in cases]


# --------------------------------------------------------------------------
# j) stt-segments.pcap  -- STT (draft-davie-stt-08 section 3.1 frame, 3.2 TCP header)
#
# Built independently of the project's Java code: the 18-octet STT frame header with
# struct (stt_frame()), the 20-octet TCP-like header of each segment with scapy's TCP
# layer (seq = Frame Length << 16 | Segment Offset, ack = Frame Identifier), which
# also computes every outer IPv4/IPv6 and TCP checksum. Flag values are the on-wire
# masks that Open vSwitch's stt.c sends (STT_CSUM_VERIFIED ...) and Wireshark's
# packet-stt.c reads, not the MSB-first reading of the draft's section 3.1 Figure 4.
#
# To add a case, append to the list in stt_segments_capture(): an SttFrame describes
# one frame (bytes, outer addresses, ports, identifier, segment size) and .segments()
# returns its segments in offset order as (outer IP / TCP / Raw) packets without
# Ethernet; the case may reorder, repeat or edit them before they are appended.

STT_PORT = 7471
STT_C = 0x01        # checksum verified
STT_P = 0x02        # checksum partial
STT_IPV4 = 0x04     # inner L3 is IPv4
STT_TCP = 0x08      # inner L4 is TCP
STT_HDR_LEN = 18

STT_V4_SRC = "192.0.2.1"           # S1, S2 and every other IPv4-outer frame
STT_V4_DST = "192.0.2.2"
STT_V6_SRC = "2001:db8::1"         # the IPv6-outer frame
STT_V6_DST = "2001:db8::2"
STT_MAC_SRC = "02:00:00:00:0b:01"  # inner Ethernet of every frame (as in S1, S2)
STT_MAC_DST = "02:00:00:00:0b:02"
STT_IN4_SRC = "10.0.0.1"           # inner IPv4
STT_IN4_DST = "10.0.0.2"

# STT test vectors, from the outer IP header on, checked with tshark 4.0.17 (STT as a
# heuristic dissector, STT and TCP checksum checks on; every field decoded as built)
# and with an independent recomputation of every checksum:
#   S1       a 64-octet frame in one segment: C flag, VLAN metadata, context 0x64
#   S2a/S2b  the two segments of a 172-octet frame: P + IPv4 + TCP, L4 offset 34,
#            MSS 1448, context 0xabcdef, inner TCP checksum partial (0x1481)
SPEC_VECTORS.update({
    "S1": """45000068111140004006a57bc0000201c0000202
             d4311d2f 00400000 00000001 50180000 671a0000
             00010000 0000b064 0000000000000064 0000
             020000000b02 020000000b01 0800
             4500002000010000400166da0a0000010a000002 080021041234000161626364""",
    "S2a": """4500008c2220400040069448c0000201c0000202
              c1f01d2f 00ac0000 2a000001 5010ffff 43a50000
              000e2200 05a80000 0000000000abcdef 0000
              020000000b02 020000000b01 0800
              4500008c00074000400626630a0000010a000002
              9c400050000003e8000007d050180200 1481 0000
              000102030405060708090a0b0c0d0e0f101112131415161718191a1b""",
    "S2b": """450000702221400040069463c0000201c0000202
              c1f01d2f 00ac0064 2a000001 5018ffff 3c470000
              1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b
              3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f60616263""",
})


def stt_frame(inner, flags=0, l4_offset=0, mss=0, tci=0, context_id=0, version=0,
              reserved=0, padding=0):
    """An STT frame: the 18-octet STT frame header followed by the inner Ethernet frame."""
    return struct.pack("!BBBBHHQH", version, flags, l4_offset, reserved, mss, tci, context_id,
                       padding) + bytes(inner)


def pseudo_header_sum(src, dst, l4_len, proto=6):
    """Folded, not complemented, sum of the IPv4 or IPv6 pseudo-header: the value a
    sender leaves in the inner L4 checksum field when STT flag P is set
    (draft-davie-stt-08 section 3.1; as Open vSwitch's stt.c sends a CHECKSUM_PARTIAL
    inner packet)."""
    return ones_sum(pseudo_header(src, dst, l4_len, proto))


def with_partial_l4_checksum(pkt, l4):
    """Rebuild pkt (an Ether/IP(v6)/TCP-or-UDP packet) with the L4 checksum replaced by
    the partial pseudo-header sum; check that completing it the way a receiver does
    (one's-complement sum over the L4 header and data, the stored partial value
    included, complemented) gives the full checksum scapy computes."""
    full = built(pkt)
    ip = full[IPv6] if IPv6 in full else full[IP]
    seg = bytes(full[l4])
    partial = pseudo_header_sum(ip.src, ip.dst, len(seg), 6 if l4 is TCP else 17)
    out = full.copy()
    out[l4].chksum = partial
    out = built(out)
    assert out[l4].chksum == partial
    completed = ~ones_sum(bytes(out[l4])) & 0xFFFF
    assert completed == full[l4].chksum, (hex(completed), hex(full[l4].chksum))
    return out


class SttFrame:
    """One STT frame and how it is sent.

    frame: the STT frame bytes (stt_frame()); seg_size: frame octets per segment
    (the last segment takes the rest); outer: "4" or "6"; ipid: IPv4 identification
    of the first segment (+1 per segment, as TSO does); window: TCP window of every
    segment (the draft says 0, OVS sends 65535). Every segment has ACK set, the last
    one ACK+PSH. frame_len (default: the real length) is what the Frame Length field
    says.
    """

    def __init__(self, frame, sport, frame_id, seg_size=None, outer="4", ipid=0,
                 window=65535, ttl=64, frame_len=None, src=None, dst=None):
        self.frame = bytes(frame)
        self.sport = sport
        self.frame_id = frame_id
        self.seg_size = seg_size or len(self.frame)
        self.outer = outer
        self.ipid = ipid
        self.window = window
        self.ttl = ttl
        self.frame_len = len(self.frame) if frame_len is None else frame_len
        self.src = src or (STT_V4_SRC if outer == "4" else STT_V6_SRC)
        self.dst = dst or (STT_V4_DST if outer == "4" else STT_V6_DST)

    def segment(self, i, off, data, last, frame_len=None):
        """The i-th segment (0-based, offset order): outer IP / TCP-like header / slice."""
        if self.outer == "4":
            ip = IP(src=self.src, dst=self.dst, id=(self.ipid + i) & 0xFFFF, flags="DF",
                    ttl=self.ttl)
        else:
            ip = IPv6(src=self.src, dst=self.dst, hlim=self.ttl)
        length = self.frame_len if frame_len is None else frame_len
        tcp = TCP(sport=self.sport, dport=STT_PORT, seq=(length << 16) | off, ack=self.frame_id,
                  flags="PA" if last else "A", window=self.window, urgptr=0)
        return ip / tcp / Raw(data)

    def offsets(self):
        return list(range(0, len(self.frame), self.seg_size))

    def segments(self):
        offs = self.offsets()
        return [self.segment(i, off, self.frame[off:off + self.seg_size], i == len(offs) - 1)
                for i, off in enumerate(offs)]


def stt_inner_icmp(ipid):
    """Inner Ethernet / IPv4 10.0.0.1 -> 10.0.0.2 / ICMP echo id 0x1234 seq ipid, "abcd"
    (S1's inner frame for ipid 1)."""
    return (Ether(dst=STT_MAC_DST, src=STT_MAC_SRC)
            / IP(src=STT_IN4_SRC, dst=STT_IN4_DST, id=ipid, ttl=64)
            / ICMP(id=0x1234, seq=ipid) / Raw(b"abcd"))


def stt_inner_udp(frame_len, ipid, sport, seed):
    """Inner Ethernet / IPv4 (10.0.0.1 -> 10.0.0.2) / UDP sport -> 9 with a counting
    payload (pattern(n, seed)) sized so that the STT frame is frame_len octets.
    Checksums complete and valid."""
    n = frame_len - STT_HDR_LEN - 14 - 20 - 8
    return (Ether(dst=STT_MAC_DST, src=STT_MAC_SRC)
            / IP(src=STT_IN4_SRC, dst=STT_IN4_DST, id=ipid, ttl=64)
            / UDP(sport=sport, dport=9) / Raw(pattern(n, seed)))


def tunneldump_stt():
    """The STT frame of tunneldump-sample.pcap: inner Ethernet/IPv4/UDP, context 0x99, 2 segments."""
    return SttFrame(stt_frame(stt_inner_udp(600, 0x8030, 40040, 3), context_id=0x99),
                    sport=50001, frame_id=0x100, seg_size=400, ipid=0x8030)


def stt_segments_capture():
    pk = []

    # 1. S1: single-segment frame, C flag, VLAN metadata (PCP 5, V, VID 100), context 0x64
    s1 = SttFrame(stt_frame(stt_inner_icmp(1), flags=STT_C, tci=0xB064, context_id=0x64),
                  sport=54321, frame_id=1, outer="4", ipid=0x1111, window=0)
    pk += [check_vector("S1", eth() / p) for p in s1.segments()]

    # 2-3. S2: 172-octet frame, P+IPv4+TCP, L4 offset 34, MSS 1448, context 0xabcdef,
    #      inner TCP checksum partial (0x1481), segments of 100 + 72 octets
    s2_inner = with_partial_l4_checksum(
        Ether(dst=STT_MAC_DST, src=STT_MAC_SRC)
        / IP(src=STT_IN4_SRC, dst=STT_IN4_DST, id=7, ttl=64, flags="DF")
        / TCP(sport=40000, dport=80, seq=1000, ack=2000, flags="PA", window=512)
        / Raw(pattern(100)), TCP)
    assert s2_inner[TCP].chksum == 0x1481
    s2 = SttFrame(stt_frame(s2_inner, flags=STT_P | STT_IPV4 | STT_TCP, l4_offset=34, mss=1448,
                            context_id=0xABCDEF),
                  sport=0xC1F0, frame_id=0x2A000001, seg_size=100, outer="4", ipid=0x2220)
    seg1, seg2 = s2.segments()
    pk += [check_vector("S2a", eth() / seg1), check_vector("S2b", eth() / seg2)]

    # 4-7. 3000-octet frame (inner Ethernet/IPv4/UDP, 2940-octet payload), flags 0,
    #      context 0x1122334455667788, frame id 0x10, segments of 1000 octets sent
    #      out of order: offset 2000, 0, 1000, then offset 0 again (exact duplicate)
    big = SttFrame(stt_frame(stt_inner_udp(3000, ipid=0x0100, sport=40100, seed=0x10),
                             context_id=0x1122334455667788),
                   sport=50000, frame_id=0x00000010, seg_size=1000, outer="4", ipid=0x3000)
    a, b, c = big.segments()
    pk += [eth() / c, eth() / a, eth() / b, eth() / a]

    # 8-9. IPv6 outer (2001:db8::1 -> 2001:db8::2), 1500-octet frame in segments of
    #      1440 + 60 octets (1500 MTU - 40 - 20); inner Ethernet / IPv6 / TCP with a
    #      partial checksum; flags P+TCP (0x0a), L4 offset 54, MSS 1440, context 0x30,
    #      frame id 0x30
    v6_payload = 1500 - STT_HDR_LEN - 14 - 40 - 20
    v6_inner = with_partial_l4_checksum(
        Ether(dst=STT_MAC_DST, src=STT_MAC_SRC)
        / IPv6(src=V6_A, dst=V6_B, hlim=64)
        / TCP(sport=40200, dport=80, seq=0x01000000, ack=0x02000000, flags="PA", window=1024)
        / Raw(pattern(v6_payload, seed=0x80)), TCP)
    v6 = SttFrame(stt_frame(v6_inner, flags=STT_P | STT_TCP, l4_offset=54, mss=1440,
                            context_id=0x30),
                  sport=50001, frame_id=0x00000030, seg_size=1440, outer="6")
    assert len(v6.frame) == 1500
    pk += [eth() / p for p in v6.segments()]

    # 10. single-segment frame with STT version 1 (receivers must drop it); otherwise
    #     like S1 without VLAN: C flag, context 0x40, frame id 0x40
    pk += [eth() / p for p in SttFrame(
        stt_frame(stt_inner_icmp(0x40), flags=STT_C, context_id=0x40, version=1),
        sport=50002, frame_id=0x00000040, outer="4", ipid=0x4000, window=0).segments()]

    # 11-12. a 500-octet frame (inner Ethernet/IPv4/UDP, flags 0, context 0x20, frame id
    #        0x20) in segments of 300 + 200 octets whose Frame Length fields disagree:
    #        the first says 500 (true), the second 600
    bad = SttFrame(stt_frame(stt_inner_udp(500, ipid=0x0200, sport=40300, seed=0x20),
                             context_id=0x20),
                   sport=50003, frame_id=0x00000020, seg_size=300, outer="4", ipid=0x5000)
    first = bad.segment(0, 0, bad.frame[:300], last=False)
    second = bad.segment(1, 300, bad.frame[300:], last=True, frame_len=600)
    pk += [eth() / first, eth() / second]

    return pk


# --------------------------------------------------------------------------
# k) mpls-variants.pcap  -- MPLS label stacks (RFC 3032), special-purpose labels, pseudowire
#    control word and Associated Channel Header (RFC 4385, RFC 5586), and the carriers
#    MPLS-in-UDP (RFC 7510), MPLS-in-GRE and MPLS-in-IP (RFC 4023)
#
# Every label stack entry, control word and ACH is written with struct (mpls(), lse_stack(),
# control_word(), ach()), independently of the project's Java code; scapy builds the IP,
# UDP, ICMP and Ethernet headers around them and computes their lengths and checksums.
# Frames 1-4 are byte-identical to the MPLS test vectors P1-P4 (whole frames, Ethernet
# header included: check_vector(..., whole_frame=True)).
#
# To add a case, append to the list in mpls_variants() before the truncated frame, which
# stays last, and describe it in the captures README.

# MPLS test vectors, whole Ethernet frames (hex dumps, 16 octets a line), built with
# scapy 2.5 and decoded field for field by tshark 4.0.17 (every IPv4, UDP, ICMP and
# ICMPv6 checksum correct):
#   P1  Linux lightweight-tunnel encap 100/200 (net/mpls/mpls_iptunnel.c): two LSEs with
#       the IP TTL 64 and TC 0, a locally originated IPv4 ping
#   P2  MPLS-in-UDP (RFC 7510) over IPv4, UDP checksum 0, label 1000 + ELI (7) + entropy
#       label 0x5a5a5 (RFC 6790), IPv6 ICMPv6 echo inside (first nibble 6)
#   P3  Ethernet pseudowire (RFC 4448) with control word (sequence 1) over GRE (RFC 4023)
#   P4  LSP with GAL (13, RFC 5586) + ACH channel 0x0007 carrying BFD control (RFC 5885)
SPEC_VECTORS.update({
    "P1": """02 00 00 00 00 02 02 00 00 00 00 01 88 47 00 06
             40 40 00 0c 81 40 45 00 00 24 12 34 40 00 40 01
             0b 93 0a 00 00 01 0a 09 09 09 08 00 61 97 04 d2
             00 01 61 62 63 64 65 66 67 68""",
    "P2": """02 00 00 00 00 02 02 00 00 00 00 01 08 00 45 00
             00 5c 00 01 40 00 40 11 b6 8c c0 00 02 01 c0 00
             02 02 d4 31 19 eb 00 48 00 00 00 3e 8a 3f 00 00
             7a 00 5a 5a 51 00 60 00 00 00 00 0c 3a 3f 20 01
             0d b8 00 00 00 00 00 00 00 00 00 00 00 01 20 01
             0d b8 00 00 00 00 00 00 00 00 00 00 00 02 80 00
             45 6b 00 07 00 01 70 69 6e 67""",
    "P3": """02 00 00 00 00 02 02 00 00 00 00 01 08 00 45 00
             00 4c 00 02 00 00 40 2f 26 17 c6 33 64 01 c6 33
             64 02 00 00 88 47 00 7d 01 ff 00 00 00 01 66 77
             88 99 aa bb 00 11 22 33 44 55 08 00 45 00 00 1e
             22 22 00 00 40 11 00 8a ac 10 00 01 ac 10 00 02
             04 d2 16 2e 00 0a 24 4d 68 69""",
    "P4": """02 00 00 00 00 02 02 00 00 00 00 01 88 47 00 1f
             40 ff 00 00 d1 01 10 00 00 07 20 c0 03 18 00 00
             00 01 00 00 00 00 00 0f 42 40 00 0f 42 40 00 00
             00 00""",
})

MPLS_SPEC_SRC = "02:00:00:00:00:01"   # Ethernet source of P1-P4
MPLS_SPEC_DST = "02:00:00:00:00:02"
ETH_MPLS_UPSTREAM = 0x8848            # MPLS, upstream-assigned top label (RFC 5332)
MPLS_UDP_PORT = 6635                  # MPLS-in-UDP (RFC 7510 section 3)
MPLS_UDP_DTLS_PORT = 6636             # MPLS-in-UDP with DTLS (RFC 7510)
IP_PROTO_MPLS = 137                   # MPLS-in-IP (RFC 4023 section 2)
PW_MAC_SRC = "02:00:5e:20:00:01"      # customer Ethernet frames inside the pseudowires
PW_MAC_DST = "02:00:5e:20:00:02"      # (octets 2-4 are no registered OUI: see frame 13)


def lse_stack(*entries):
    """A label stack: each entry is (label, ttl) or (label, ttl, tc), top first; the S bit
    is set on the last entry only (RFC 3032 section 2.1)."""
    out = b""
    for i, e in enumerate(entries):
        label, ttl = e[0], e[1]
        tc = e[2] if len(e) > 2 else 0
        out += mpls(label, ttl, tc=tc, bos=1 if i == len(entries) - 1 else 0)
    return out


def control_word(seq=0, flags=0, frg=0, length=0):
    """The preferred pseudowire control word (RFC 4385 section 3): 0000, Flags (4 bits),
    FRG (2), Length (6), Sequence Number (16). An Ethernet PW (RFC 4448 section 4.6) uses
    only the sequence number."""
    return struct.pack("!BBH", flags & 0x0F, (frg & 3) << 6 | (length & 0x3F), seq)


def ach(channel_type, version=0, reserved=0):
    """The Associated Channel Header (RFC 4385 section 5, RFC 5586 section 2): 0001,
    Version (4 bits), Reserved (8), Channel Type (16)."""
    return struct.pack("!BBH", 0x10 | (version & 0x0F), reserved, channel_type)


def mpls_inner4(n, dst=None):
    """IPv4 192.0.2.10 -> 198.51.100.20 (id 0xa000 + n, TTL 63) / UDP 40400 + n -> 9 /
    the 16-byte text payload: the packet most frames carry below the stack."""
    return (IP(src=V4_A, dst=dst or V4_B, id=0xA000 + n, ttl=63)
            / UDP(sport=40400 + n, dport=9) / Raw(text(16)))


def mpls_inner6(n):
    """IPv6 2001:db8:1::10 -> 2001:db8:2::20 (hop limit 63) / UDP 40400 + n -> 9 / text."""
    return IPv6(src=V6_A, dst=V6_B, hlim=63) / UDP(sport=40400 + n, dport=9) / Raw(text(16))


def mpls_eth(ethertype=ETH_MPLS):
    """Ethernet A -> B with an MPLS EtherType (0x8847 unless told)."""
    return eth(type=ethertype)


def p1_frame():
    """Vector P1: Linux LWT encap 100/200 of a local ping 10.0.0.1 -> 10.9.9.9 (58 octets)."""
    return (Ether(dst=MPLS_SPEC_DST, src=MPLS_SPEC_SRC, type=ETH_MPLS)
            / Raw(lse_stack((100, 64), (200, 64)))
            / IP(src="10.0.0.1", dst="10.9.9.9", id=0x1234, flags="DF", ttl=64)
            / ICMP(type=8, id=1234, seq=1) / Raw(b"abcdefgh"))


def p4_frame(gal_bos=1):
    """Vector P4: label 500 + GAL + ACH 0x0007 + BFD control (50 octets). With gal_bos=0
    the GAL's S bit is cleared (octet 20: 0xd1 -> 0xd0), the negative vector for R7."""
    bfd = struct.pack("!BBBBIIIII", 0x20, 0xC0, 3, 24, 1, 0, 1000000, 1000000, 0)
    return (Ether(dst=MPLS_SPEC_DST, src=MPLS_SPEC_SRC, type=ETH_MPLS)
            / Raw(mpls(500, 255, bos=0) + mpls(13, 1, bos=gal_bos) + ach(0x0007) + bfd))


def mpls_variants():
    pk = []

    # 1. P1 -- RFC 3032 section 2.1 two-entry stack (S=1 on the bottom only), the label
    #    stack Linux's mpls_iptunnel.c pushes (TTL = IP TTL 64, TC 0); payload found by the
    #    first nibble 4 (RFC 4928)
    pk.append(check_vector("P1", p1_frame(), whole_frame=True))

    # 2. P2 -- RFC 7510 section 3 MPLS-in-UDP over IPv4 (dst 6635, entropy source port
    #    54321, checksum 0), label 1000 TC 5 + ELI (7, S=0) + entropy label 0x5a5a5 at the
    #    bottom with TTL 0 (RFC 6790 section 4); IPv6/ICMPv6 echo inside (first nibble 6)
    p2 = (Ether(dst=MPLS_SPEC_DST, src=MPLS_SPEC_SRC)
          / IP(src="192.0.2.1", dst="192.0.2.2", id=1, flags="DF", ttl=64)
          / UDP(sport=54321, dport=MPLS_UDP_PORT, chksum=0)
          / Raw(lse_stack((1000, 63, 5), (7, 0, 5), (0x5A5A5, 0)))
          / IPv6(src="2001:db8::1", dst="2001:db8::2", hlim=63)
          / ICMPv6EchoRequest(id=7, seq=1, data=b"ping"))
    pk.append(check_vector("P2", p2, whole_frame=True))

    # 3. P3 -- RFC 4023 MPLS-in-GRE (protocol type 0x8847) carrying an Ethernet pseudowire
    #    (RFC 4448): PW label 2000 (S=1, TTL 255), control word with sequence number 1
    #    (RFC 4385 section 4: non-zero = sequencing used), customer Ethernet / IPv4 / UDP
    p3_inner = (Ether(dst="66:77:88:99:aa:bb", src="00:11:22:33:44:55")
                / IP(src="172.16.0.1", dst="172.16.0.2", id=0x2222, ttl=64)
                / UDP(sport=1234, dport=5678) / Raw(b"hi"))
    p3 = (Ether(dst=MPLS_SPEC_DST, src=MPLS_SPEC_SRC)
          / over_ip4("198.51.100.1", "198.51.100.2", 2, gre(
              ETH_MPLS, mpls(2000, 255) + control_word(seq=1) + bytes(p3_inner))))
    pk.append(check_vector("P3", p3, whole_frame=True))

    # 4. P4 -- RFC 5586 section 4: GAL (13) at the bottom (S=1, TTL 1), ACH version 0,
    #    channel type 0x0007 (BFD control without IP/UDP, RFC 5885), BFD Up, detect mult 3
    pk.append(check_vector("P4", p4_frame(), whole_frame=True))

    # 5. RFC 6790 section 4: entropy label in the middle of a stack -- transport 1000
    #    (S=0), ELI 7 (S=0, TTL 64 like the label above it), EL 0x12345 (>= 16, S=0, TTL 0,
    #    as RFC 6790 asks of an EL), service label 3000 (S=1); IPv4 / UDP inside
    pk.append(mpls_eth() / Raw(lse_stack((1000, 64), (7, 64), (0x12345, 0), (3000, 64)))
              / mpls_inner4(5))

    # 6. RFC 4385 section 5: PW-ACH instead of a control word -- transport 1001, PW label
    #    2001 (S=1, TTL 255), ACH 10 00 00 21 (version 0, reserved 0, channel type 0x0021
    #    IPv4, RFC 5085 VCCV) carrying IPv4 192.0.2.10 -> 127.0.0.1 (TTL 1) / UDP 49152 ->
    #    3503 / an MPLS echo request header (RFC 8029 section 3: version 1, reply mode 2,
    #    handle 1, sequence 1, no TLVs)
    echo = struct.pack("!HHBBBBII8s8s", 1, 0, 1, 2, 0, 0, 1, 1, b"\x00" * 8, b"\x00" * 8)
    pk.append(mpls_eth() / Raw(lse_stack((1001, 64), (2001, 255)) + ach(0x0021))
              / IP(src=V4_A, dst="127.0.0.1", id=0xA006, ttl=1)
              / UDP(sport=49152, dport=3503) / Raw(echo))

    # 7. RFC 7510 section 3 over IPv6: UDP 49153 -> 6635 with a real checksum (RFC 7510
    #    section 3, RFC 6935 / RFC 6936: zero only under conditions), label 1100 (S=1, TTL 63) /
    #    IPv4 / UDP
    pk.append(eth() / IPv6(src=V6_C, dst=V6_D, hlim=64)
              / UDP(sport=49153, dport=MPLS_UDP_PORT)
              / Raw(lse_stack((1100, 63))) / mpls_inner4(7))

    # 8. RFC 7510: UDP 49154 -> 6636 is MPLS-in-UDP *with DTLS* -- the payload is
    #    a DTLS 1.2 application-data record (content type 23, version fe fd, epoch 1,
    #    sequence 5, 32 octets), not a label stack (decoder rule R16). Read as an LSE its
    #    first four octets 17 fe fd 00 would be label 98287, S=1, TTL 0
    dtls = struct.pack("!BHH6sH", 23, 0xFEFD, 1, (5).to_bytes(6, "big"), 32) + pattern(32, 0x60)
    pk.append(eth() / IP(src=V4_C, dst=V4_D, id=0xA008, ttl=64)
              / UDP(sport=49154, dport=MPLS_UDP_DTLS_PORT) / Raw(dtls))

    # 9. RFC 4023 / RFC 5332: MPLS-in-GRE with protocol type 0x8848 (upstream-assigned
    #    label), label 1200 (S=1) / IPv4 / UDP
    pk.append(eth() / over_ip4(V4_C, V4_D, 0xA009, gre(
        ETH_MPLS_UPSTREAM, lse_stack((1200, 64)) + bytes(mpls_inner4(9)))))

    # 10. RFC 4023 + RFC 2890: GRE with a key (0x00000064) and protocol type 0x8847,
    #     two labels 1300 / 1301 / IPv6 / UDP
    pk.append(eth() / over_ip4(V4_C, V4_D, 0xA00A, gre(
        ETH_MPLS, lse_stack((1300, 64), (1301, 64)) + bytes(mpls_inner6(10)), key=0x00000064)))

    # 11. RFC 4023 section 2: MPLS-in-IP, IPv4 protocol 137, labels 1400 / 1401 / IPv4 / UDP
    pk.append(eth() / IP(src=V4_C, dst=V4_D, id=0xA00B, ttl=64, proto=IP_PROTO_MPLS)
              / Raw(lse_stack((1400, 63), (1401, 63))) / mpls_inner4(11))

    # 12. RFC 4023 section 2: MPLS-in-IP over IPv6, next header 137, label 1402 / IPv6 / UDP
    pk.append(eth() / IPv6(src=V6_C, dst=V6_D, hlim=64, nh=IP_PROTO_MPLS)
              / Raw(lse_stack((1402, 63))) / mpls_inner6(12))

    # 13. RFC 4448 section 4.6 / RFC 4385 section 4: Ethernet PW with control word,
    #     sequence number 65535 (the last before the wrap to 1) -- transport 1001, PW 2002
    #     (S=1, TTL 255), customer Ethernet / IPv4 / UDP. (tshark 4.0's Ethernet PW
    #     heuristic takes the payload for an Ethernet frame without control word when the
    #     octets 0-2 and 6-8 after the stack are both registered OUIs; with a control word
    #     those are 00 00 <sequence high octet> and octets 2-4 of the customer destination
    #     MAC, hence PW_MAC_DST.)
    pk.append(mpls_eth() / Raw(lse_stack((1001, 64), (2002, 255)) + control_word(seq=65535))
              / Ether(dst=PW_MAC_DST, src=PW_MAC_SRC) / mpls_inner4(13))

    # 14. RFC 3032 section 2.1, no protocol limit on depth: 30 labels (Linux's maximum,
    #     MAX_NEW_LABELS in net/mpls/internal.h), 10001..10030, TTL 64 / IPv4 / UDP
    pk.append(mpls_eth() / Raw(lse_stack(*[(10001 + i, 64) for i in range(30)]))
              / mpls_inner4(14))

    # 15. 33 labels, 20001..20033: one deeper than the decoder's default bound 32 (decoder rule R2)
    pk.append(mpls_eth() / Raw(lse_stack(*[(20001 + i, 64) for i in range(33)]))
              / mpls_inner4(15))

    # 16. RFC 3032 section 2.1: IPv6 Explicit NULL (2) alone at the bottom -> IPv6 / UDP
    pk.append(mpls_eth() / Raw(lse_stack((2, 64))) / mpls_inner6(16))

    # 17. RFC 3032 section 2.1: IPv4 Explicit NULL (0) at the bottom under label 1500 ->
    #     IPv4 / UDP
    pk.append(mpls_eth() / Raw(lse_stack((1500, 64), (0, 64))) / mpls_inner4(17))

    # 18. RFC 4182: IPv4 Explicit NULL (0) NOT at the bottom (allowed since RFC
    #     4182), label 1501 below it / IPv4 / UDP
    pk.append(mpls_eth() / Raw(lse_stack((0, 64), (1501, 64))) / mpls_inner4(18))

    # 19. RFC 3032 section 2.1: Router Alert (1) at the top of a 2-label stack (S=0),
    #     label 1502 below it / IPv4 / UDP
    pk.append(mpls_eth() / Raw(lse_stack((1, 64), (1502, 64))) / mpls_inner4(19))

    # 20. RFC 3032 section 2.1: Implicit NULL (3) on the wire, alone (S=1) -- never valid in
    #     a packet; a strict receiver rejects it (decoder rule R3) / IPv4 / UDP
    pk.append(mpls_eth() / Raw(lse_stack((3, 64))) / mpls_inner4(20))

    # 21. RFC 5586 section 4: GAL with S=0 (decoder rule R7) -- vector P4 with octet 20 changed
    #     0xd1 -> 0xd0, so the ACH 10 00 00 07 reads as an LSE (label 65536, S=0, TTL 7)
    #     and the BFD octets 20 c0 03 18 as the bottom LSE (label 134144, TC 1, S=1,
    #     TTL 24)
    p21 = p4_frame(gal_bos=0)
    assert bytes(p21)[20] == 0xD0 and bytes(p21)[:20] == bytes(p4_frame())[:20]
    pk.append(p21)

    # 22. RFC 6790 section 4: ELI (7) at the bottom (S=1, TTL 0) -- no entropy label
    #     follows (decoder rule R5); label 1503 above it / IPv4 / UDP
    pk.append(mpls_eth() / Raw(lse_stack((1503, 64), (7, 0))) / mpls_inner4(22))

    # 23. RFC 4385 section 3: preferred control word whose Length field is set because
    #     the MPLS payload (CW + PW payload) is shorter than 64 octets: Length 34, sequence
    #     7, on a PPP pseudowire (RFC 4618: the PPP frame without address, control and FCS,
    #     i.e. protocol 0x0021 + IPv4 / ICMP echo, 30 octets) -- transport 1001, PW label
    #     4004 (S=1, TTL 255); the frame is then 56 octets, so 4 zero octets of Ethernet
    #     padding follow the PW payload to reach the 60-octet minimum
    ppp_payload = struct.pack("!H", 0x0021) + bytes(
        IP(src="10.0.0.1", dst="10.0.0.2", id=0xA017, ttl=64) / ICMP(id=0x0017, seq=1))
    cw23 = control_word(seq=7, length=4 + len(ppp_payload))
    assert len(ppp_payload) == 30 and cw23 == bytes.fromhex("00220007")
    f23 = bytes(mpls_eth() / Raw(lse_stack((1001, 64), (4004, 255)) + cw23 + ppp_payload))
    assert len(f23) == 56
    pk.append(f23 + b"\x00" * 4)

    # 24. RFC 3032 section 5 / RFC 5332: EtherType 0x8848 at the link layer, label 1700
    #     (S=1) / IPv4 / UDP
    pk.append(mpls_eth(ETH_MPLS_UPSTREAM) / Raw(lse_stack((1700, 64))) / mpls_inner4(24))

    # 25. IEEE 802.1Q tag (VLAN 300, priority 0) with type 0x8847, label 1600 (S=1) /
    #     IPv4 / UDP
    pk.append(eth() / Dot1Q(vlan=300, type=ETH_MPLS) / Raw(lse_stack((1600, 64)))
              / mpls_inner4(25))

    # 26. RFC 4448 / RFC 4928: Ethernet PW WITHOUT control word whose customer
    #     destination MAC 46:00:5e:20:00:02 starts with nibble 4 -- the ambiguity the first
    #     nibble heuristic faces: as IPv4, "total length" (octets 2-3 of the MAC) would be
    #     0x5e20 = 24096, more than the frame holds, so a length check refuses IPv4. Transport 1001, PW 2005 (S=1, TTL 255) / Ethernet /
    #     IPv4 / UDP
    pk.append(mpls_eth() / Raw(lse_stack((1001, 64), (2005, 255)))
              / Ether(dst="46:00:5e:20:00:02", src=PW_MAC_SRC) / mpls_inner4(26))

    # 27. RFC 7274 section 3: Extension Label (15, S=0) followed by the extended
    #     special-purpose label 240 (S=0; eSPL values 240-255 are for experimental use),
    #     the pair meaning one special-purpose label; label 1505 (S=1) below /
    #     IPv4 / UDP
    pk.append(mpls_eth() / Raw(lse_stack((15, 64), (240, 64), (1505, 64))) / mpls_inner4(27))

    # -- add new cases above this line; keep the truncated frame last --
    # 28. decoder rule R1: P1 cut by the snap length at octet 20, inside the second LSE
    #     (2 of its 4 octets captured; the wire length is P1's 58)
    pk.append(Rec(p1_frame(), caplen=20))

    return pk


# --------------------------------------------------------------------------
# vxlan-variants.pcap

VXLAN_PORT = 4789                     # RFC 7348 section 5 (IANA)
VXLAN_GPE_PORT = 4790                 # draft-ietf-nvo3-vxlan-gpe section 3.3 (IANA)
GENEVE_PORT = 6081                    # RFC 8926 section 3.3 (IANA)
VXLAN_I = 0x0800                      # first 16 bits: I, VNI valid (RFC 7348 section 5)
VXLAN_G = 0x8000                      # draft-smith-vxlan-group-policy: Group Policy ID present
VXLAN_D = 0x0040                      # ... Don't Learn
VXLAN_A = 0x0008                      # ... Policy Applied
GPE_I = 0x08                          # VXLAN-GPE flags octet (draft-ietf-nvo3-vxlan-gpe section 3.2)
GPE_P = 0x04                          # ... Next Protocol present
GPE_O = 0x01                          # ... OAM
GPE_IPV4, GPE_IPV6, GPE_ETHERNET, GPE_NSH, GPE_MPLS = 1, 2, 3, 4, 5
GENEVE_O = 0x80                       # second octet of Geneve (RFC 8926 section 3.4): OAM
GENEVE_C = 0x40                       # ... critical options present
GENEVE_CRITICAL = 0x80                # high bit of an option's Type (RFC 8926 section 3.5)
GENEVE_CLASS_EXP = 0xFFFF             # option class in the experimental range 0xFFF0-0xFFFF
VX_MAC_SRC = "02:00:5e:30:00:01"      # inner (tenant) Ethernet of the VXLAN, GPE and Geneve frames
VX_MAC_DST = "02:00:5e:30:00:02"


def vxlan(vni, flags=VXLAN_I, word=0, reserved=0):
    """The 8-octet VXLAN header (RFC 7348 section 5): 16 flag bits (I = 0x0800; with the
    group policy extension also G, D and A), the next 16 bits (reserved in RFC 7348, the
    Group Policy ID with G), the 24-bit VNI and the last reserved octet."""
    return struct.pack("!HHI", flags, word, (vni << 8) | reserved)


def vxlan_gpe(next_protocol, vni, flags=GPE_I | GPE_P, reserved16=0, reserved=0):
    """The 8-octet VXLAN-GPE header (draft-ietf-nvo3-vxlan-gpe section 3.2): flags octet
    (Ver, I, P, B, O), 16 reserved bits, Next Protocol, VNI, reserved octet."""
    return struct.pack("!BHBI", flags, reserved16, next_protocol, (vni << 8) | reserved)


def geneve_option(cls, typ, data=b"", flags=0, length=None):
    """One Geneve option TLV (RFC 8926 section 3.5): Option Class, Type (high bit = critical),
    3 reserved bits + 5-bit Length in 4-octet units (of the data only), data. ``length``
    overrides the Length field."""
    assert len(data) % 4 == 0 and len(data) <= 124
    n = len(data) // 4 if length is None else length
    return struct.pack("!HBB", cls, typ, (flags << 5) | n) + data


def geneve(protocol, vni, options=b"", version=0, flags=0, reserved=0, opt_len=None):
    """The Geneve header (RFC 8926 section 3.4): Ver (2 bits), Opt Len (6 bits, 4-octet units),
    O, C, 6 reserved bits, Protocol Type, VNI, reserved octet, then the options. ``opt_len``
    overrides the Opt Len field."""
    assert len(options) % 4 == 0 and len(options) <= 252
    n = len(options) // 4 if opt_len is None else opt_len
    return struct.pack("!BBHI", (version << 6) | n, flags, protocol, (vni << 8) | reserved) + options


def vx_inner4(n):
    """IPv4 192.0.2.10 -> 198.51.100.20 (id 0xb000 + n, TTL 63) / UDP (40500 + n) -> 9 / the
    16-octet text: the packet most frames carry inside the tunnel."""
    return (IP(src=V4_A, dst=V4_B, id=0xB000 + n, ttl=63)
            / UDP(sport=40500 + n, dport=9) / Raw(text(16)))


def vx_inner6(n):
    """IPv6 2001:db8:1::10 -> 2001:db8:2::20 (hop limit 63) / UDP (40500 + n) -> 9 / text."""
    return IPv6(src=V6_A, dst=V6_B, hlim=63) / UDP(sport=40500 + n, dport=9) / Raw(text(16))


def vx_frame(n):
    """The tenant Ethernet frame 02:00:5e:30:00:01 -> 02:00:5e:30:00:02 / vx_inner4(n)."""
    return Ether(dst=VX_MAC_DST, src=VX_MAC_SRC) / vx_inner4(n)


def vx_udp4(n, dport, payload, checksum=True):
    """Outer Ethernet A -> B / IPv4 203.0.113.1 -> .2 (id 0xb100 + n) / UDP (49152 + n, the
    entropy source port of RFC 7348 section 5) -> dport / payload; UDP checksum 0 unless
    ``checksum`` (RFC 7348 section 5: SHOULD be zero over IPv4; RFC 8926 section 3.3 allows
    either)."""
    udp = UDP(sport=49152 + n, dport=dport) if checksum else UDP(sport=49152 + n, dport=dport, chksum=0)
    return eth() / IP(src=V4_C, dst=V4_D, id=0xB100 + n, ttl=64) / udp / Raw(bytes(payload))


def vx_udp6(n, dport, payload):
    """Outer Ethernet A -> B / IPv6 2001:db8:ffff::1 -> ::2 / UDP (49152 + n) -> dport with a
    computed checksum (zero is allowed over IPv6 only under RFC 6935 / RFC 6936) / payload."""
    return (eth() / IPv6(src=V6_C, dst=V6_D, hlim=64) / UDP(sport=49152 + n, dport=dport)
            / Raw(bytes(payload)))


def nsh_md2(next_protocol, spi, si, ttl=63):
    """An 8-octet NSH (RFC 8300 section 2.2): version 0, O 0, TTL, Length 2 (no context
    headers), MD Type 2, Next Protocol; Service Path Identifier and Service Index."""
    return struct.pack("!HBBI", (ttl << 6) | 2, 0x02, next_protocol, (spi << 8) | si)


def vxlan_variants():
    pk = []

    # 1-3. RFC 7348 section 5: I set (flags 0x08), VNI 0, 1 and 0xffffff (16777215, the
    #      largest); UDP checksum 0; tenant Ethernet / IPv4 / UDP
    for n, vni in ((1, 0), (2, 1), (3, 0xFFFFFF)):
        pk.append(vx_udp4(n, VXLAN_PORT, vxlan(vni) + bytes(vx_frame(n)), checksum=False))

    # 4. RFC 7348 section 5: I clear (flags 0x00) with VNI 100 in the field: "The I flag
    #    MUST be set to 1 for a valid VXLAN Network ID (VNI)", so a receiver has no valid VNI
    pk.append(vx_udp4(4, VXLAN_PORT, vxlan(100, flags=0) + bytes(vx_frame(4)), checksum=False))

    # 5. draft-smith-vxlan-group-policy section 2.1 (VXLAN-GBP, Linux's VXLAN_F_GBP, OVS): G, I, D
    #    and A set (flags 0x8848, as in pcpp-Vxlan1), Group Policy ID 0x1234 = 4660, VNI 200
    pk.append(vx_udp4(5, VXLAN_PORT, vxlan(200, flags=VXLAN_G | VXLAN_I | VXLAN_D | VXLAN_A,
                                          word=0x1234) + bytes(vx_frame(5)), checksum=False))

    # 6. RFC 7348 section 5 "reserved ... MUST be set to zero on transmission and ignored on
    #    receipt": every reserved bit of the first octet set (0x77 | I = 0x7f: includes
    #    VXLAN-GPE's P bit 0x04), the second octet's reserved bits set (0xb7: all but GBP's D
    #    and A), the next 16 bits 0xabcd, the last octet 0xee; G clear; VNI 300
    pk.append(vx_udp4(6, VXLAN_PORT, vxlan(300, flags=0x7FB7, word=0xABCD, reserved=0xEE)
                      + bytes(vx_frame(6)), checksum=False))

    # 7. VXLAN-GPE's P bit on the VXLAN port: flags 0x0c (I + P) and octet 3 = 0x03 (GPE's
    #    "Ethernet"), as Linux sends with VXLAN_F_GPE on 4789 (the shared captures
    #    zeek-vxlan-triple-v2 and arkime-gre-erspan-vxlan have flags 0x0c too); VNI 400
    pk.append(vx_udp4(7, VXLAN_PORT, vxlan(400, flags=0x0C00, word=GPE_ETHERNET) + bytes(vx_frame(7)),
                      checksum=False))

    # 8. RFC 7348 section 5 over an IPv6 outer header (the UDP checksum computed), VNI 500
    pk.append(vx_udp6(8, VXLAN_PORT, vxlan(500) + bytes(vx_frame(8))))

    # 9-13. draft-ietf-nvo3-vxlan-gpe section 3.2 on UDP 4790, flags 0x0c (I + P), VNI 1000 + n:
    #       Next Protocol 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH (RFC 8300: MD Type 2 without
    #       context headers, SPI 0x42, SI 255, next protocol IPv4), 5 MPLS (one label 3005,
    #       S=1, TTL 64, then IPv4 found by its first nibble)
    pk.append(vx_udp4(9, VXLAN_GPE_PORT, vxlan_gpe(GPE_IPV4, 1009) + bytes(vx_inner4(9)), checksum=False))
    pk.append(vx_udp4(10, VXLAN_GPE_PORT, vxlan_gpe(GPE_IPV6, 1010) + bytes(vx_inner6(10)),
                      checksum=False))
    pk.append(vx_udp4(11, VXLAN_GPE_PORT, vxlan_gpe(GPE_ETHERNET, 1011) + bytes(vx_frame(11)),
                      checksum=False))
    pk.append(vx_udp4(12, VXLAN_GPE_PORT, vxlan_gpe(GPE_NSH, 1012) + nsh_md2(1, 0x42, 255)
                      + bytes(vx_inner4(12)), checksum=False))
    pk.append(vx_udp4(13, VXLAN_GPE_PORT, vxlan_gpe(GPE_MPLS, 1013) + mpls(3005, 64)
                      + bytes(vx_inner4(13)), checksum=False))

    # 14. draft-ietf-nvo3-vxlan-gpe section 3.2: O bit set (flags 0x0d, an OAM packet), Next
    #     Protocol 1 IPv4, VNI 1014
    pk.append(vx_udp4(14, VXLAN_GPE_PORT, vxlan_gpe(GPE_IPV4, 1014, flags=GPE_I | GPE_P | GPE_O)
                      + bytes(vx_inner4(14)), checksum=False))

    # 15. RFC 8926 section 3.4: Geneve without options (Opt Len 0), Protocol Type 0x6558
    #     (Ethernet), VNI 0x000064 = 100; the outer UDP checksum computed in every Geneve frame
    pk.append(vx_udp4(15, GENEVE_PORT, geneve(ETH_TEB, 100) + bytes(vx_frame(15))))

    # 16. RFC 8926 section 3.5: one option, class 0xffff (experimental), type 0x01, 4 octets of
    #     data 0x01020304 (Opt Len 2)
    pk.append(vx_udp4(16, GENEVE_PORT, geneve(ETH_TEB, 101, geneve_option(
        GENEVE_CLASS_EXP, 0x01, bytes.fromhex("01020304"))) + bytes(vx_frame(16))))

    # 17. three options with data lengths 0, 4 and 8 (types 0x02, 0x03, 0x04; Opt Len 6)
    opts = (geneve_option(GENEVE_CLASS_EXP, 0x02)
            + geneve_option(GENEVE_CLASS_EXP, 0x03, pattern(4, 0x10))
            + geneve_option(GENEVE_CLASS_EXP, 0x04, pattern(8, 0x20)))
    pk.append(vx_udp4(17, GENEVE_PORT, geneve(ETH_TEB, 102, opts) + bytes(vx_frame(17))))

    # 18. the most options that fit: Opt Len 63 (252 octets, the 6-bit field's maximum):
    #     one option with 124 octets of data (Length 31, the 5-bit field's maximum, type
    #     0x05), 15 options of 4 octets (types 0x06..0x14) and one of 0 (type 0x15): 17
    #     options
    opts = geneve_option(GENEVE_CLASS_EXP, 0x05, pattern(124, 0x40))
    for i in range(15):
        opts += geneve_option(GENEVE_CLASS_EXP, 0x06 + i, pattern(4, 0x80 + 4 * i))
    opts += geneve_option(GENEVE_CLASS_EXP, 0x15)
    assert len(opts) == 252
    pk.append(vx_udp4(18, GENEVE_PORT, geneve(ETH_TEB, 103, opts) + bytes(vx_frame(18))))

    # 19. RFC 8926 sections 3.4 and 3.5: a critical option (type 0x86: critical bit + 0x06,
    #     4 octets of data) and the C bit set (flags 0x40), as a sender must when an option
    #     is critical
    pk.append(vx_udp4(19, GENEVE_PORT, geneve(ETH_TEB, 104, geneve_option(
        GENEVE_CLASS_EXP, GENEVE_CRITICAL | 0x06, bytes.fromhex("0a0b0c0d")), flags=GENEVE_C)
                      + bytes(vx_frame(19))))

    # 20-21. RFC 8926 section 3.4: Protocol Type 0x0800 (IPv4) and 0x86dd (IPv6) directly, no
    #        Ethernet
    pk.append(vx_udp4(20, GENEVE_PORT, geneve(ETH_IPV4, 105) + bytes(vx_inner4(20))))
    pk.append(vx_udp4(21, GENEVE_PORT, geneve(ETH_IPV6, 106) + bytes(vx_inner6(21))))

    # 22. RFC 8926 section 3.4: O bit set (flags 0x80, a control packet), Ethernet
    pk.append(vx_udp4(22, GENEVE_PORT, geneve(ETH_TEB, 107, flags=GENEVE_O) + bytes(vx_frame(22))))

    # 23. RFC 8926 section 3.4: C bit set (flags 0x40) with no option at all, Ethernet
    pk.append(vx_udp4(23, GENEVE_PORT, geneve(ETH_TEB, 108, flags=GENEVE_C) + bytes(vx_frame(23))))

    # 24. RFC 8926 section 3.4: Ver 1 ("packets with an unknown version MUST be dropped"
    #     by a receiver), otherwise as 16 (one option, Ethernet)
    pk.append(vx_udp4(24, GENEVE_PORT, geneve(ETH_TEB, 109, geneve_option(
        GENEVE_CLASS_EXP, 0x01, bytes.fromhex("01020304")), version=1) + bytes(vx_frame(24))))

    # 25. RFC 8926 section 3.4 over an IPv6 outer header, one option, Ethernet / IPv6
    pk.append(vx_udp6(25, GENEVE_PORT, geneve(ETH_TEB, 110, geneve_option(
        GENEVE_CLASS_EXP, 0x01, bytes.fromhex("01020304")))
                      + bytes(Ether(dst=VX_MAC_DST, src=VX_MAC_SRC) / vx_inner6(25))))

    # 26. malformed: Opt Len 2 (8 octets of options) but the one option's Length field says 5
    #     (20 octets of data), so the option overruns the options (RFC 8926 section 3.5); the
    #     8 octets are followed by the tenant Ethernet frame
    bad = struct.pack("!HBB", GENEVE_CLASS_EXP, 0x01, 5) + bytes.fromhex("01020304")
    pk.append(vx_udp4(26, GENEVE_PORT, geneve(ETH_TEB, 111, bad) + bytes(vx_frame(26))))

    # 27. malformed: Opt Len 63 (252 octets of options) but the UDP payload ends 12 octets
    #     after the 8-octet header: one well-formed 8-octet option (type 0x01, 4 octets of
    #     data) and 4 zero octets (an option header: class 0x0000, type 0, Length 0), then
    #     nothing (the options overrun the packet by 240 octets; no payload)
    short = geneve(ETH_TEB, 112, geneve_option(GENEVE_CLASS_EXP, 0x01, bytes.fromhex("01020304"))
                   + bytes.fromhex("00000000"), opt_len=63)
    assert len(short) == 20
    pk.append(vx_udp4(27, GENEVE_PORT, short))

    # -- add new cases above this line; keep the truncated frame last --
    # 28. frame 17 (three options, 132 octets) with another VNI and source port, cut by the snap
    #     length at octet 60: the 8-octet Geneve header (42-49) and the first option (50-53)
    #     are whole, the second option is cut after its header and 2 data octets (54-59 of 54-61)
    opts = (geneve_option(GENEVE_CLASS_EXP, 0x02)
            + geneve_option(GENEVE_CLASS_EXP, 0x03, pattern(4, 0x10))
            + geneve_option(GENEVE_CLASS_EXP, 0x04, pattern(8, 0x20)))
    pk.append(Rec(vx_udp4(28, GENEVE_PORT, geneve(ETH_TEB, 113, opts) + bytes(vx_frame(28))), caplen=60))

    return pk


# --------------------------------------------------------------------------
# lisp-data-variants.pcap: the LISP data plane (RFC 9300 section 5.3) and LISP-GPE (RFC 9305
# section 3) on UDP 4341. Headers are written with struct (lisp(), lisp_gpe()) so that every
# flag combination, including those a sender must not send, can be set.

LISP_DATA_PORT = 4341
LISP_N, LISP_L, LISP_E, LISP_V, LISP_I, LISP_P = 0x80, 0x40, 0x20, 0x10, 0x08, 0x04
LISP_RLOC4_A, LISP_RLOC4_B = "192.0.2.1", "198.51.100.2"
LISP_RLOC6_A, LISP_RLOC6_B = "2001:db8::1", "2001:db8::2"
LISP_EID4_A, LISP_EID4_B = "10.1.0.1", "10.2.0.1"
LISP_EID6_A, LISP_EID6_B = "2001:db8:a::1", "2001:db8:b::1"

# Vectors of the LISP data plane, whole outer IP packets, decoded field for field by tshark
# 4.0.17 (RFC 9300 section 5.3 layouts; D4 and D7 are LISP-GPE, RFC 9305 section 3).
LISP_VECTORS = {
    "D1": ("45b800440100400040114cbac0000201c6336402c0a810f500300000c0abcdef0000000345b800200001000040016620"
           "0a0100010a0200010800192d0001000170696e67"),
    "D2": ("450000540101000040118d61c0000201c6336402c73810f500400000c8123456000a0b016000000000083a4020010db8"
           "000a0000000000000000000120010db8000b000000000000000000018000243200010001"),
    "D3": ("60000000002c114020010db800000000000000000000000120010db8000000000000000000000002ea6110f5002c0000"
           "1800500a000064004500001c000200003f0167db0a0100010a0200010800f7fc00020001"),
    "D4": ("4500004e0102000040118d66c0000201c6336402c3cb10f5003a00008c1234030000c80000005e00530200005e005301"
           "08004500001c00010000400166cc0a0900010a0900020800f7ff00000000"),
    "D7": ("450000400107000040118d6fc0000201c6336402c65910f5002c00004c000001001388034500001c00070000400166d6"
           "0a0100010a0200010800f7f700070001"),
}


def lisp_vector(name):
    return bytes.fromhex(LISP_VECTORS[name])


def lisp(flags, field=0, second=0):
    """The 8-octet LISP data header: flags octet, bits 8-31, second word."""
    return struct.pack("!BBHI", flags, field >> 16, field & 0xFFFF, second)


def lisp_gpe(next_protocol, flags=LISP_P, reserved=0, second=0):
    """The 8-octet LISP-GPE header: flags octet (P set), bits 8-23, Next Protocol, second word."""
    return struct.pack("!BHBI", flags, reserved, next_protocol, second)


def lisp_icmp4(n, ttl=64):
    return bytes(IP(src=LISP_EID4_A, dst=LISP_EID4_B, id=0x100 + n, ttl=ttl) / ICMP(id=n, seq=1) / Raw(text(8)))


def lisp_icmp6(n):
    return bytes(IPv6(src=LISP_EID6_A, dst=LISP_EID6_B, hlim=64) / ICMPv6EchoRequest(id=n, seq=1) / Raw(text(8)))


def lisp_udp4(n, payload):
    """IPv4 outer header (RLOCs), UDP (49152 + n) -> 4341 with checksum 0 (RFC 9300 section 5.3)."""
    return eth() / IP(src=LISP_RLOC4_A, dst=LISP_RLOC4_B, id=0x4000 + n) / UDP(
        sport=49152 + n, dport=LISP_DATA_PORT, chksum=0) / Raw(payload)


def lisp_udp6(n, payload):
    """IPv6 outer header (RLOCs), UDP (49152 + n) -> 4341 with the checksum computed."""
    return eth() / IPv6(src=LISP_RLOC6_A, dst=LISP_RLOC6_B, hlim=64) / UDP(
        sport=49152 + n, dport=LISP_DATA_PORT) / Raw(payload)


def lisp_data_variants():
    pk = []
    v4 = lambda b: Ether(dst=MAC_B, src=MAC_A, type=0x0800) / Raw(b)  # noqa: E731
    v6 = lambda b: Ether(dst=MAC_B, src=MAC_A, type=0x86DD) / Raw(b)  # noqa: E731

    # 1. vector D1: IPv4 / IPv4, N and L (flags 0xc0), Nonce 0xabcdef, 32 Locator-Status-Bits 3
    pk.append(v4(lisp_vector("D1")))
    # 2. vector D2: IPv4 / IPv6, N, L and I (0xc8), Nonce 0x123456, Instance ID 2571, LSB 0x01
    pk.append(v4(lisp_vector("D2")))
    # 3. vector D3: IPv6 / IPv4 with UDP checksum 0 (RFC 6935 / RFC 6936 tunnel exception), V and I
    #    (0x18): Source Map-Version 5, Destination Map-Version 10, Instance ID 100, L clear
    pk.append(v6(lisp_vector("D3")))
    # 4. vector D3b: as 3 with the UDP checksum computed (0xdcbf)
    d3b = bytearray(lisp_vector("D3"))
    d3b[0x2E:0x30] = bytes.fromhex("dcbf")
    pk.append(v6(bytes(d3b)))
    # 5. N, E and V together (0xb0), which a sender must not send (RFC 9300 section 5.3: "When
    #    this bit is set to 1, the N-bit MUST be 0"); a receiver reads 0x00abcd as a Nonce
    pk.append(lisp_udp4(5, lisp(LISP_N | LISP_E | LISP_V, 0x00ABCD) + lisp_icmp4(5)))
    # 6. E without N, with L (0x60): E is ignored; 32 Locator-Status-Bits 0x00000005
    pk.append(lisp_udp4(6, lisp(LISP_L | LISP_E, 0, 5) + lisp_icmp4(6)))
    # 7. vector D4: LISP-GPE (P, 0x8c with N and I), Next Protocol 3 (Ethernet), Instance ID 200,
    #    bits 8-23 0x1234: with P set N and bits 8-23 are ignored (RFC 9305 section 3)
    pk.append(v4(lisp_vector("D4")))
    # 8. vector D7: LISP-GPE, L, I and P (0x4c), Next Protocol 1 (IPv4), Instance ID 5000, LSB 3
    pk.append(v4(lisp_vector("D7")))
    # 9. no flag at all (0x00), every other bit 0, IPv4 inside
    pk.append(lisp_udp4(9, lisp(0) + lisp_icmp4(9)))
    # 10. I only (0x08), the largest Instance ID 0xffffff, IPv6 inside
    pk.append(lisp_udp4(10, lisp(LISP_I, 0, 0xFFFFFF00) + lisp_icmp6(10)))
    # 11. IPv6 outer, N and E (0xa0: echo-nonce request), Nonce 0x000001, IPv4 inside
    pk.append(lisp_udp6(11, lisp(LISP_N | LISP_E, 0x000001) + lisp_icmp4(11)))
    # 12. IPv6 outer, V (0x10): Source Map-Version 4095, Destination Map-Version 1, IPv6 inside
    pk.append(lisp_udp6(12, lisp(LISP_V, 0xFFF001) + lisp_icmp6(12)))
    # 13. L only (0x40), 32 Locator-Status-Bits 0xffffffff, IPv6 inside
    pk.append(lisp_udp4(13, lisp(LISP_L, 0, 0xFFFFFFFF) + lisp_icmp6(13)))
    # 14. N, L and I (0xc8), the largest Nonce 0xffffff, Instance ID 0, LSB 0xff; IPv6 outer,
    #     IPv6 inside
    pk.append(lisp_udp6(14, lisp(LISP_N | LISP_L | LISP_I, 0xFFFFFF, 0x000000FF) + lisp_icmp6(14)))
    # 15. V and I with L clear but the last octet 0x5a and the unused bits of a map-version 0
    #     (0x18): Map-Versions 0 and 0 ("no version", RFC 9302), Instance ID 1; the ignored LSB
    #     octet is kept
    pk.append(lisp_udp4(15, lisp(LISP_V | LISP_I, 0, 0x0000015A) + lisp_icmp4(15)))
    # 16. KK = 01 (RFC 8061: the payload is encrypted with key 1), N (0x81): 24 opaque octets
    #     that are not an IP packet (first nibble 9)
    pk.append(lisp_udp4(16, lisp(LISP_N | 0x01, 0x0A0B0C) + bytes([0x90 + i for i in range(24)])))
    # 17. P clear and a payload whose first nibble is neither 4 nor 6 (0x0...): not an RFC 9300
    #     payload, data
    pk.append(lisp_udp4(17, lisp(LISP_N, 0x000011) + bytes(16)))
    # 18. LISP-GPE over IPv6, I and P (0x0c), Next Protocol 2 (IPv6), Instance ID 7
    pk.append(lisp_udp6(18, lisp_gpe(2, LISP_P | LISP_I, 0, 7 << 8) + lisp_icmp6(18)))
    # 19. LISP-GPE, I and P (0x0c), Next Protocol 4 (NSH, RFC 8300: MD Type 2 without context
    #     headers, SPI 0x42, SI 255, next protocol IPv4), Instance ID 19
    pk.append(lisp_udp4(19, lisp_gpe(4, LISP_P | LISP_I, 0, 19 << 8) + nsh_md2(1, 0x42, 255) + lisp_icmp4(19)))
    # 20. LISP-GPE, P only (0x04), Next Protocol 0x7e (experimentation, RFC 9305 section 7),
    #     16 opaque octets
    pk.append(lisp_udp4(20, lisp_gpe(0x7E) + pattern(16, 0x40)))
    # 21. LISP-GPE, P, I, L (0x4c), Next Protocol 1 (IPv4), IPv6 outer, Instance ID 0xabcdef, LSB 0x81
    pk.append(lisp_udp6(21, lisp_gpe(1, LISP_P | LISP_I | LISP_L, 0, 0xABCDEF81) + lisp_icmp4(21)))
    # 22. malformed: a UDP payload of 5 octets, shorter than the 8-octet header (RFC 9300 section 5.1)
    pk.append(lisp_udp4(22, bytes.fromhex("c0abcdef00")))

    # -- add new cases above this line; keep the truncated frame last --
    # 23. frame 1's header (N, L) over IPv4 cut by the snap length at octet 46, inside the LISP
    #     header (42-49)
    pk.append(Rec(lisp_udp4(23, lisp(LISP_N | LISP_L, 0xABCDEF, 3) + lisp_icmp4(23)), caplen=46))
    return pk


# --------------------------------------------------------------------------

FILES = [
    # (file name, linktype, builder, base timestamp)
    ("core-layers.pcap", LINKTYPE_ETHERNET, core_layers, 1704067200),       # 2024-01-01T00:00:00Z
    ("core-truncated.pcap", LINKTYPE_ETHERNET, core_truncated, 1704067300),
    ("linktype-sll.pcap", LINKTYPE_LINUX_SLL, linktype_sll, 1704067400),
    ("linktype-sll2.pcap", LINKTYPE_LINUX_SLL2, linktype_sll2, 1704067500),
    ("linktype-raw.pcap", LINKTYPE_RAW, linktype_raw, 1704067600),
    ("linktype-null.pcap", LINKTYPE_NULL, lambda: null_like("little"), 1704067700),
    ("linktype-loop.pcap", LINKTYPE_LOOP, lambda: null_like("big"), 1704067800),
    ("tunneldump-sample.pcap", LINKTYPE_ETHERNET, tunneldump_sample, 1704067900),
    ("gre-variants.pcap", LINKTYPE_ETHERNET, gre_variants, 1704068000),
    ("stt-segments.pcap", LINKTYPE_ETHERNET, stt_segments_capture, 1704068100),
    ("mpls-variants.pcap", LINKTYPE_ETHERNET, mpls_variants, 1704068200),
    ("vxlan-variants.pcap", LINKTYPE_ETHERNET, vxlan_variants, 1704068300),
    ("lisp-data-variants.pcap", LINKTYPE_ETHERNET, lisp_data_variants, 1704068500),
]


def main():
    out_dir = capwire.output_path(capwire.CAPTURES)
    os.makedirs(out_dir, exist_ok=True)
    for name, linktype, builder, t0 in FILES:
        write_pcap(os.path.join(out_dir, name), linktype, builder(), t0)


if __name__ == "__main__":
    main()
