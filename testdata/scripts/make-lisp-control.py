#!/usr/bin/env python3
"""Writes lisp-control-variants.pcap: LISP control messages (UDP 4342) built by hand.

Independent of the Java code: every message and address is assembled here octet by octet with
struct, following the figures of RFC 9301 section 5 (Map-Request 5.2, Map-Reply 5.4,
Map-Register 5.6, Map-Notify and Map-Notify-Ack 5.7, Encapsulated Control Message 5.8),
RFC 8111 section 6.4.1 (Map-Referral), draft-ermagan-lisp-nat-traversal (Info-Request and
Info-Reply), RFC 8060 (LCAF), RFC 8061 section 3 (Security Key LCAF) and RFC 9306 (Vendor
Specific LCAF). The expected field values of the Java golden test are NOT taken from this
script: testdata/scripts/tshark-golden-lisp-control.sh runs tshark on the pcap and stores what
tshark prints; fields tshark 4.0 does not decode are compared by the test with the values listed
below (those of the RFC figures the bytes follow).

Plain python3 (no scapy): every header, length and checksum is computed here (Ethernet, IP, UDP
and the pcap file by capwire.py, the plumbing the capture scripts share). Every frame is
Ethernet 02:00:5e:10:00:01 -> 02:00:5e:10:00:02, then IPv4 (TTL 64, id 0x5000 + #, DF clear)
or IPv6 (hop limit 64), then UDP with its checksum computed (RFC 9301 section 5.1: never 0).
Requests go from port 61000 + # to 4342, answers from 4342 to 61000 + #. IPv4 RLOCs:
xTR 192.0.2.1, Map-Server/Map-Resolver 198.51.100.9; IPv6 RLOCs 2001:db8::1 and 2001:db8::53.
Authenticated messages use the shared secret "password" (UTF-8), HMAC over the whole UDP
payload with the Authentication Data zeroed (RFC 9301 section 5.6), untruncated MAC (20 octets
for Algorithm ID 1, 32 for 2). Nonces are 0xNN00000000000000 + # with NN the message type.

Frames (outer IP version in brackets):

   1 [4] Map-Request P (probe); IRC 1: ITR-RLOCs 192.0.2.1 and 2001:db8::1; source EID
         10.1.0.1; record 10.2.0.0/24
   2 [6] Map-Request S (SMR), p (PITR), L; IRC 1: ITR-RLOCs 2001:db8::1 and 192.0.2.1; source EID
         2001:db8:a::1; records 2001:db8:b::/48 and Instance-ID [1000] 10.2.0.0/16
   3 [4] Map-Request A, M, s (SMR-invoked), D; source EID AFI 0; ITR-RLOC 192.0.2.1; record
         Source/Dest (10.1.0.0/16 -> 10.2.0.0/24); Map-Reply record: TTL 60, EID 10.1.0.0/16,
         locator 192.0.2.1 (priority 1, weight 100, L R)
   4 [4] Map-Reply E (echo-nonce); 2 records: 10.2.0.0/16 (TTL 1440, A, version 7) with
         locators 198.51.100.2 (1/50, L p R), 198.51.100.3 (1/50, R), 2001:db8::2 (2/100, none),
         203.0.113.9 (255/0, M priority 1 M weight 10, R); 2001:db8:b::/48 (TTL 0xffffffff) with
         locator 2001:db8::2 (1/100, L R)
   5 [6] Map-Reply P (probe); 3 records: negative 10.9.0.0/16 ACT 2 (Send-Map-Request, TTL 15);
         negative 2001:db8:dead::/48 ACT 3 (Drop/No-Reason), version 4095; MAC EID
         02:00:5e:00:53:01/48 (AFI 6) with locator 192.0.2.1
   6 [4] Map-Reply, 1 record with EID Instance-ID [16777216] 2001:db8:c::/48 (IID mask-len 0) and
         9 locators, each an LCAF that tshark 4.0 decodes: AFI List (192.0.2.1, 2001:db8::1,
         02:00:5e:00:53:02), AS Number 64500, Geo Coordinates (N37 25' 10" W122 5' 30", 30 m),
         NAT-Traversal, Nonce Locator (0xabcdef), Explicit Locator Path (3 hops, LPS flags),
         Replication List (levels 0 and 1), Key/Value, Vendor Specific (OUI 00:00:0c)
   7 [4] Map-Register P, I, M, HMAC-SHA-256-128 (Key ID 0, Algorithm ID 2, 32 octets); records
         10.1.0.0/24 (locator 192.0.2.1 L R) and Instance-ID [1000] 2001:db8:a::/48 (locator
         2001:db8::1 L R); xTR-ID 000102030405060708090a0b0c0d0e0f, Site-ID 0x1122334455667788
   8 [6] Map-Register E, T, a, M, HMAC-SHA-1-96 (Key ID 3, Algorithm ID 1, 20 octets); record
         Multicast Info EID (IID 1000, (10.1.0.1/32, 224.1.1.1/32), J set) with a Replication
         List locator; record Distinguished Name EID 'printer-1' with locator 2001:db8::1
   9 [4] Map-Notify I, HMAC-SHA-256-128 (Key ID 0, Algorithm 2): frame 7's nonce and records,
         xTR-ID and Site-ID of frame 7 (4342 -> 61007)
  10 [6] Map-Notify-Ack (type 5), HMAC-SHA-1-96: record 2001:db8:a::/48 with locator 2001:db8::1
  11 [4] Map-Referral, 2 records: 10.0.0.0/8 ACT 0 (NODE-REFERRAL), A, I, TTL 1440, referrals
         192.0.2.50 and 2001:db8::50 (R set); Instance-ID [7] 10.2.0.0/16 ACT 3
         (MS-NOT-REGISTERED), no referral, Map-Version 12
  12 [4] Info-Request, HMAC-SHA-1-96, EID 10.1.0.0/24, AFI 0 after it (the INFO1 vector's bytes,
         nonce 0x7777888899990000)
  13 [4] Info-Reply, HMAC-SHA-1-96, TTL 1440, NAT-Traversal LCAF: MS port 4342, ETR port 61000,
         global 203.0.113.5, MS 198.51.100.9, private 192.168.1.10, RTR 203.0.113.200 (the INFO2
         vector's bytes); 4342 -> 61000
  14 [6] Info-Request as lispers.net sends it: no authentication (Key ID 0, Algorithm 0, length
         0), EID 2001:db8:a::/48, then AFI 17 and the hostname "xtr-1" instead of AFI 0
  15 [6] Info-Reply, HMAC-SHA-256-128, TTL 60, EID 2001:db8:a::/48, NAT-Traversal LCAF: MS port
         4342, ETR port 1024, global 203.0.113.7, MS 198.51.100.9, private ETR AFI 0 (missing),
         RTRs 203.0.113.200 and 203.0.113.201
  16 [4] ECM (no flags): inner IPv4 10.1.0.1 -> 10.2.0.1 / UDP 61016 -> 4342 / Map-Request for
         10.2.0.1/32 (source EID 10.1.0.1, ITR-RLOC 192.0.2.1)
  17 [6] ECM D (DDT): inner IPv6 2001:db8:a::1 -> 2001:db8:b::1 / UDP 61017 -> 4342 /
         Map-Request for 2001:db8:b::1/128 (ITR-RLOC 2001:db8::1)
  18 [4] ECM E (to-ETR) and M (to-MS): inner IPv4 / UDP / Map-Request with an Instance-ID
         [1000] 10.2.0.1/32 record
  19 [6] Map-Reply whose locators are the LCAFs tshark 4.0 does not decode: Null Body,
         Application Data (TOS 0xb8, UDP, ports 1000-2000 / 4341), Opaque Key, Security Key
         (RFC 8061: cipher suite 1, R, one 16-octet key), JSON ({"a":1} text), Encapsulation
         Format (L and V bits, RLOC 192.0.2.1); EID Multicast Info (IID 0, (0.0.0.0/0,
         224.0.0.0/4), R set)
  20 [4] Map-Reply, EID Key/Value (key Distinguished Name 'site', value 10.3.0.0), locators:
         Instance-ID inside AFI List inside ELP hop (nested LCAFs), Source/Dest with IPv6
         prefixes

  21 [6] Map-Reply with reserved bits set everywhere they can be: first word 0x1abcd, record
         Reserved 0xabc and Rsvd 0x5 (Map-Version 0x123), locator unused flags 0x1abc (13 bits),
         LCAF Rsvd1 0x5a and Flags 0xa5; EID Instance-ID [9] 10.5.0.0 with IID mask-len 24;
         locators Nonce Locator (Reserved 0x77), ELP (hop Rsvd3 0x155 with L), RLE (Rsvd3 0x1234,
         Rsvd4 0x56, level 9), Vendor Specific (Rsvd3 0x99), Geo S/E with an IPv6 address and no
         altitude (0x7fffffff), AS Number with IPv6, Key/Value (MAC key, IPv6 value)
  22 [4] Map-Request with the two RFC 9301 R bits and Rsvd set (bits 10-16 = 0x55), record
         Reserved octets 0x01-0x03: records Instance-ID [0x123456] with IID mask-len 8 and AFI 0
         (an IID range), MAC 02:00:5e:00:53:03 under AFI 16389, Distinguished Name 'host.example'
  23 [4] Map-Register S and bit 7 (draft's "R, built for an RTR"), reserved bits 8-18 = 0x2aa,
         HMAC-SHA-1-96; records AFI List EID (Distinguished Name 'site-a', 10.6.0.0) and
         Multicast Info EID (IID 1, (2001:db8::1/128, ff0e::1/128), L set)
  24 [6] Map-Referral with reserved bits 0xabcde and records ACT 1 (MS-REFERRAL), 2 (MS-ACK),
         4 (DELEGATION-HOLE), 5 (NOT-AUTHORITATIVE), record Reserved 0x2aa (11 bits)
  25 [4] ECM with reserved bits 0x00abcd carrying an Info-Request (inner IPv4 / UDP 61025 -> 4342,
         HMAC-SHA-256-128, EID 10.7.0.0/16)
  26 [4] Info-Reply with reserved bits 0x0123456 and Reserved octet 0x5a, IPv6 EID
         2001:db8:7::/48, NAT-Traversal LCAF with IPv6 addresses (global 2001:db8:ff::5, MS
         2001:db8::53, private AFI 0, RTR 2001:db8:ff::200)

Usage: python3 testdata/scripts/make-lisp-control.py [OUTPUT]
(default: testdata/src/main/resources/org/tunnelcodec/testdata/captures/lisp-control-variants.pcap)
"""
import hashlib
import hmac
import os
import struct

