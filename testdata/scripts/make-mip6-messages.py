#!/usr/bin/env python3
"""Writes mip6-messages.pcap: Mobility Headers of MH Types 8 to 24, built by hand.

Independent of the Java code: every Mobility Header is assembled octet by octet with struct
(here, and in mip6wire.py for the framing both Mobile IPv6 captures share; capwire.py writes
IPv6, Ethernet and pcap), following the figures of RFC 5568 (Fast Binding Update 6.2.2, Fast
Binding Acknowledgment 6.2.3, Handover Initiate 6.2.1.1, Handover Acknowledge 6.2.1.2, options
6.4.2 and 6.4.4), RFC 4068 section 6.3.3 (Fast Neighbor Advertisement, deprecated by RFC 5568),
RFC 5096 section 3 (Experimental Mobility Header), RFC 5142 section 4 (Home Agent Switch),
RFC 5847 section 3.3 and 3.4 (Heartbeat, Restart Counter option), RFC 5846 sections 5.1 and 5.2
(Binding Revocation Indication and Acknowledgement), RFC 6705 sections 10.1 and 10.2 (Localized
Routing Initiation and Acknowledgment), RFC 7077 sections 4.1 and 4.2 (Update Notification and
its Acknowledgement), RFC 7109 sections 6.1.1, 6.1.2 and 6.2.1 (Flow Binding Indication and
Acknowledgement, Flow Binding Action sub-option) and RFC 7161 sections 4.3.1.2 and 4.3.2.2
(Subscription Query and Response). The expected field values of the Java golden test are NOT
taken from this script: testdata/scripts/tshark-golden-mip6.sh runs tshark on the pcap and
stores what tshark prints; the fields tshark 4.0 does not decode are compared by
Mip6MessagesTest with the values listed below (those of the RFC figures the bytes follow).

Plain python3 (no scapy). Every frame is Ethernet 02:00:5e:10:00:01 -> 02:00:5e:10:00:02, then
IPv6 (hop limit 64, Next Header 135) from 2001:db8:a::1 to 2001:db8:c0a::100 (or back, for the
answers, marked "<-"), then the Mobility Header: Payload Proto 59, Header Len from the length,
Reserved 0, the Checksum computed over the IPv6 pseudo-header (RFC 6275 section 6.1.1, Next
Header 135; no Home Address option and no Routing Header, so no substitution). Options are
padded as a sender pads them (RFC 6275 section 6.2.1), to a multiple of 8 octets at the end.
MN-ID is the Mobile Node Identifier option (type 8, RFC 4283) with subtype 1 and the NAI given;
HNP the Home Network Prefix option (type 22, RFC 5213 section 8.3), Reserved 0, prefix length
64; IPAP the Mobility Header IPv6 Address/Prefix option (RFC 5568 section 6.4.2, Length 18,
Prefix Length 128, alignment 8n+4) with the type IANA assigned, 34 (the RFC's text prints 17,
which IANA lists as DNS-UPDATE-TYPE, RFC 5026); MH-LLA the Mobility Header Link-Layer Address option (type 7,
RFC 5568 section 6.4.4, Option-Code 2, the MN's MAC 02:00:5e:10:00:09).

Frames ("flags" is the flag field as on the wire, reserved bits included):

   1 FBU (8): Sequence 0x1234, flags 0xc000 (A H), Lifetime 60; Alternate CoA 2001:db8:c0b::100
   2 FBU: Sequence 1, flags 0xf5a5 (A H L K, reserved 0x5a5), Lifetime 0
   3 FBack (9) <-: Status 0, flags 0x80 (K), Sequence 0x1234, Lifetime 60
   4 FBack <-: Status 1, flags 0x55 (reserved 0x55), Sequence 0x1235, Lifetime 30; Alternate CoA
     2001:db8:c0b::200
   5 FNA (10): Reserved 0; MH-LLA
   6 FNA: Reserved 0xabcd
   7 Experimental (11): no data, so two octets of padding (Header Len 0, RFC 5096 section 3)
   8 Experimental: Message Data "experimental data!" (18 octets)
   9 HAS (12) <-: no address, Reserved 0 (Header Len 0, RFC 5142 section 4)
  10 HAS <-: 2 addresses 2001:db8:a::2, 2001:db8:a::3, Reserved 0x5a; Binding Refresh Advice 30
  11 Heartbeat (13): flags 0x4000 (a reserved bit; a request: R 0), Sequence 1
  12 Heartbeat <-: flags 0x0003 (U R), Sequence 0x89abcdef; Restart Counter (type 28) 7
  13 HI (14): Sequence 7, flags 0xc0 (S U), Code 0; MH-LLA, IPAP Option-Code 1 2001:db8:c0a::100
  14 HI: Sequence 0xffff, flags 0x2a (reserved 0x2a), Code 1
  15 HAck (15) <-: Sequence 7, Reserved 0, Code 2; IPAP Option-Code 2 2001:db8:c0b::100
  16 HAck <-: Sequence 8, Reserved 0xff, Code 128
  17 BRI (16, B.R. Type 1): R. Trigger 1, Sequence 100, flags 0xc000 (P V); MN-ID mn1@example.com
  18 BRI: R. Trigger 128, Sequence 101, flags 0x2555 (G, reserved 0x0555)
  19 BRA (16, B.R. Type 2) <-: Status 0, Sequence 100, flags 0xc000 (P V)
  20 Binding Revocation with the unassigned B.R. Type 3: Message Data 03 07 00 01 00 00 00 00 00 00
  21 LRI (17): Sequence 300, Reserved 0, Lifetime 600; MN-ID mn1@example.com, HNP 2001:db8:1::,
     MN-ID mn2@example.com, HNP 2001:db8:2::
  22 LRI: Sequence 301, Reserved 0x1234, Lifetime 0xffff (infinite)
  23 LRA (18) <-: Sequence 300, flags 0x00, Status 0, Lifetime 600
  24 LRA <-: Sequence 301, flags 0x95 (U, reserved 0x15), Status 129, Lifetime 0
  25 UN (19) <-: Sequence 500, Notification Reason 1, flags 0x8000 (A); MN-ID mn1@example.com
  26 UN <-: Sequence 501, Notification Reason 3, flags 0xd234 (A D, reserved 0x1234)
  27 UNA (20): Sequence 500, Status 0, Reserved 0; MN-ID mn1@example.com
  28 UNA: Sequence 501, Status 129, Reserved 0xabcdef
  29 FBI (21, Flow Binding Type 1) <-: Sequence 600, Trigger 2, flags 0x80 (A); Flow
     Identification (type 45): FID 1, FID-PRI 10, Reserved 0, Status 0, sub-option Flow Binding
     Action (type 4, Length 2, Reserved 0, Action 11)
  30 FBA (21, Flow Binding Type 2): Sequence 600, Status 129, Reserved 0x5a
  31 Flow Binding with the unassigned Flow Binding Type 3: Message Data 00 03 02 58 00 00 00 00 00 00
  32 SQ (22) <-: Sequence 9, Reserved 0; MN-ID mn1@example.com
  33 SQ <-: Sequence 255, Reserved 0xa5
  34 SR (23): Sequence 9, flags 0x80 (I); MN-ID mn1@example.com
  35 SR: Sequence 10, flags 0x7f (reserved 0x7f)
  36 MH Type 24 (unassigned): Message Data 00 01 02 ... 09

Usage: python3 testdata/scripts/make-mip6-messages.py [OUTPUT]
(default: testdata/src/main/resources/org/tunnelcodec/testdata/captures/mip6-messages.pcap)
"""
import os

