#!/usr/bin/env python3
"""Writes wccp-control.pcap: WCCP control messages (UDP/2048) built by hand from the drafts.

Independent of the Java code: every message is assembled here octet by octet with struct
(Ethernet, IPv4, UDP and the pcap file by capwire.py, the plumbing the capture scripts share),
following draft-wilson-wrec-wccp-v2-01 / draft-mclaggan-wccp-v2rev1-00 (v2) and
draft-forster-wrec-wccp-v1-00 (v1). The expected field values for the Java golden test are
NOT taken from this script: testdata/scripts/tshark-wccp-control.py runs tshark on the pcap and stores
what tshark prints.

Frames (Ethernet / IPv4 / UDP 2048 -> 2048), MD5 passwords in brackets:

   1 HERE_I_AM   hash assignment, Capabilities (all five types)
   2 HERE_I_AM   same as 1 with MD5                                         ["cisco123"]
   3 HERE_I_AM   mask assignment, Capabilities (ranges), Command Extension
   4 HERE_I_AM   same as 3 with MD5                                         ["secret"]
   5 I_SEE_YOU   Router Identity, Router View (hash + mask caches), Assignment Map, Capabilities
   6 I_SEE_YOU   same as 5 with MD5                                         ["secret"]
   7 REDIRECT_ASSIGN  Assignment Info (hash buckets)
   8 REDIRECT_ASSIGN  same as 7 with MD5                                    ["wccp"]
   9 REDIRECT_ASSIGN  Alternate Assignment, mask type
  10 REDIRECT_ASSIGN  same as 9 with MD5                                    ["wccp"]
  11 REDIRECT_ASSIGN  Alternate Assignment, hash type
  12 REDIRECT_ASSIGN  same as 11 with MD5                                   ["wccp"]
  13 REMOVAL_QUERY    Router Query Info
  14 REMOVAL_QUERY    same as 13 with MD5                                   ["secret"]
  15 I_SEE_YOU   version 2.01: caches with assignment type "none" and "extended",
                 Command Extension (SHUTDOWN_RESPONSE), an unknown component (type 99)
  16 I_SEE_YOU   same as 15 with MD5                                        ["secret"]
  17 v1 HERE_I_AM
  18 v1 I_SEE_YOU (two web-cache entries)
  19 v1 ASSIGN_BUCKET

Usage: python3 testdata/scripts/make-wccp-control.py [OUTPUT]
(default: src/test/resources/org/tunnelcodec/gre/wccp/wccp-control.pcap)
"""
import hashlib
import os

from capwire import ETHERTYPE_IPV4, u8, u16, u32, a4, ethernet, ipv4, output_path, udp, write_pcap

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "gre-wccp", "src", "test", "resources", "org", "tunnelcodec", "gre", "wccp",
                           "wccp-control.pcap")

CACHE = "192.0.2.10"
ROUTER = "192.0.2.254"


# ---------------------------------------------------------------- v2 building blocks

def component(ctype, body):
    return u16(ctype) + u16(len(body)) + body


def message(mtype, components, version=0x0200):
    body = b"".join(components)
    return u32(mtype) + u16(version) + u16(len(body)) + body


def security_none():
    return component(0, u32(0))


def security_md5():
    return component(0, u32(1) + b"\0" * 16)


def sign(msg, password):
    """MD5 per [W01] 5.6.1: key = password padded to 8 octets with NUL; digest over the
    whole message with the digest field zeroed. Security Info must be the first component."""
    assert msg[8:10] == b"\0\0" and msg[10:12] == u16(20) and msg[12:16] == u32(1)
    key = password.encode("ascii")[:8].ljust(8, b"\0")
    zeroed = msg[:16] + b"\0" * 16 + msg[32:]
    digest = hashlib.md5(key + zeroed).digest()
    return msg[:16] + digest + msg[32:]


def service_info(stype, sid, priority, protocol, flags, ports=()):
    ports = list(ports) + [0] * (8 - len(ports))
    return component(1, u8(stype) + u8(sid) + u8(priority) + u8(protocol) + u32(flags)
                     + b"".join(u16(p) for p in ports))