from capwire import (CAPTURES, ETHERTYPE_IPV4, ETHERTYPE_IPV6, u8, u16, u24, u32, u64, a4, a6, ethernet, udp_ip,
                     output_path, write_pcap)

DEFAULT_OUT = os.path.join(CAPTURES, "lisp-control-variants.pcap")

T0 = 1704068600  # the slot after lisp-data-variants.pcap (1704068500) in make-captures.py
MAC_A = bytes.fromhex("02005e100001")
MAC_B = bytes.fromhex("02005e100002")
KEY = b"password"
PORT = 4342

V4_XTR, V4_MS = "192.0.2.1", "198.51.100.9"
V6_XTR, V6_MS = "2001:db8::1", "2001:db8::53"


# ------------------------------------------------------------------ addresses (RFC 9301 5, RFC 8060)

def none():
    return u16(0)


def v4(text):
    return u16(1) + a4(text)


def v6(text):
    return u16(2) + a6(text)


def mac(text, afi=6):
    return u16(afi) + bytes.fromhex(text.replace(":", ""))


def dn(text):
    """AFI 17, Distinguished Name: the ASCII name and a NUL (draft-farinacci-lisp-name-encoding)."""
    return u16(17) + text.encode("ascii") + b"\0"


def lcaf(lcaf_type, body, rsvd2=0, rsvd1=0, flags=0):
    """RFC 8060 section 3: AFI 16387, Rsvd1, Flags, Type, Rsvd2, Length (of the body), body."""
    return u16(16387) + u8(rsvd1) + u8(flags) + u8(lcaf_type) + u8(rsvd2) + u16(len(body)) + body


