package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;

/**
 * An outer IPv6 header (RFC 8200 §3, no extension headers) in an encapsulation template: an
 * IPv6 tunnel (RFC 2473) when the next header of the chain, or the packet, is itself IP, and the
 * delivery header of GRE (RFC 7676), UDP-based and MPLS-in-IP tunnels.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Source Address (16 octets)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Destination Address (16 octets)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Next Header is the chain's (as {@link Ipv4TemplateHeader}'s Protocol); Payload Length is
 * precomputed for an empty packet and the packet's length added per push. The Hop Limit is the
 * tunnel's own, {@code hopLimit} (RFC 2473 §6.3), or with {@link #INHERIT} the inner header's;
 * the Traffic Class's DSCP is {@code dscp} or, with {@link #COPY}, the inner header's (RFC 2473
 * §6.4); its ECN field follows {@code ecnMode} (RFC 6040 §4.1). The Flow Label is
 * {@code flowLabel} (RFC 2473 §6.5) or, with {@link #FLOW_HASH}, the packet's flow hash mapped onto
 * 1..0xFFFFF, as RFC 6438 §3 asks of a tunnel ingress.
 *
 * @param source the Source Address: the tunnel's local end
 * @param destination the Destination Address: the tunnel's remote end
 * @param hopLimit the Hop Limit, 1..255, or {@link #INHERIT}
 * @param dscp the DSCP of the Traffic Class, 0..63, or {@link #COPY}
 * @param ecnMode how the ECN field of the Traffic Class is set (RFC 6040 §4.1)
 * @param flowLabel the Flow Label, 0..0xFFFFF, or {@link #FLOW_HASH}
 */
public record Ipv6TemplateHeader(Ipv6Address source, Ipv6Address destination, int hopLimit, int dscp,
                                 EcnMode ecnMode, int flowLabel) implements TemplateHeader {
    /** {@code hopLimit}: take the inner header's TTL or Hop Limit. */
    public static final int INHERIT = -1;
    /** {@code dscp}: copy the inner header's DSCP. */
    public static final int COPY = -1;
    /** {@code flowLabel}: the packet's flow hash, 1..0xFFFFF (RFC 6438 §3). */
    public static final int FLOW_HASH = -1;
    /** The Hop Limit of {@link #of}, and the one an inheriting header keeps over a packet without one. */
    public static final int DEFAULT_HOP_LIMIT = 64;

    /**
     * Checks the components.
     *
     * @param source the Source Address: the tunnel's local end
     * @param destination the Destination Address: the tunnel's remote end
     * @param hopLimit the Hop Limit, 1..255, or {@link #INHERIT}
     * @param dscp the DSCP of the Traffic Class, 0..63, or {@link #COPY}
     * @param ecnMode how the ECN field of the Traffic Class is set (RFC 6040 §4.1)
     * @param flowLabel the Flow Label, 0..0xFFFFF, or {@link #FLOW_HASH}
     */
    public Ipv6TemplateHeader {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (hopLimit != INHERIT) {
            Check.inRange("hopLimit", hopLimit, 1, 255);
        }
        if (dscp != COPY) {
            Check.inRange("dscp", dscp, 0, 63);
        }
        Objects.requireNonNull(ecnMode, "ecnMode");
        if (flowLabel != FLOW_HASH) {
            Check.inRange("flowLabel", flowLabel, 0, 0xFFFFF);
        }
    }

    /**
     * Returns a header with Hop Limit 64, DSCP 0, ECN in normal mode and a flow-hash Flow Label.
     *
     * @param source the Source Address
     * @param destination the Destination Address
     * @return the header
     */
    public static Ipv6TemplateHeader of(Ipv6Address source, Ipv6Address destination) {
        return new Ipv6TemplateHeader(source, destination, DEFAULT_HOP_LIMIT, 0, EcnMode.NORMAL, FLOW_HASH);
    }

    /**
     * Returns a copy with another Hop Limit.
     *
     * @param newHopLimit 1..255, or {@link #INHERIT}
     * @return the copy
     */
    public Ipv6TemplateHeader withHopLimit(int newHopLimit) {
        return new Ipv6TemplateHeader(source, destination, newHopLimit, dscp, ecnMode, flowLabel);
    }

    /**
     * Returns a copy with another DSCP.
     *
     * @param newDscp 0..63, or {@link #COPY}
     * @return the copy
     */
    public Ipv6TemplateHeader withDscp(int newDscp) {
        return new Ipv6TemplateHeader(source, destination, hopLimit, newDscp, ecnMode, flowLabel);
    }

    /**
     * Returns a copy with another ECN mode.
     *
     * @param newEcnMode the mode
     * @return the copy
     */
    public Ipv6TemplateHeader withEcnMode(EcnMode newEcnMode) {
        return new Ipv6TemplateHeader(source, destination, hopLimit, dscp, newEcnMode, flowLabel);
    }

    /**
     * Returns a copy with another Flow Label.
     *
     * @param newFlowLabel 0..0xFFFFF, or {@link #FLOW_HASH}
     * @return the copy
     */
    public Ipv6TemplateHeader withFlowLabel(int newFlowLabel) {
        return new Ipv6TemplateHeader(source, destination, hopLimit, dscp, ecnMode, newFlowLabel);
    }

    /**
     * Returns 40.
     *
     * @return 40
     */
    @Override
    public int length() {
        return 40;
    }

    /**
     * Writes the header; Payload Length and Next Header are left to the template.
     *
     * @param dst the destination
     * @param index where the header starts
     */
    @Override
    public void write(ByteBuffer dst, int index) {
        int trafficClass = (dscp == COPY ? 0 : dscp) << 2; // ECN Not-ECT unless copied
        Wire.put32(dst, index, 6L << 28 | (long) trafficClass << 20 | (flowLabel == FLOW_HASH ? 0 : flowLabel));
        Wire.put8(dst, index + 7, hopLimit == INHERIT ? DEFAULT_HOP_LIMIT : hopLimit);
        source.write(dst, index + 8);
        destination.write(dst, index + 24);
    }

    /**
     * Declares the header, its inherited Hop Limit, copied Traffic Class and hashed Flow Label.
     *
     * @param out the builder
     * @param offset the header's offset
     */
    @Override
    public void fixups(Fixups out, int offset) {
        out.ipHeader(offset);
        if (hopLimit == INHERIT) {
            out.ipTimeToLive(offset);
        }
        out.ipDscpEcn(offset, dscp == COPY, ecnMode);
        if (flowLabel == FLOW_HASH) {
            out.flowHashField(offset, 0, 20, 1, 0xFFFFF); // RFC 6438 §3; 0 would mean "no label"
        }
    }

    /**
     * Returns 41: IPv6 in IP (RFC 2473 §3, RFC 4213).
     *
     * @return 41
     */
    @Override
    public int ipProtocol() {
        return 41;
    }

    /**
     * Returns 0x86DD.
     *
     * @return 0x86DD
     */
    @Override
    public int etherType() {
        return 0x86DD;
    }
}
