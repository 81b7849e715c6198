"""The plumbing the capture scripts share: big-endian fields, addresses, the Internet checksum,
the IPv4, IPv6, UDP and Ethernet headers, and the classic pcap file.

Plain python3 (struct and socket). The protocol layouts each capture is about (GRE, LISP, the
Mobility Header, WCCP, ...) stay in the script that writes the capture; this module only holds
what is the same in all of them. The scripts import it by name: they run as
``python3 testdata/scripts/X.py``, which puts this folder on sys.path.

pcap: the classic libpcap format, little-endian, microsecond timestamps, version 2.4,
thiszone 0, sigfigs 0 (https://wiki.wireshark.org/Development/LibpcapFileFormat).
"""
import os
import socket
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(HERE, "..", "src", "main", "resources", "org", "tunnelcodec", "testdata", "captures")

LINKTYPE_ETHERNET = 1
SNAPLEN = 262144
ETHERTYPE_IPV4 = 0x0800
ETHERTYPE_IPV6 = 0x86DD
IPPROTO_UDP = 17


# ------------------------------------------------------------------ fields (network byte order)

def u8(v):
    return struct.pack("!B", v)


def u16(v):
    return struct.pack("!H", v)


def u24(v):
    return struct.pack("!I", v)[1:]


def u32(v):
    return struct.pack("!I", v)


def u64(v):
    return struct.pack("!Q", v)


def a4(text):
    """The 4 octets of a dotted-quad IPv4 address."""
    return socket.inet_pton(socket.AF_INET, text)


def a6(text):
    """The 16 octets of a textual IPv6 address."""
    return socket.inet_pton(socket.AF_INET6, text)


# ------------------------------------------------------------------ the Internet checksum (RFC 1071)

def ones_sum(data):
    """Folded 16-bit one's-complement sum of data (a zero octet appended to an odd length),
    not complemented."""
    data = bytes(data)
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def inet_checksum(data):
    """RFC 1071 Internet checksum: the one's complement of the one's-complement sum."""
    return ~ones_sum(data) & 0xFFFF


def pseudo_header(src, dst, length, proto):
    """The pseudo-header of an upper-layer checksum, from textual addresses: IPv4 (RFC 768:
    source, destination, zero, protocol, length) or IPv6 (RFC 8200 section 8.1: source,
    destination, 32-bit length, three zero octets, next header)."""
    if ":" in src:
        return a6(src) + a6(dst) + u32(length) + b"\0\0\0" + u8(proto)
    return a4(src) + a4(dst) + b"\0" + u8(proto) + u16(length)


# ------------------------------------------------------------------ UDP, IPv4, IPv6, Ethernet

def udp(src, dst, sport, dport, payload):
    """UDP (RFC 768) with the checksum over the IPv4 or IPv6 pseudo-header (RFC 8200 section
    8.1); a computed 0 is sent as 0xFFFF."""
    length = 8 + len(payload)
    c = inet_checksum(pseudo_header(src, dst, length, IPPROTO_UDP) + u16(sport) + u16(dport) + u16(length)
                      + u16(0) + payload) or 0xFFFF
    return u16(sport) + u16(dport) + u16(length) + u16(c) + payload


def ipv4(src, dst, ident, payload, proto=IPPROTO_UDP, ttl=64):
    """A 20-octet IPv4 header (no options, TOS 0, flags and fragment offset 0) with its
    checksum, then payload."""
    header = (u8(0x45) + u8(0) + u16(20 + len(payload)) + u16(ident) + u16(0) + u8(ttl) + u8(proto) + u16(0)
              + a4(src) + a4(dst))
    return header[:10] + u16(inet_checksum(header)) + header[12:] + payload


def ipv6(src, dst, payload, next_header=IPPROTO_UDP, hlim=64):
    """A 40-octet IPv6 header (traffic class and flow label 0), then payload (extension headers
    included)."""
    return u32(6 << 28) + u16(len(payload)) + u8(next_header) + u8(hlim) + a6(src) + a6(dst) + payload


def udp_ip(src, dst, sport, dport, payload, ident=0):
    """IPv4 or IPv6 (by the form of the addresses) / UDP / payload."""
    segment = udp(src, dst, sport, dport, payload)
    return ipv6(src, dst, segment) if ":" in src else ipv4(src, dst, ident, segment)


def ethernet(dst, src, ethertype, payload):
    """An Ethernet II header (6-octet MAC addresses as bytes), then payload."""
    return dst + src + u16(ethertype) + payload


# ------------------------------------------------------------------ pcap

def output_path(default):
    """Where to write: the first command-line argument if there is one, else default."""
    return os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default)


def pcap_header(linktype=LINKTYPE_ETHERNET, snaplen=SNAPLEN):
    """The 24-octet global header."""
    return struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, linktype)


def pcap_record(ts_sec, ts_usec, data, wirelen=None):
    """A record header (timestamp, captured length, original length), then the captured octets."""
    return struct.pack("<IIII", ts_sec, ts_usec, len(data), len(data) if wirelen is None else wirelen) + data


def write_pcap(path, frames, t0, linktype=LINKTYPE_ETHERNET, snaplen=SNAPLEN, usec_step=1000, noun="frames"):
    """Writes a capture of the frames: frame i at t0 + i seconds and (i * usec_step) % 1000000
    microseconds. A frame is its octets, or (captured octets, original length) for a record cut
    by the snap length."""
    out = bytearray(pcap_header(linktype, snaplen))
    count = 0
    for i, frame in enumerate(frames):
        data, wirelen = frame if isinstance(frame, tuple) else (frame, None)
        out += pcap_record(t0 + i, (i * usec_step) % 1000000, data, wirelen)
        count += 1
    with open(path, "wb") as f:
        f.write(bytes(out))
    print("wrote %s (%d %s, %d bytes)" % (path, count, noun, len(out)))