def null_body():
    return lcaf(0, b"")


def afi_list(*addresses):
    return lcaf(1, b"".join(addresses))


def iid(instance_id, address, mask_len=0, **header):
    """Type 2: Rsvd2 is the IID mask-len."""
    return lcaf(2, u32(instance_id) + address, rsvd2=mask_len, **header)


def asn(number, address):
    return lcaf(3, u32(number) + address)


def app_data(tos, protocol, local, remote, address):
    """Type 4: IP TOS / flow label (24 bits), Protocol, Local Port low/high, Remote Port low/high."""
    return lcaf(4, u24(tos) + u8(protocol) + u16(local[0]) + u16(local[1]) + u16(remote[0]) + u16(remote[1])
                + address)


def geo(north, lat, east, lon, altitude, address):
    """Type 5: N + 15-bit degrees, minutes, seconds; E + 15-bit degrees, minutes, seconds; altitude."""
    return lcaf(5, u16(north << 15 | lat[0]) + u8(lat[1]) + u8(lat[2]) + u16(east << 15 | lon[0]) + u8(lon[1])
                + u8(lon[2]) + u32(altitude) + address)


def opaque_key(field_count, wildcards, key):
    """Type 6: Key Field Num (8), Key Wildcard Fields (16), the key."""
    return lcaf(6, u8(field_count) + u16(wildcards) + key)


def natt(ms_port, etr_port, global_etr, ms, private_etr, *rtrs):
    """Type 7: MS UDP port, ETR UDP port, Global ETR RLOC, MS RLOC, Private ETR RLOC, RTR RLOCs."""
    return lcaf(7, u16(ms_port) + u16(etr_port) + global_etr + ms + private_etr + b"".join(rtrs))


