#!/usr/bin/env python3
"""Write a large pcap of mixed tunnel traffic, for throughput measurements.

    python3 testdata/scripts/make-large-capture.py [FRAMES [OUTPUT]]

FRAMES defaults to 1000000, OUTPUT to /tmp/tunnelcodec-large.pcap. Plain python3 and
struct, no scapy, so a million frames take seconds. Do not commit the output.

The file is a classic pcap (little-endian, microsecond timestamps, snaplen 262144,
LINKTYPE_ETHERNET). Frames repeat a cycle of seven, built from templates in which the
addresses, ports, identifiers, keys, sequence numbers and payload lengths change with the
frame number, so no two frames of a kind are equal:

  1. Ethernet / IPv4 / GRE with Key and Sequence Number (RFC 2890) / IPv4 / TCP
  2. Ethernet / IPv4 / GRE 0x883E / WCCPv2 redirect header / IPv4 / TCP SYN
  3. Ethernet / IPv4 / TCP to port 7471: first STT segment of a frame (draft-davie-stt-08)
  4. Ethernet / IPv4 / TCP to port 7471: second, last STT segment of the same frame
  5. Ethernet / IPv6 / UDP
  6. Ethernet / IPv6 / Hop-by-Hop (Router Alert, PadN) / UDP
  7. Ethernet / IPv4 / UDP to port 53: a DNS query for an A record

Every IPv4 header checksum, TCP and UDP checksum (outer and inner) is valid; GRE carries
no checksum. The STT frame is the 18-octet STT frame header (version 0, no flags, context
ID = the frame number) and an inner Ethernet / IPv4 / UDP frame; its segments carry
Frame Length and Segment Offset in the TCP sequence number and the Frame Identifier in the
acknowledgment number (draft-davie-stt-08 section 3.2), ACK on the first, ACK+PSH on
the last. TCP and UDP payloads go to the discard port 9 (the WCCP SYNs to port 80, DNS to 53)
from ports 49152-65535, so tshark does not guess other protocols from the ports.

Checked with TShark 4.0.17:

    tshark -r F -c 20 -V -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE \
        -o udp.check_checksum:TRUE
    tshark -r F -c 20 -V -o ip.try_heuristic_first:TRUE

The first validates every IPv4, TCP (outer STT segments included) and UDP checksum: all
Good, nothing malformed. The second decodes the STT segments as STT (a heuristic dissector
on TCP) and reassembles the inner frame. Do not add ``-o stt.check_checksum:TRUE``: tshark
4.0.17's STT dissector then reports "incorrect, should be 0x0000" for every segment, also
for the segments of the project's stt-segments.pcap whose checksums the TCP dissector
reports Good.

Timestamps start at 2024-01-01T00:00:00Z and advance 10 microseconds per frame.
"""

import struct
import sys

from capwire import LINKTYPE_ETHERNET, pcap_header

ETH_IPV4 = 0x0800
ETH_IPV6 = 0x86DD
ETH_WCCP = 0x883E
STT_PORT = 7471
DISCARD = 9  # RFC 863: no tshark dissector, so payloads show as data, not a guessed protocol

T0 = 1704067200


def csum(data):
    """Internet checksum (RFC 1071) of data, as the two bytes to store.

    The sum is taken in the machine's byte order, which RFC 1071 section 2(B) allows: the
    complemented sum stored in the same order is the right checksum on the wire."""
    if len(data) & 1:
        data = data + b"\x00"
    s = sum(memoryview(data).cast("H"))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return struct.pack("=H", ~s & 0xFFFF)


def ipv4(src, dst, proto, ipid, payload, ttl=64):
    """A 20-octet IPv4 header with a valid checksum, followed by payload."""
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ipid & 0xFFFF, 0x4000, ttl, proto, 0, src, dst)
    return h[:10] + csum(h) + h[12:] + payload


def l4_checksummed(pseudo, segment, at):
    """segment with the 16-bit checksum at offset `at` filled in over pseudo + segment."""
    c = csum(pseudo + segment)
    return segment[:at] + c + segment[at + 2:]


