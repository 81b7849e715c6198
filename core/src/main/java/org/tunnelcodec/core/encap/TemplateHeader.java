package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;

/**
 * One header of an encapsulation template: the extension point through which core and every
 * protocol module contribute their headers to an {@link EncapTemplate}, without core knowing
 * the modules.
 *
 * <p>A header says three things:
 * <ol>
 *   <li>its octets, written once when the template is built ({@link #length()},
 *       {@link #write});</li>
 *   <li>what push must fix in them for each packet, in core's closed vocabulary
 *       ({@link #fixups}, see {@link Fixups});</li>
 *   <li>what it is to the header in front of it: the IP protocol number, EtherType or UDP
 *       destination port that announces it ({@link #ipProtocol()}, {@link #etherType()},
 *       {@link #udpPort()}). The chain decides every next-protocol field from these: an IPv4
 *       header followed by a GRE header gets Protocol 47 because the GRE header says
 *       {@code ipProtocol() == 47}; the innermost header's field is set per push from the
 *       packet's {@link InnerType}.</li>
 * </ol>
 * {@link #etherType()} also tells core how to read a header's TTL and DSCP/ECN when an outer
 * header copies them: 0x0800 and 0x86DD mean the header starts with an IPv4 or IPv6 header,
 * 0x8847 with a label stack entry. A header whose {@code etherType()} says so must have that
 * layout.
 *
 * <p>Implementations are immutable values (records, typically) and are used only while a
 * template is built; the template keeps their octets and instructions, not the objects.
 */
public interface TemplateHeader {
    /**
     * Returns the number of octets this header occupies in the template.
     *
     * @return the length, at least 1
     */
    int length();

    /**
     * Writes this header's octets. The fields this header declares in {@link #fixups} (next
     * protocol, lengths, checksums, per-packet fields) may be written as anything: the template
     * fills them, and for per-packet fields the value written is the one push keeps when the
     * packet gives none (the TTL of an outer header that inherits it from a packet without
     * one, for instance).
     *
     * @param dst the template under construction; the builder passes a buffer of exactly
     *            {@link #length()} octets, in big-endian order
     * @param index where the header's first octet goes (0 for the builder's buffer)
     */
    void write(ByteBuffer dst, int index);

    /**
     * Declares what push fixes in this header, with {@code out}'s methods; each method names
     * octets of this header only.
     *
     * @param out the template's instruction builder, which also answers questions about the
     *            chain around this header
     * @param offset the offset of this header's first octet in the template
     */
    void fixups(Fixups out, int offset);

    /**
     * Returns the IP protocol number an IPv4 Protocol or IPv6 Next Header field carries to
     * announce this header (47 for GRE, 17 for UDP, 4 for IPv4).
     *
     * @return the protocol number, 0..255, or -1 if IP does not carry this header directly
     */
    default int ipProtocol() {
        return -1;
    }

    /**
     * Returns the EtherType a GRE Protocol Type or Ethernet EtherType field carries to announce
     * this header (0x0800 for IPv4, 0x8847 for an MPLS label stack).
     *
     * @return the EtherType, 0..65535, or -1 if this header has none
     */
    default int etherType() {
        return -1;
    }

    /**
     * Returns the UDP destination port that announces this header right after a UDP header
     * (4789 for VXLAN, 6635 for MPLS, 4754 for GRE), used by a UDP header whose destination
     * port is taken from the chain.
     *
     * @return the port, 0..65535, or -1 if no port is assigned
     */
    default int udpPort() {
        return -1;
    }
}