def nonce_locator(nonce, address, reserved=0, **header):
    """Type 8: Reserved (8), Nonce (24), address."""
    return lcaf(8, u8(reserved) + u24(nonce) + address, **header)


def mcast_info(instance_id, source_mask, group_mask, source, group, rlj=0):
    """Type 9: Rsvd2 holds R (0x04), L (0x02), J (0x01); IID; Reserved (16); mask-lens; S; G."""
    return lcaf(9, u32(instance_id) + u16(0) + u8(source_mask) + u8(group_mask) + source + group, rsvd2=rlj)


def elp(*hops):
    """Type 10: per hop Rsvd3 (13 bits) + L P S (0x4, 0x2, 0x1), then the address; flags holds
    all 16 bits."""
    return lcaf(10, b"".join(u16(flags) + address for flags, address in hops))


def security_key(cipher_suite, rekey, keys, address):
    """Type 11 as RFC 8061 section 3: Key Count, Rsvd3, Cipher Suite, Rsvd4 (7) + R, then per key
    Key Length (16) and the key material, then the locator address."""
    body = u8(len(keys)) + u8(0) + u8(cipher_suite) + u8(1 if rekey else 0)
    for k in keys:
        body += u16(len(k)) + k
    return lcaf(11, body + address)


def src_dst(source_mask, dest_mask, source, dest):
    """Type 12: Reserved (16), Source-ML, Dest-ML, source prefix, destination prefix."""
    return lcaf(12, u16(0) + u8(source_mask) + u8(dest_mask) + source + dest)


def rle(*entries):
    """Type 13: per entry Rsvd3 (16), Rsvd4 (8), Level Value (8), the address; entries are
    (level, address) or (level, address, rsvd3, rsvd4)."""
    return lcaf(13, b"".join(u16(e[2] if len(e) > 2 else 0) + u8(e[3] if len(e) > 2 else 0) + u8(e[0]) + e[1]
                             for e in entries))


def json_lcaf(text, address=None, binary=False):
    """Type 14: Rsvd2 bit 0x01 is B; JSON length (16), the JSON octets, an AFI-encoded address."""
    data = text.encode("ascii")
    return lcaf(14, u16(len(data)) + data + (address if address is not None else none()), rsvd2=1 if binary else 0)


def key_value(key, value):
    return lcaf(15, key + value)


def encap_format(bits, *addresses):
    """Type 16: a 32-bit word, reserved but for U G N v V l L in its low bits (L = 0x01), then RLOCs."""
    return lcaf(16, u32(bits) + b"".join(addresses))


def vendor(oui, data, rsvd3=0):
    """Type 255 (RFC 9306): Rsvd3 (8), OUI (24), vendor data."""
    return lcaf(255, u8(rsvd3) + u24(oui) + data)


# ------------------------------------------------------------------ messages (RFC 9301 5)

def locator(address, priority=1, weight=100, m_priority=255, m_weight=0, l=False, p=False, r=True, unused=0):
    flags = unused << 3 | (4 if l else 0) | (2 if p else 0) | (1 if r else 0)
    return u8(priority) + u8(weight) + u8(m_priority) + u8(m_weight) + u16(flags) + address


def eid_record(eid, mask, locators=(), ttl=1440, act=0, a=True, version=0, reserved=0, rsvd=0):
    """TTL, Locator Count, EID mask-len, ACT (3) A Reserved (12), Rsvd (4) Map-Version (12), EID."""
    return (u32(ttl) + u8(len(locators)) + u8(mask) + u16(act << 13 | (0x1000 if a else 0) | reserved)
            + u16(rsvd << 12 | version) + eid + b"".join(locators))


def map_request(nonce, source_eid, itr_rlocs, records, a=False, m=False, p=False, s=False, pitr=False,
                smr_invoked=False, l=False, d=False, map_reply=None, reserved=0):
    """|Type=1 |A|M|P|S|p|s|R|R| Rsvd |L|D| IRC | Record Count|; records are (mask, eid) or
    (mask, eid, reserved octet); `reserved` is bits 10-16 (the two R bits and Rsvd)."""
    first = (1 << 28 | (a << 27) | (m << 26) | (p << 25) | (s << 24) | (pitr << 23) | (smr_invoked << 22)
             | reserved << 15 | (l << 14) | (d << 13) | (len(itr_rlocs) - 1) << 8 | len(records))
    body = u32(first) + u64(nonce) + source_eid + b"".join(itr_rlocs)
    body += b"".join(u8(r[2] if len(r) > 2 else 0) + u8(r[0]) + r[1] for r in records)
    if m:
        body += map_reply
    return body


