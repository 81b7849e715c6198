package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.internal.Wire;

/**
 * An Ethernet II header (IEEE 802.3 clause 3.2.6, no VLAN tag) in an encapsulation template:
 * the inner Ethernet header that a layer-2 tunnel (VXLAN, Geneve, GRE with transparent
 * Ethernet bridging) needs in front of an IP packet routed into it, the "inner ethernet" of
 * Linux's lightweight tunnels.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Destination Address (6 octets)                 |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                   Source Address (6 octets)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           EtherType           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The EtherType is the chain's: the next header's {@link TemplateHeader#etherType()}, or the
 * packet's per push. An outer header's TTL and DSCP/ECN come from the IP header behind it, as if
 * it were not there (RFC 9601 §3).
 *
 * @param destination the Destination Address
 * @param source the Source Address
 */
public record EthernetTemplateHeader(MacAddress destination, MacAddress source) implements TemplateHeader {
    /**
     * Checks the components.
     *
     * @param destination the Destination Address
     * @param source the Source Address
     */
    public EthernetTemplateHeader {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Returns the header.
     *
     * @param destination the Destination Address
     * @param source the Source Address
     * @return the header
     */
    public static EthernetTemplateHeader of(MacAddress destination, MacAddress source) {
        return new EthernetTemplateHeader(destination, source);
    }

    /**
     * Returns 14.
     *
     * @return 14
     */
    @Override
    public int length() {
        return 14;
    }

    /**
     * Writes the addresses; the EtherType is left to the template.
     *
     * @param dst the destination
     * @param index where the header starts
     */
    @Override
    public void write(ByteBuffer dst, int index) {
        destination.write(dst, index);
        source.write(dst, index + 6);
        Wire.put16(dst, index + 12, 0);
    }

    /**
     * Declares the EtherType as the chain's.
     *
     * @param out the builder
     * @param offset the header's offset
     */
    @Override
    public void fixups(Fixups out, int offset) {
        out.nextEtherType(offset + 12);
    }

    /**
     * Returns 0x6558: an Ethernet frame, as GRE (RFC 1701 §3.3) and Geneve name it.
     *
     * @return 0x6558
     */
    @Override
    public int etherType() {
        return 0x6558;
    }
}