from capwire import CAPTURES, ETHERTYPE_IPV6, u8, u16, u24, u32, a6, ethernet, ipv6, output_path, write_pcap
from mip6wire import MH, option, sub_option, pad, refresh, alt_coa, flow_id, mobility_header, with_checksum

DEFAULT_OUT = os.path.join(CAPTURES, "mip6-messages.pcap")

T0 = 1704068700  # the slot after lisp-control-variants.pcap (1704068600)
MAC_A = bytes.fromhex("02005e100001")
MAC_B = bytes.fromhex("02005e100002")
MN_MAC = bytes.fromhex("02005e100009")
HA = "2001:db8:a::1"
COA = "2001:db8:c0a::100"


# ------------------------------------------------------------------ mobility options (RFC 6275 6.2)
#
# Option framing, padding and placement, Binding Refresh Advice, Alternate Care-of Address and
# Flow Identification come from mip6wire; an option here is (x, y, octets) for the alignment xn+y.
# A message without options carries the padding to 8n in its fixed part, as pad(n).

def mn_id(nai):
    return 1, 0, option(8, u8(1) + nai.encode("ascii"))


def hnp(prefix):
    return 8, 4, option(22, u8(0) + u8(64) + a6(prefix))


def ipap(code, address):
    return 8, 4, option(34, u8(code) + u8(128) + a6(address))