def map_reply(nonce, records, p=False, e=False, s=False, reserved=0):
    """|Type=2 |P|E|S| Reserved (17) | Record Count |"""
    return (u32(2 << 28 | (p << 27) | (e << 26) | (s << 25) | reserved << 8 | len(records)) + u64(nonce)
            + b"".join(records))


def sign(message, auth_at=16):
    """Writes the HMAC (algorithm from octet 13) over the message with the MAC field zeroed."""
    algorithm = message[13]
    length = struct.unpack("!H", message[14:16])[0]
    if algorithm == 0:
        return message
    digest = hashlib.sha1 if algorithm == 1 else hashlib.sha256
    zeroed = message[:auth_at] + bytes(length) + message[auth_at + length:]
    mac = hmac.new(KEY, zeroed, digest).digest()[:length]
    return message[:auth_at] + mac + message[auth_at + length:]


def mac_length(algorithm):
    return {0: 0, 1: 20, 2: 32}[algorithm]


def authenticated(first, nonce, key_id, algorithm, rest):
    """Map-Register, Map-Notify, Map-Notify-Ack: nonce, Key ID, Algorithm ID, Authentication Data
    Length, the zeroed MAC, the rest; then signed."""
    n = mac_length(algorithm)
    return sign(u32(first) + u64(nonce) + u8(key_id) + u8(algorithm) + u16(n) + bytes(n) + rest)


def map_register(nonce, key_id, algorithm, records, p=False, s=False, xtr_id=None, site_id=0, e=False, t=False,
                 a=False, r=False, m=False, reserved=0):
    """|Type=3 |P|S|I| Reserved (bits 7-18) |E|T|a|R|M| Record Count |"""
    first = (3 << 28 | (p << 27) | (s << 26) | ((xtr_id is not None) << 25) | reserved << 13 | (e << 12) | (t << 11)
             | (a << 10) | (r << 9) | (m << 8) | len(records))
    rest = b"".join(records) + (xtr_id + u64(site_id) if xtr_id is not None else b"")
    return authenticated(first, nonce, key_id, algorithm, rest)


def map_notify(msg_type, nonce, key_id, algorithm, records, xtr_id=None, site_id=0):
    """|Type=4 or 5|I|R| Reserved | Record Count | (I: xTR-ID and Site-ID follow the records)"""
    first = msg_type << 28 | ((xtr_id is not None) << 27) | len(records)
    rest = b"".join(records) + (xtr_id + u64(site_id) if xtr_id is not None else b"")
    return authenticated(first, nonce, key_id, algorithm, rest)


def referral_record(eid, mask, referrals, ttl=1440, act=0, a=True, incomplete=False, version=0, reserved=0):
    """RFC 8111 6.4.1: TTL, Referral Count, EID mask-len, ACT|A|I|Reserved (11), SigCnt|Map Version, EID."""
    return (u32(ttl) + u8(len(referrals)) + u8(mask) + u16(act << 13 | (a << 12) | (incomplete << 11) | reserved)
            + u16(version) + eid + b"".join(referrals))


def map_referral(nonce, records, reserved=0):
    """|Type=6 | Reserved (20) | Record Count |"""
    return u32(6 << 28 | reserved << 8 | len(records)) + u64(nonce) + b"".join(records)


def info(reply, nonce, key_id, algorithm, ttl, mask, eid, after, reserved=0, reserved2=0):
    """|Type=7 |R| Reserved (27) | nonce | Key ID | Algorithm ID | Auth Data Length | MAC | TTL |
    Reserved | EID mask-len | EID-prefix | AFI 0 (request) or NAT-Traversal LCAF (reply)"""
    n = mac_length(algorithm)
    message = (u32(7 << 28 | (reply << 27) | reserved) + u64(nonce) + u8(key_id) + u8(algorithm) + u16(n) + bytes(n)
               + u32(ttl) + u8(reserved2) + u8(mask) + eid + after)
    return sign(message)


def ecm(inner_ip, s=False, d=False, e=False, m=False, reserved=0):
    """|Type=8 |S|D|E|M| Reserved (24) |, then the inner IP packet."""
    return u32(8 << 28 | (s << 27) | (d << 26) | (e << 25) | (m << 24) | reserved) + inner_ip


# ------------------------------------------------------------------ Ethernet, IP, UDP
#
# capwire.udp_ip: IPv4 or IPv6, then UDP with the checksum over the pseudo-header (RFC 9301
# section 5.1: never 0).