def tcp4(src, dst, sport, dport, seq, ack, flags, payload, window=65535):
    seg = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, flags, window, 0,
                      0) + payload
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(seg))
    return l4_checksummed(pseudo, seg, 16)


def udp4(src, dst, sport, dport, payload):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack("!BBH", 0, 17, len(seg))
    seg = l4_checksummed(pseudo, seg, 6)
    if seg[6:8] == b"\x00\x00":  # RFC 768: a computed 0 is sent as all ones
        seg = seg[:6] + b"\xff\xff" + seg[8:]
    return seg


def udp6(src, dst, sport, dport, payload):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack("!I3xB", len(seg), 17)
    seg = l4_checksummed(pseudo, seg, 6)
    if seg[6:8] == b"\x00\x00":
        seg = seg[:6] + b"\xff\xff" + seg[8:]
    return seg


def ipv6(src, dst, next_header, payload, flow, hlim=64):
    return struct.pack("!IHBB16s16s", (6 << 28) | (flow & 0xFFFFF), len(payload), next_header, hlim, src,
                       dst) + payload


def eth(dst, src, ethertype, payload):
    return dst + src + struct.pack("!H", ethertype) + payload


PAYLOAD = bytes(range(256)) * 8  # a counting pattern to slice payloads from


def payload(i, base, spread):
    n = base + (i * 7) % spread
    o = i % 256
    return PAYLOAD[o:o + n]


def ephemeral(i, k):
    """A source port in the dynamic range 49152-65535 (RFC 6335), varying with the frame."""
    return 49152 + (i * k) % 16384


def v4(a, b, c, d):
    return bytes((a, b, c, d))


def mac(kind, i):
    return struct.pack("!BBI", 0x02, kind, i & 0xFFFFFFFF)


# -------------------------------------------------------------------- the templates


def gre_key_seq(i):
    """Ethernet / IPv4 / GRE (K, S) / IPv4 / TCP."""
    in_src = v4(10, 1, (i >> 8) & 0xFF, i & 0xFF)
    in_dst = v4(10, 2, (i >> 16) & 0xFF, (i * 3) & 0xFF)
    tcp = tcp4(in_src, in_dst, ephemeral(i, 1), DISCARD, i * 1460, i * 17, 0x18, payload(i, 40, 200))
    inner = ipv4(in_src, in_dst, 6, i, tcp, ttl=63)
    gre = struct.pack("!HHII", 0x3000, ETH_IPV4, (i * 2654435761) & 0xFFFFFFFF, i & 0xFFFFFFFF) + inner
    outer = ipv4(v4(203, 0, 113, 1 + i % 200), v4(203, 0, 113, 254), 47, i, gre)
    return eth(mac(1, i), mac(2, i), ETH_IPV4, outer)


def gre_wccp(i):
    """Ethernet / IPv4 / GRE 0x883E / WCCPv2 redirect header (D; service 90) / IPv4 / TCP SYN."""
    client = v4(198, 51, 100, 1 + i % 250)
    server = v4(192, 0, 2, 1 + (i >> 3) % 250)
    syn = tcp4(client, server, ephemeral(i, 13), 80, i * 7919, 0, 0x02, b"", window=64240)
    inner = ipv4(client, server, 6, i, syn, ttl=63)
    redirect = bytes((0x01, 90, 0, i & 0x7F))  # D (dynamic service), service 90, alt bucket 0, primary bucket
    gre = struct.pack("!HH", 0, ETH_WCCP) + redirect + inner
    outer = ipv4(v4(192, 0, 2, 254), v4(192, 0, 2, 10 + i % 4), 47, i, gre, ttl=255)
    return eth(mac(3, i), mac(4, i), ETH_IPV4, outer)


