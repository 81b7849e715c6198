"""The Mobility Header pieces both Mobile IPv6 capture scripts build with (make-mip6-messages.py
and make-mip6-scenarios.py): the option framing and padding of RFC 6275 section 6.2, the options
both use, the placement of options at their alignment and the Checksum of RFC 6275 section
6.1.1. The message layouts (the fixed fields of each MH Type) and the options only one capture
has stay in its script.

An option to place is a triple (x, y, octets): the option wants the alignment xn+y, counted from
the start of the Mobility Header (RFC 6275 6.2).
"""
from capwire import inet_checksum, pseudo_header, u8, u16, a6

MH = 135  # IPv6 Next Header value of the Mobility Header (RFC 6275 6.1)


def option(option_type, data):
    """Option Type, Option Length (of the data), data (RFC 6275 6.2.1)."""
    return u8(option_type) + u8(len(data)) + data


def sub_option(sub_type, data):
    """A sub-option of a Flow Identification option (RFC 6089 4.2): Sub-opt Type, Sub-opt Len, data."""
    return u8(sub_type) + u8(len(data)) + data


def pad(n):
    """n octets of padding: Pad1 for one, PadN for more (RFC 6275 6.2.2, 6.2.3)."""
    if n == 0:
        return b""
    if n == 1:
        return b"\0"
    return option(1, bytes(n - 2))


def refresh(units):
    """Binding Refresh Advice (RFC 6275 6.2.4, type 2, 2n): Refresh Interval in units of 4 s."""
    return 2, 0, option(2, u16(units))


def alt_coa(address):
    """Alternate Care-of Address (RFC 6275 6.2.5, type 3, 8n+6)."""
    return 8, 6, option(3, a6(address))


def flow_id(fid, priority, status, subs=b""):
    """Flow Identification (RFC 6089 4.2, type 45, 8n+2): FID, FID-PRI, Reserved, Status, sub-options."""
    return 8, 2, option(45, u16(fid) + u16(priority) + u8(0) + u8(status) + subs)


def mobility_header(mh_type, fixed, options=()):
    """The header without its Checksum: options placed at their alignment (x, y), then padding to 8n."""
    body = bytearray(fixed)
    for x, y, o in options:
        at = 6 + len(body)
        body += pad((y - at) % x)
        body += o
    body += pad(-(6 + len(body)) % 8)
    assert (6 + len(body)) % 8 == 0, "MH Type %d: %d octets" % (mh_type, 6 + len(body))
    return u8(59) + u8((6 + len(body)) // 8 - 1) + u8(mh_type) + u8(0) + u16(0) + bytes(body)


def with_checksum(mh, src, dst):
    """The Mobility Header with its Checksum over the pseudo-header of RFC 6275 6.1.1 (Next
    Header 135); src and dst are the pseudo-header's addresses, after the substitutions of 6.3
    (the home address as the source) and 6.4 (the final destination)."""
    return mh[:4] + u16(inet_checksum(pseudo_header(src, dst, len(mh), MH) + mh)) + mh[6:]