def frame(number, message, version=4, answer=False):
    """Ethernet / IP / UDP of frame `number`: a request from 61000 + number to 4342, or an answer
    from 4342 to 61000 + number."""
    xtr, ms = (V4_XTR, V4_MS) if version == 4 else (V6_XTR, V6_MS)
    src, dst, sport, dport = (ms, xtr, PORT, 61000 + number) if answer else (xtr, ms, 61000 + number, PORT)
    packet = udp_ip(src, dst, sport, dport, message, ident=0x5000 + number)
    return ethernet(MAC_B, MAC_A, ETHERTYPE_IPV4 if version == 4 else ETHERTYPE_IPV6, packet)


# ------------------------------------------------------------------ the frames

INFO1 = bytes.fromhex("70000000777788889999000000010014" "4a6a54d0a3832645dc987521e1196c226df97f59"
                      "00000000" "0018" "00010a010000" "0000")
INFO2 = bytes.fromhex("780000007777888899990000000100146c3d763119887c86da8fddfc51ef23951110be88"
                      "000005a0001800010a010000" "40030000070000 1c10f6ee480001cb0071050001c63364090001c0a8010a0001cb0071c8"
                      .replace(" ", ""))
XTR_ID = bytes(range(16))
SITE_ID = 0x1122334455667788


def nonce(msg_type, number):
    return msg_type << 56 | number