def mh_lla():
    return 1, 0, option(7, u8(2) + MN_MAC)


def restart_counter(value):
    return 4, 2, option(28, u32(value))


# ------------------------------------------------------------------ the IPv6 packets

def frame(mh, answer=False):
    src, dst = (COA, HA) if answer else (HA, COA)
    return ethernet(MAC_B, MAC_A, ETHERTYPE_IPV6, ipv6(src, dst, with_checksum(mh, src, dst), MH))


# ------------------------------------------------------------------ the frames

def frames():
    f = []
    # 1-2 Fast Binding Update (RFC 5568 6.2.2): Sequence #, A H L K + 12 reserved bits, Lifetime
    f.append(frame(mobility_header(8, u16(0x1234) + u16(0xC000) + u16(60), [alt_coa("2001:db8:c0b::100")])))
    f.append(frame(mobility_header(8, u16(1) + u16(0xF5A5) + u16(0) + pad(4))))
    # 3-4 Fast Binding Acknowledgment (RFC 5568 6.2.3): Status, K + 7 reserved bits, Sequence #, Lifetime
    f.append(frame(mobility_header(9, u8(0) + u8(0x80) + u16(0x1234) + u16(60) + pad(4)), answer=True))
    f.append(frame(mobility_header(9, u8(1) + u8(0x55) + u16(0x1235) + u16(30), [alt_coa("2001:db8:c0b::200")]),
                   answer=True))
    # 5-6 Fast Neighbor Advertisement (RFC 4068 6.3.3): Reserved (16)
    f.append(frame(mobility_header(10, u16(0), [mh_lla()])))
    f.append(frame(mobility_header(10, u16(0xABCD))))
    # 7-8 Experimental Mobility Header (RFC 5096 3): Message Data only
    f.append(frame(mobility_header(11, bytes(2))))
    f.append(frame(mobility_header(11, b"experimental data!")))
    # 9-10 Home Agent Switch (RFC 5142 4): # of Addresses, Reserved, Home Agent Addresses
    f.append(frame(mobility_header(12, u8(0) + u8(0)), answer=True))
    f.append(frame(mobility_header(12, u8(2) + u8(0x5A) + a6("2001:db8:a::2") + a6("2001:db8:a::3"),
                                   [refresh(30)]), answer=True))
    # 11-12 Heartbeat (RFC 5847 3.3): 14 reserved bits, U, R; Sequence Number (32)
    f.append(frame(mobility_header(13, u16(0x4000) + u32(1) + pad(4))))
    f.append(frame(mobility_header(13, u16(0x0003) + u32(0x89ABCDEF), [restart_counter(7)]), answer=True))
    # 13-14 Handover Initiate (RFC 5568 6.2.1.1): Sequence #, S U + 6 reserved bits, Code
    f.append(frame(mobility_header(14, u16(7) + u8(0xC0) + u8(0), [mh_lla(), ipap(1, COA)])))
    f.append(frame(mobility_header(14, u16(0xFFFF) + u8(0x2A) + u8(1) + pad(6))))
    # 15-16 Handover Acknowledge (RFC 5568 6.2.1.2): Sequence #, Reserved, Code
    f.append(frame(mobility_header(15, u16(7) + u8(0) + u8(2), [ipap(2, "2001:db8:c0b::100")]), answer=True))
    f.append(frame(mobility_header(15, u16(8) + u8(0xFF) + u8(128) + pad(6)), answer=True))
    # 17-20 Binding Revocation (RFC 5846 5.1, 5.2): B.R. Type, R. Trigger or Status, Sequence #, P V G + 13 bits
    f.append(frame(mobility_header(16, u8(1) + u8(1) + u16(100) + u16(0xC000), [mn_id("mn1@example.com")])))
    f.append(frame(mobility_header(16, u8(1) + u8(128) + u16(101) + u16(0x2555) + pad(4))))
    f.append(frame(mobility_header(16, u8(2) + u8(0) + u16(100) + u16(0xC000) + pad(4)), answer=True))
    f.append(frame(mobility_header(16, bytes.fromhex("03070001000000000000"))))
    # 21-22 Localized Routing Initiation (RFC 6705 10.1): Sequence #, Reserved (16), Lifetime (seconds)
    f.append(frame(mobility_header(17, u16(300) + u16(0) + u16(600), [
        mn_id("mn1@example.com"), hnp("2001:db8:1::"), mn_id("mn2@example.com"), hnp("2001:db8:2::")])))
    f.append(frame(mobility_header(17, u16(301) + u16(0x1234) + u16(0xFFFF) + pad(4))))
    # 23-24 Localized Routing Acknowledgment (RFC 6705 10.2): Sequence #, U + 7 reserved bits, Status, Lifetime
    f.append(frame(mobility_header(18, u16(300) + u8(0) + u8(0) + u16(600) + pad(4)), answer=True))
    f.append(frame(mobility_header(18, u16(301) + u8(0x95) + u8(129) + u16(0) + pad(4)), answer=True))
    # 25-26 Update Notification (RFC 7077 4.1): Sequence #, Notification Reason (16), A D + 14 reserved bits
    f.append(frame(mobility_header(19, u16(500) + u16(1) + u16(0x8000), [mn_id("mn1@example.com")]), answer=True))
    f.append(frame(mobility_header(19, u16(501) + u16(3) + u16(0xD234) + pad(4)), answer=True))
    # 27-28 Update Notification Acknowledgement (RFC 7077 4.2): Sequence #, Status Code, Reserved (24)
    f.append(frame(mobility_header(20, u16(500) + u8(0) + u24(0), [mn_id("mn1@example.com")])))
    f.append(frame(mobility_header(20, u16(501) + u8(129) + u24(0xABCDEF) + pad(4))))
    # 29-31 Flow Binding (RFC 7109 6.1.1, 6.1.2): Flow Binding Type (16), Sequence #, Trigger or Status, A + 7 bits
    action = sub_option(4, u8(0) + u8(11))  # Flow Binding Action (RFC 7109 6.2.1): Reserved, Action
    f.append(frame(mobility_header(21, u16(1) + u16(600) + u8(2) + u8(0x80), [flow_id(1, 10, 0, action)]),
                   answer=True))
    f.append(frame(mobility_header(21, u16(2) + u16(600) + u8(129) + u8(0x5A) + pad(4))))
    f.append(frame(mobility_header(21, bytes.fromhex("00030258000000000000"))))
    # 32-33 Subscription Query (RFC 7161 4.3.1.2): Sequence # (8), Reserved (8)
    f.append(frame(mobility_header(22, u8(9) + u8(0), [mn_id("mn1@example.com")]), answer=True))
    f.append(frame(mobility_header(22, u8(255) + u8(0xA5)), answer=True))
    # 34-35 Subscription Response (RFC 7161 4.3.2.2): Sequence # (8), I + 7 reserved bits
    f.append(frame(mobility_header(23, u8(9) + u8(0x80), [mn_id("mn1@example.com")])))
    f.append(frame(mobility_header(23, u8(10) + u8(0x7F))))
    # 36 MH Type 24, unassigned
    f.append(frame(mobility_header(24, bytes(range(10)))))
    return f


def main():
    write_pcap(output_path(DEFAULT_OUT), frames(), T0)


if __name__ == "__main__":
    main()