def stt_segments(i):
    """Two Ethernet / IPv4 / TCP (port 7471) frames: the segments of one STT frame."""
    in_src = v4(10, 0, (i >> 8) & 0xFF, i & 0xFF)
    in_dst = v4(10, 0, 200, (i * 5) & 0xFF)
    udp = udp4(in_src, in_dst, ephemeral(i, 5), DISCARD, payload(i, 500, 400))
    inner = eth(b"\x02\x00\x00\x00\x0b\x02", b"\x02\x00\x00\x00\x0b\x01", ETH_IPV4,
                ipv4(in_src, in_dst, 17, i, udp))
    # version 0, flags 0, L4 offset 0, reserved, MSS 0, PCP/V/VLAN 0, context ID, padding
    frame = struct.pack("!BBBBHHQH", 0, 0, 0, 0, 0, 0, i, 0) + inner
    length = len(frame)
    cut = 400
    src = v4(192, 0, 2, 1 + i % 100)
    dst = v4(192, 0, 2, 200)
    sport = ephemeral(i, 31)  # STT: flow entropy, the same in both segments
    out = []
    for n, (off, last) in enumerate(((0, False), (cut, True))):
        data = frame[off:cut] if not last else frame[cut:]
        seg = tcp4(src, dst, sport, STT_PORT, (length << 16) | off, i, 0x18 if last else 0x10, data)
        out.append(eth(mac(5, i), mac(6, i), ETH_IPV4, ipv4(src, dst, 6, 2 * i + n, seg)))
    return out


def ipv6_udp(i):
    """Ethernet / IPv6 / UDP."""
    src = struct.pack("!QQ", 0x20010DB800010000, i)
    dst = struct.pack("!QQ", 0x20010DB800020000, (i * 11) & 0xFFFFFFFF)
    udp = udp6(src, dst, ephemeral(i, 3), DISCARD, payload(i, 24, 200))
    return eth(mac(7, i), mac(8, i), ETH_IPV6, ipv6(src, dst, 17, udp, i))


def ipv6_hbh_udp(i):
    """Ethernet / IPv6 / Hop-by-Hop (Router Alert 0, PadN) / UDP."""
    src = struct.pack("!QQ", 0x20010DB800030000, i)
    dst = struct.pack("!QQ", 0x20010DB800040000, (i * 13) & 0xFFFFFFFF)
    udp = udp6(src, dst, ephemeral(i, 7), DISCARD, payload(i, 16, 100))
    hbh = bytes((17, 0, 0x05, 0x02, 0x00, 0x00, 0x01, 0x00))  # next UDP, 8 octets: Router Alert, PadN(2)
    return eth(mac(9, i), mac(10, i), ETH_IPV6, ipv6(src, dst, 0, hbh + udp, i))


def dns_query(i):
    """Ethernet / IPv4 / UDP / DNS query, A record of hostN.example.com."""
    labels = [b"host%d" % (i % 100000), b"example", b"com"]
    qname = b"".join(bytes((len(x),)) + x for x in labels) + b"\x00"
    dns = struct.pack("!HHHHHH", i & 0xFFFF, 0x0100, 1, 0, 0, 0) + qname + struct.pack("!HH", 1, 1)
    src = v4(192, 0, 2, 1 + i % 250)
    dst = v4(198, 51, 100, 53)
    udp = udp4(src, dst, ephemeral(i, 17), 53, dns)
    return eth(mac(11, i), mac(12, i), ETH_IPV4, ipv4(src, dst, 17, i, udp))


def frames():
    i = 0
    while True:
        yield gre_key_seq(i)
        yield gre_wccp(i)
        yield from stt_segments(i)
        yield ipv6_udp(i)
        yield ipv6_hbh_udp(i)
        yield dns_query(i)
        i += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/tunnelcodec-large.pcap"
    record = struct.Struct("<IIII")
    with open(path, "wb") as f:
        f.write(pcap_header(LINKTYPE_ETHERNET, 262144))
        chunk = []
        for k, frame in enumerate(frames()):
            if k == n:
                break
            usec = k * 10
            chunk.append(record.pack(T0 + usec // 1_000_000, usec % 1_000_000, len(frame), len(frame)))
            chunk.append(frame)
            if len(chunk) >= 20000:
                f.write(b"".join(chunk))
                chunk.clear()
        f.write(b"".join(chunk))
    print("%s: %d frames" % (path, n))


if __name__ == "__main__":
    main()
