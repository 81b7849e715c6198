package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.mip6.MobilityHeader;
import org.tunnelcodec.mip6.MobilityHeaderDecoder;

/**
 * Fuzz tests of the Mobile IPv6 module: the Mobility Header decoder (every message type and
 * option), with its index-based entry, its allocation-free check and its Payload Proto, Header
 * Len and MH Type peeks. Each input is the bytes of one Mobility Header and what follows it.
 */
class Mip6FuzzTest {
    /** The decoder, its check, and the peeks. */
    @FuzzTest
    void mobilityHeader(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.MOBILITY_HEADER, Decoders.MOBILITY_HEADER_AT);
        Object checked = Scans.agree(data, decoded, Decoders.MOBILITY_HEADER_CHECKED);
        if (decoded instanceof Accepted a) {
            long lengths = (long) a.headerLength() << 32 | a.payloadLength();
            check(checked.equals(lengths) && a.headerLength() == 8 * ((data[1] & 0xFF) + 1)
                    && a.payloadLength() == data.length - a.headerLength(), "MobilityHeaderDecoder.checked disagrees"
                    + " with decode", data, checked + " vs " + a);
        }
        MobilityHeader h = decoded instanceof Accepted a ? (MobilityHeader) a.header() : null;
        Peeks.peek(data, decoded, "MobilityHeaderDecoder.payloadProto", 1,
                src -> MobilityHeaderDecoder.payloadProto(src, src.position()), d -> Peeks.be(d, 0, 1),
                h == null ? null : 59L);
        Peeks.peek(data, decoded, "MobilityHeaderDecoder.headerLength", 2,
                src -> MobilityHeaderDecoder.headerLength(src, src.position()), d -> 8 * (Peeks.be(d, 1, 1) + 1),
                h == null ? null : (long) h.length());
        Peeks.peek(data, decoded, "MobilityHeaderDecoder.mhType", 3,
                src -> MobilityHeaderDecoder.mhType(src, src.position()), d -> Peeks.be(d, 2, 1),
                h == null ? null : (long) h.type());
    }
}
