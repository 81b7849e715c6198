#!/usr/bin/python3
"""Generate the tunnelcodec project's own test captures.

Run from the repository root with Debian's Python (the one that has scapy 2.5):

    /usr/bin/python3 testdata/scripts/make-captures.py

The output is deterministic: every address, port, identifier, sequence number,
payload byte and timestamp is fixed here, and the pcap files are written by
hand (classic libpcap format, little-endian, microsecond timestamps, snaplen
262144), so rerunning the script gives byte-identical files.

Files are written to
testdata/src/main/resources/org/tunnelcodec/testdata/captures/
(or to the folder given as the first argument).

To add a case to a capture, append a builder to the list of that capture
(see ``tunneldump_sample()``): each entry is a packet (or raw bytes), optionally
as a ``Rec`` carrying an original (wire) length larger than the captured bytes.
"""

import os
import struct
import sys

from scapy.all import (  # noqa: F401  (scapy 2.5, Debian package python3-scapy)
    IP, IPv6, UDP, TCP, Ether, Dot1Q, Dot1AD, Raw, CookedLinux, CookedLinuxV2,
    IPOption_RR, IPOption_NOP, IPOption_EOL,
    IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt, IPv6ExtHdrRouting, IPv6ExtHdrFragment,
    RouterAlert, PadN,
)

# --------------------------------------------------------------------------
# Link types (pcap LINKTYPE_* values)
LINKTYPE_NULL = 0
LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101
LINKTYPE_LOOP = 108
LINKTYPE_LINUX_SLL = 113
LINKTYPE_LINUX_SLL2 = 276

SNAPLEN = 262144

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
    """Write a classic little-endian pcap with fixed timestamps.

    Packet i gets timestamp t0 + i seconds + i*1000 microseconds.
    """
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, SNAPLEN, linktype))
    for i, p in enumerate(packets):
        rec = p if isinstance(p, Rec) else Rec(p)
        ts_sec = t0 + i
        ts_usec = (i * 1000) % 1000000
        # keep scapy's notion of time in line with what is written
        if hasattr(p, "time"):
            p.time = ts_sec + ts_usec / 1e6
        out += struct.pack("<IIII", ts_sec, ts_usec, len(rec.data), rec.wirelen)
        out += rec.data
    with open(path, "wb") as f:
        f.write(bytes(out))
    print("wrote %s (%d packets, %d bytes)" % (path, len(packets), len(out)))


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
        # -- add new tunnel types above this line; keep the truncated frame last --
        # snaplen-truncated: 60 bytes captured of a 14 + 152 byte frame
        lambda: Rec(truncated_tcp(sport=51531, ipid=0x8007), caplen=60),
    ]
    return [c() for c in cases]


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
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "src", "main", "resources", "org", "tunnelcodec",
                               "testdata", "captures")
    out_dir = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default_out)
    os.makedirs(out_dir, exist_ok=True)
    for name, linktype, builder, t0 in FILES:
        write_pcap(os.path.join(out_dir, name), linktype, builder(), t0)


if __name__ == "__main__":
    main()
