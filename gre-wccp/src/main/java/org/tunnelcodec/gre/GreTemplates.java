package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.Fixups;
import org.tunnelcodec.core.encap.TemplateHeader;
import org.tunnelcodec.core.internal.Check;

/**
 * The GRE module's contribution to encapsulation templates ({@link EncapTemplate}): a GRE header
 * (RFC 2784, with the Key of RFC 2890) as one header of a chain, over IPv4 (RFC 2784), IPv6
 * (RFC 7676) or UDP (GRE-in-UDP, RFC 8086).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C| |K|S| Reserved0       | Ver |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Checksum (if C)          |       Reserved1 (if C)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Key (if K)                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The octets are {@link GreEncoder}'s. The Protocol Type is the chain's: the EtherType of the
 * next header (0x8847 for an MPLS label stack, 0x6558 for an Ethernet header) or of the packet,
 * per push. With a checksum, push computes it over the GRE header and everything after it (RFC
 * 2784 §2.5). The header announces itself as IP protocol 47 and UDP port 4754 (RFC 8086 §3).
 *
 * <p>Not offered: the Sequence Number (RFC 2890 §2.2 counts packets per tunnel, state a template
 * does not hold), RFC 1701 routing (deprecated by RFC 2784 §2.2) and PPTP's version 1 (a PPP
 * session's framing, not a route's encapsulation).
 */
public final class GreTemplates {
    private GreTemplates() {
    }

    /**
     * Returns a plain RFC 2784 header: 4 octets, no checksum, no key.
     *
     * @return the header
     */
    public static TemplateHeader gre() {
        return gre(GreHeader.ABSENT, false);
    }

    /**
     * Returns an RFC 2890 header with a Key (or a plain one for {@link GreHeader#ABSENT}).
     *
     * @param key the Key, unsigned 32 bits, or {@link GreHeader#ABSENT}
     * @return the header
     * @throws IllegalArgumentException if the key is out of range
     */
    public static TemplateHeader gre(long key) {
        return gre(key, false);
    }

    /**
     * Returns a header with an optional Key and an optional Checksum, computed per push.
     *
     * @param key the Key, unsigned 32 bits, or {@link GreHeader#ABSENT}
     * @param checksum whether to carry the RFC 2784 checksum
     * @return the header
     * @throws IllegalArgumentException if the key is out of range
     */
    public static TemplateHeader gre(long key, boolean checksum) {
        Check.inRange("key", key, GreHeader.ABSENT, 0xFFFF_FFFFL);
        return new Gre(GreHeader.of(EtherType.of(0), checksum, key, GreHeader.ABSENT));
    }

    /** A GRE header whose Protocol Type the chain decides. */
    private record Gre(GreHeader header) implements TemplateHeader {
        @Override
        public int length() {
            return header.headerLength();
        }

        @Override
        public void write(ByteBuffer dst, int index) {
            GreEncoder.encode(header, dst.duplicate().position(index));
        }

        @Override
        public void fixups(Fixups out, int offset) {
            out.nextEtherType(offset + 2);
            if (header.checksumPresent()) {
                out.checksum(offset + 4, offset); // RFC 2784 §2.5: GRE header and payload
            }
        }

        @Override
        public int ipProtocol() {
            return IpProtocol.GRE.value(); // RFC 2784 §2
        }

        @Override
        public int udpPort() {
            return GreLayout.GRE_IN_UDP_PORT;
        }

        @Override
        public String toString() {
            return "Gre[key=" + header.key() + ", checksum=" + header.checksumPresent() + "]";
        }
    }
}