def bucket_vector(buckets):
    octets = bytearray(32)
    for b in buckets:
        octets[b // 8] |= 1 << (b % 8)
    return bytes(octets)


def wc_identity_hash(addr, flags, buckets, weight, status, hash_revision=0):
    # flags: U 0x0001, type (flags>>1)&3 = 0 for hash, V 0x0008
    return a4(addr) + u16(hash_revision) + u16(flags) + bucket_vector(buckets) + u16(weight) + u16(status)


def mask_element(src_mask, dst_mask, src_port_mask, dst_port_mask):
    return u32(src_mask) + u32(dst_mask) + u16(src_port_mask) + u16(dst_port_mask)


def value_element(src, dst, src_port, dst_port, cache):
    return a4(src) + a4(dst) + u16(src_port) + u16(dst_port) + a4(cache)


def mask_value_set(mask, values):
    return mask_element(*mask) + u32(len(values)) + b"".join(value_element(*v) for v in values)


def mask_value_set_list(sets):
    return u32(len(sets)) + b"".join(mask_value_set(m, v) for m, v in sets)


def wc_identity_mask(addr, flags, sets, weight, status):
    return a4(addr) + u16(0) + u16(flags) + mask_value_set_list(sets) + u16(weight) + u16(status)


def wc_identity_none(addr, flags):
    return a4(addr) + u16(0) + u16(flags)


def wc_identity_extended(addr, flags, ext_type, data):
    return a4(addr) + u16(0) + u16(flags) + u16(ext_type) + u16(len(data)) + data


def router_identity_info(router, receive_id, sent_to, received_from):
    return component(2, a4(router) + u32(receive_id) + a4(sent_to) + u32(len(received_from))
                     + b"".join(a4(a) for a in received_from))


def wc_identity_info(element):
    return component(3, element)


def router_view_info(member_change, key, routers, caches):
    return component(4, u32(member_change) + a4(key[0]) + u32(key[1]) + u32(len(routers))
                     + b"".join(a4(r) for r in routers) + u32(len(caches)) + b"".join(caches))


def wc_view_info(change, routers, caches):
    return component(5, u32(change) + u32(len(routers))
                     + b"".join(a4(a) + u32(rid) for a, rid in routers)
                     + u32(len(caches)) + b"".join(a4(c) for c in caches))


def router_assignment(router, receive_id, change):
    return a4(router) + u32(receive_id) + u32(change)


def hash_buckets_element(caches, buckets):
    assert len(buckets) == 256
    return u32(len(caches)) + b"".join(a4(c) for c in caches) + bytes(buckets)


def assignment_info(key, routers, caches, buckets):
    return component(6, a4(key[0]) + u32(key[1]) + u32(len(routers))
                     + b"".join(router_assignment(*r) for r in routers)
                     + hash_buckets_element(caches, buckets))


def query_info(router, receive_id, sent_to, target):
    return component(7, a4(router) + u32(receive_id) + a4(sent_to) + a4(target))


def capabilities_info(elements):
    return component(8, b"".join(u16(t) + u16(len(v)) + v for t, v in elements))


def alternate_assignment(atype, key, routers, body):
    inner = a4(key[0]) + u32(key[1]) + u32(len(routers)) + b"".join(router_assignment(*r) for r in routers) + body
    return component(13, u16(atype) + u16(len(inner)) + inner)


def assignment_map(sets):
    return component(14, mask_value_set_list(sets))


def command_extension(commands):
    return component(15, b"".join(u16(t) + u16(len(d)) + d for t, d in commands))


# ---------------------------------------------------------------- the v2 messages

HERE_I_AM, I_SEE_YOU, REDIRECT_ASSIGN, REMOVAL_QUERY = 10, 11, 12, 13

SERVICE_90 = lambda: service_info(1, 90, 200, 6, 0x0913, [80, 8080, 3128])
ROUTERS_WITH_IDS = [(ROUTER, 42), ("198.51.100.1", 9)]
MASK_SETS = [
    ((0x00000000, 0x00001741, 0x0000, 0x0000),
     [("0.0.0.0", "0.0.0.1", 0, 0, CACHE), ("0.0.0.0", "0.0.0.64", 0, 0, "192.0.2.11")]),
    ((0x000000FF, 0x00000000, 0x0000, 0x000F),
     [("0.0.0.3", "0.0.0.0", 0, 5, "192.0.2.12")]),
]


def here_i_am_hash(sec):
    return message(HERE_I_AM, [
        sec,
        SERVICE_90(),
        wc_identity_info(wc_identity_hash(CACHE, 0x0008, [0, 1, 15, 100, 255], 1000, 0x0001)),
        wc_view_info(7, ROUTERS_WITH_IDS, [CACHE, "192.0.2.11"]),
        capabilities_info([(1, u32(0x3)), (2, u32(0x1)), (3, u32(0x1)),
                           (4, u16(0) + u16(10000)), (5, bytes([0, 3, 0, 2]))]),
    ])


def here_i_am_mask(sec):
    return message(HERE_I_AM, [
        sec,
        service_info(1, 91, 10, 17, 0x0038, [53]),
        wc_identity_info(wc_identity_mask("192.0.2.11", 0x0003, MASK_SETS[:1], 0, 0)),
        wc_view_info(1, [(ROUTER, 5)], ["192.0.2.11"]),
        capabilities_info([(1, u32(0x2)), (2, u32(0x2)), (3, u32(0x2)),
                           (4, u16(20000) + u16(5000)), (5, bytes([4, 2, 3, 1]))]),
        command_extension([(1, a4("192.0.2.11")), (99, bytes.fromhex("deadbeef"))]),
    ])


def i_see_you(sec):
    return message(I_SEE_YOU, [
        sec,
        service_info(0, 0, 0, 0, 0),
        router_identity_info(ROUTER, 43, ROUTER, [CACHE, "192.0.2.11"]),
        router_view_info(12, (CACHE, 3), [ROUTER, "198.51.100.1"], [
            wc_identity_hash(CACHE, 0x0000, list(range(0, 128)), 1, 0),
            wc_identity_mask("192.0.2.11", 0x0002, MASK_SETS[1:], 2, 0x0102),
        ]),
        assignment_map(MASK_SETS),
        capabilities_info([(1, u32(0x1)), (9, bytes.fromhex("0a0b0c0d"))]),
    ])


def assignment_buckets():
    b = [i % 3 for i in range(256)]
    b[5] = 0xFF
    b[6] = 0x80 | 1
    b[255] = 0xFF
    return b


ASSIGN_ROUTERS = [(ROUTER, 43, 12), ("198.51.100.1", 10, 12)]
ASSIGN_CACHES = [CACHE, "192.0.2.11", "192.0.2.12"]


def redirect_assign_info(sec):
    return message(REDIRECT_ASSIGN, [
        sec, SERVICE_90(),
        assignment_info((CACHE, 4), ASSIGN_ROUTERS, ASSIGN_CACHES, assignment_buckets()),
    ])


def redirect_assign_alt_mask(sec):
    return message(REDIRECT_ASSIGN, [
        sec, SERVICE_90(),
        alternate_assignment(1, (CACHE, 5), ASSIGN_ROUTERS, mask_value_set_list(MASK_SETS)),
    ])


def redirect_assign_alt_hash(sec):
    return message(REDIRECT_ASSIGN, [
        sec, SERVICE_90(),
        alternate_assignment(0, (CACHE, 6), ASSIGN_ROUTERS[:1],
                             hash_buckets_element(ASSIGN_CACHES[:2], [i % 2 for i in range(256)])),
    ])


def removal_query(sec):
    return message(REMOVAL_QUERY, [
        sec, SERVICE_90(),
        query_info(ROUTER, 44, ROUTER, CACHE),
    ])


def i_see_you_201(sec):
    return message(I_SEE_YOU, [
        sec,
        SERVICE_90(),
        router_identity_info(ROUTER, 45, "224.0.0.100", [CACHE]),
        router_view_info(13, (CACHE, 7), [ROUTER], [
            wc_identity_none(CACHE, 0x0004),
            wc_identity_extended("192.0.2.11", 0x0006 | 0x0008, 3, u16(300) + u16(0x0002)),
        ]),
        command_extension([(2, a4(CACHE))]),
        component(99, bytes.fromhex("0102030405060708")),
    ], version=0x0201)


# ---------------------------------------------------------------- v1 ([V1] "Format of Protocol Packets")

def v1_here_i_am():
    return u32(7) + u32(4) + u32(0) + bucket_vector([3, 64, 200]) + u32(0x00010000) + u32(3)


def v1_i_see_you():
    entry1 = a4(CACHE) + u32(0) + bucket_vector(range(0, 128)) + u32(0)
    entry2 = a4("192.0.2.11") + u32(0) + bucket_vector(range(128, 256)) + u32(0x00010000)
    return u32(8) + u32(4) + u32(2) + u32(4) + u32(2) + entry1 + entry2


def v1_assign_bucket():
    buckets = bytes([i % 2 for i in range(256)][:250] + [0xFF] * 6)
    return u32(9) + u32(5) + u32(2) + a4(CACHE) + a4("192.0.2.11") + buckets


# ---------------------------------------------------------------- Ethernet / IPv4 / UDP 2048

def udp_frame(src, dst, payload, ident):
    """IPv4 (TTL 64, DF clear) and UDP 2048 -> 2048, both checksums computed (a UDP checksum that
    computes to 0 is sent as 0xFFFF)."""
    return ethernet(bytes.fromhex("00005e005301"), bytes.fromhex("00005e005302"), ETHERTYPE_IPV4,
                    ipv4(src, dst, ident, udp(src, dst, 2048, 2048, payload)))


def frames():
    cache_to_router = (CACHE, ROUTER)
    router_to_cache = (ROUTER, CACHE)
    out = []
    out.append((cache_to_router, here_i_am_hash(security_none())))
    out.append((cache_to_router, sign(here_i_am_hash(security_md5()), "cisco123")))
    out.append((("192.0.2.11", ROUTER), here_i_am_mask(security_none())))
    out.append((("192.0.2.11", ROUTER), sign(here_i_am_mask(security_md5()), "secret")))
    out.append((router_to_cache, i_see_you(security_none())))
    out.append((router_to_cache, sign(i_see_you(security_md5()), "secret")))
    out.append((cache_to_router, redirect_assign_info(security_none())))
    out.append((cache_to_router, sign(redirect_assign_info(security_md5()), "wccp")))
    out.append((cache_to_router, redirect_assign_alt_mask(security_none())))
    out.append((cache_to_router, sign(redirect_assign_alt_mask(security_md5()), "wccp")))
    out.append((cache_to_router, redirect_assign_alt_hash(security_none())))
    out.append((cache_to_router, sign(redirect_assign_alt_hash(security_md5()), "wccp")))
    out.append((router_to_cache, removal_query(security_none())))
    out.append((router_to_cache, sign(removal_query(security_md5()), "secret")))
    out.append((router_to_cache, i_see_you_201(security_none())))
    out.append((router_to_cache, sign(i_see_you_201(security_md5()), "secret")))
    out.append((cache_to_router, v1_here_i_am()))
    out.append((router_to_cache, v1_i_see_you()))
    out.append((cache_to_router, v1_assign_bucket()))
    return out


def main():
    path = output_path(DEFAULT_OUT)
    # fixed timestamps (1700000000 + i seconds, 0 microseconds): the file is byte-for-byte reproducible
    write_pcap(path, [udp_frame(src, dst, payload, 0x1000 + i) for i, ((src, dst), payload) in enumerate(frames())],
               1700000000, snaplen=65535, usec_step=0)


if __name__ == "__main__":
    main()