def frames():
    f = []
    # 1 Map-Request, probe, IPv4 and IPv6 ITR-RLOCs
    f.append(frame(1, map_request(nonce(1, 1), v4("10.1.0.1"), [v4(V4_XTR), v6(V6_XTR)], [(24, v4("10.2.0.0"))],
                                  p=True)))
    # 2 Map-Request SMR, PITR, L, over IPv6
    f.append(frame(2, map_request(nonce(1, 2), v6("2001:db8:a::1"), [v6(V6_XTR), v4(V4_XTR)],
                                  [(48, v6("2001:db8:b::")), (16, iid(1000, v4("10.2.0.0")))],
                                  s=True, pitr=True, l=True), version=6))
    # 3 Map-Request A, M, s, D with a Source/Dest record and its Map-Reply record
    f.append(frame(3, map_request(nonce(1, 3), none(), [v4(V4_XTR)],
                                  [(0, src_dst(16, 24, v4("10.1.0.0"), v4("10.2.0.0")))],
                                  a=True, m=True, smr_invoked=True, d=True,
                                  map_reply=eid_record(v4("10.1.0.0"), 16, [locator(v4(V4_XTR), l=True)], ttl=60))))
    # 4 Map-Reply, echo-nonce, two records, several locators
    f.append(frame(4, map_reply(nonce(2, 4), [
        eid_record(v4("10.2.0.0"), 16, [
            locator(v4("198.51.100.2"), 1, 50, l=True, p=True),
            locator(v4("198.51.100.3"), 1, 50),
            locator(v6("2001:db8::2"), 2, 100, r=False),
            locator(v4("203.0.113.9"), 255, 0, 1, 10)], version=7),
        eid_record(v6("2001:db8:b::"), 48, [locator(v6("2001:db8::2"), l=True)], ttl=0xFFFFFFFF)], e=True),
        answer=True))
    # 5 Map-Reply probe: two negative records, a MAC EID
    f.append(frame(5, map_reply(nonce(2, 5), [
        eid_record(v4("10.9.0.0"), 16, ttl=15, act=2, a=False),
        eid_record(v6("2001:db8:dead::"), 48, ttl=15, act=3, version=4095),
        eid_record(mac("02:00:5e:00:53:01"), 48, [locator(v4(V4_XTR))])], p=True), version=6, answer=True))
    # 6 Map-Reply: Instance-ID EID, locators of every LCAF type tshark 4.0 decodes
    f.append(frame(6, map_reply(nonce(2, 6), [eid_record(iid(16777216, v6("2001:db8:c::")), 48, [
        locator(afi_list(v4(V4_XTR), v6(V6_XTR), mac("02:00:5e:00:53:02"))),
        locator(asn(64500, v4("192.0.2.2"))),
        locator(geo(1, (37, 25, 10), 0, (122, 5, 30), 30, v4("192.0.2.3"))),
        locator(natt(4342, 61000, v4("203.0.113.5"), v4(V4_MS), v4("192.168.1.10"), v4("203.0.113.200"))),
        locator(nonce_locator(0xABCDEF, v4("192.0.2.4"))),
        locator(elp((0x5, v4("203.0.113.1")), (0x2, v4("203.0.113.2")), (0x0, v6("2001:db8::3")))),
        locator(rle((0, v4("203.0.113.10")), (1, v4("203.0.113.11")))),
        locator(key_value(v4("192.0.2.5"), v4("203.0.113.99"))),
        locator(vendor(0x00000C, bytes.fromhex("0102030405060708")))])]), answer=True))
    # 7 Map-Register, HMAC-SHA-256-128, I with xTR-ID and Site-ID
    f.append(frame(7, map_register(nonce(3, 7), 0, 2, [
        eid_record(v4("10.1.0.0"), 24, [locator(v4(V4_XTR), l=True)]),
        eid_record(iid(1000, v6("2001:db8:a::")), 48, [locator(v6(V6_XTR), l=True)])],
        p=True, xtr_id=XTR_ID, site_id=SITE_ID, m=True)))
    # 8 Map-Register E, T, a, M over IPv6, HMAC-SHA-1-96 with Key ID 3
    f.append(frame(8, map_register(nonce(3, 8), 3, 1, [
        eid_record(mcast_info(1000, 32, 32, v4("10.1.0.1"), v4("224.1.1.1"), rlj=0x01), 0,
                   [locator(rle((0, v4("203.0.113.10")), (1, v6("2001:db8::10"))), l=True)], ttl=3),
        eid_record(dn("printer-1"), 0, [locator(v6(V6_XTR), l=True)], ttl=3)], e=True, t=True, a=True, m=True),
        version=6))
    # 9 Map-Notify acknowledging frame 7
    f.append(frame(9, map_notify(4, nonce(3, 7), 0, 2, [
        eid_record(v4("10.1.0.0"), 24, [locator(v4(V4_XTR), l=True)]),
        eid_record(iid(1000, v6("2001:db8:a::")), 48, [locator(v6(V6_XTR), l=True)])],
        xtr_id=XTR_ID, site_id=SITE_ID), answer=True))
    # 10 Map-Notify-Ack
    f.append(frame(10, map_notify(5, nonce(5, 10), 0, 1, [
        eid_record(v6("2001:db8:a::"), 48, [locator(v6(V6_XTR), l=True)])]), version=6))
    # 11 Map-Referral
    f.append(frame(11, map_referral(nonce(6, 11), [
        referral_record(v4("10.0.0.0"), 8, [locator(v4("192.0.2.50")), locator(v6("2001:db8::50"))],
                        act=0, incomplete=True),
        referral_record(iid(7, v4("10.2.0.0")), 16, [], ttl=15, act=3, a=False, version=12)]), answer=True))
    # 12 Info-Request (vector INFO1), 13 Info-Reply (vector INFO2)
    f.append(frame(12, INFO1))
    f.append(frame(13, INFO2, answer=True))
    # 14 Info-Request the lispers.net way: hostname after the EID, no authentication
    f.append(frame(14, info(False, nonce(7, 14), 0, 0, 0, 48, v6("2001:db8:a::"), dn("xtr-1")), version=6))
    # 15 Info-Reply over IPv6 (frame 14's nonce), HMAC-SHA-256-128, private ETR RLOC missing, two RTRs
    f.append(frame(15, info(True, nonce(7, 14), 0, 2, 60, 48, v6("2001:db8:a::"),
                            natt(4342, 1024, v4("203.0.113.7"), v4(V4_MS), none(), v4("203.0.113.200"),
                                 v4("203.0.113.201"))), version=6, answer=True))
    # 16-18 Encapsulated Control Messages
    inner = map_request(nonce(1, 16), v4("10.1.0.1"), [v4(V4_XTR)], [(32, v4("10.2.0.1"))])
    f.append(frame(16, ecm(udp_ip("10.1.0.1", "10.2.0.1", 61016, PORT, inner, ident=0x16))))
    inner = map_request(nonce(1, 17), v6("2001:db8:a::1"), [v6(V6_XTR)], [(128, v6("2001:db8:b::1"))])
    f.append(frame(17, ecm(udp_ip("2001:db8:a::1", "2001:db8:b::1", 61017, PORT, inner), d=True), version=6))
    inner = map_request(nonce(1, 18), v4("10.1.0.1"), [v4(V4_XTR)], [(32, iid(1000, v4("10.2.0.1")))])
    f.append(frame(18, ecm(udp_ip("10.1.0.1", "10.2.0.1", 61018, PORT, inner, ident=0x18), e=True, m=True)))
    # 19 Map-Reply with the LCAFs tshark 4.0 does not decode
    f.append(frame(19, map_reply(nonce(2, 19), [eid_record(
        mcast_info(0, 0, 4, v4("0.0.0.0"), v4("224.0.0.0"), rlj=0x04), 0, [
            locator(null_body()),
            locator(app_data(0xB8, 17, (1000, 2000), (4341, 4341), v4("192.0.2.6"))),
            locator(opaque_key(2, 0x0001, bytes.fromhex("deadbeef"))),
            locator(security_key(1, True, [bytes(range(0x40, 0x50))], v4("192.0.2.7"))),
            locator(json_lcaf('{"a":1}', v4("192.0.2.8"))),
            locator(encap_format(0x01 | 0x04, v4(V4_XTR)))])]), version=6, answer=True))
    # 20 Map-Reply with nested LCAFs and a Key/Value EID
    f.append(frame(20, map_reply(nonce(2, 20), [eid_record(key_value(dn("site"), v4("10.3.0.0")), 0, [
        locator(elp((0x4, afi_list(iid(5, v4("203.0.113.20")), v6("2001:db8::20"))), (0x1, v4("203.0.113.21")))),
        locator(src_dst(48, 64, v6("2001:db8:a::"), v6("2001:db8:b::")))])]), answer=True))
    # 21 Map-Reply with reserved bits set everywhere
    f.append(frame(21, map_reply(nonce(2, 21), [eid_record(iid(9, v4("10.5.0.0"), mask_len=24, rsvd1=0x5A, flags=0xA5), 16, [
        locator(nonce_locator(0x000001, v4("192.0.2.9"), reserved=0x77), unused=0x1ABC, l=True),
        locator(elp((0x155 << 3 | 0x4, v4("203.0.113.30")))),
        locator(rle((9, v4("203.0.113.31"), 0x1234, 0x56))),
        locator(vendor(0x00000C, b"\x01", rsvd3=0x99)),
        locator(geo(0, (33, 51, 54), 1, (151, 12, 34), 0x7FFFFFFF, v6("2001:db8::9"))),
        locator(asn(4200000000, v6("2001:db8::a"))),
        locator(key_value(mac("02:00:5e:00:53:04"), v6("2001:db8::b")))],
        reserved=0xABC, rsvd=0x5, version=0x123)], reserved=0x1ABCD), version=6, answer=True))
    # 22 Map-Request with reserved bits, IID range, MAC (AFI 16389) and Distinguished Name records
    f.append(frame(22, map_request(nonce(1, 22), v4("10.1.0.1"), [v4(V4_XTR)], [
        (0, iid(0x123456, none(), mask_len=8), 1),
        (48, mac("02:00:5e:00:53:03", afi=16389), 2),
        (0, dn("host.example"), 3)], reserved=0x55)))
    # 23 Map-Register S and bit 7, reserved bits, AFI List and IPv6 Multicast Info EIDs
    f.append(frame(23, map_register(nonce(3, 23), 0, 1, [
        eid_record(afi_list(dn("site-a"), v4("10.6.0.0")), 0, [locator(v4(V4_XTR), l=True)]),
        eid_record(mcast_info(1, 128, 128, v6("2001:db8::1"), v6("ff0e::1"), rlj=0x02), 0,
                   [locator(v4(V4_XTR), l=True)])], s=True, reserved=0x800 | 0x2AA, m=True)))
    # 24 Map-Referral, every other ACT, reserved bits
    f.append(frame(24, map_referral(nonce(6, 24), [
        referral_record(v4("10.10.0.0"), 16, [locator(v4("192.0.2.51"))], act=1, reserved=0x2AA),
        referral_record(v4("10.11.0.0"), 16, [], act=2),
        referral_record(v6("2001:db8:12::"), 48, [], act=4, a=False),
        referral_record(v6("2001:db8:13::"), 48, [locator(v6("2001:db8::51"), r=False)], act=5, incomplete=True)],
        reserved=0xABCDE), version=6, answer=True))
    # 25 ECM with reserved bits carrying an Info-Request
    inner = info(False, nonce(7, 25), 0, 2, 0, 16, v4("10.7.0.0"), none())
    f.append(frame(25, ecm(udp_ip("10.1.0.1", V4_MS, 61025, PORT, inner, ident=0x25), reserved=0x00ABCD)))
    # 26 Info-Reply with reserved bits and IPv6 NAT-Traversal addresses
    f.append(frame(26, info(True, nonce(7, 26), 0, 1, 1440, 48, v6("2001:db8:7::"),
                            natt(4342, 61026, v6("2001:db8:ff::5"), v6(V6_MS), none(), v6("2001:db8:ff::200")),
                            reserved=0x0123456, reserved2=0x5A), answer=True))
    return f


def main():
    out = output_path(DEFAULT_OUT)
    hmac_check()
    write_pcap(out, frames(), T0)


def hmac_check():
    """The INFO1 and INFO2 vectors carry HMAC-SHA-1 with the key "password": recomputing must give them."""
    assert sign(INFO1) == INFO1, "INFO1's MAC"
    assert sign(INFO2) == INFO2, "INFO2's MAC"


if __name__ == "__main__":
    main()
