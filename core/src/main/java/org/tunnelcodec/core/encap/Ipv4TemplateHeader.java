package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;

/**
 * An outer IPv4 header (RFC 791 §3.1, no options) in an encapsulation template: IP-in-IP when
 * the next header of the chain, or the packet, is itself IP (RFC 2003), and the delivery
 * header of GRE, UDP-based and MPLS-in-IP tunnels.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |   DSCP    |ECN|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |R|D|M|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Protocol is the chain's: the next header's {@link TemplateHeader#ipProtocol()} (4 for
 * IPv4, 41 for IPv6, 47 for GRE, 17 for UDP, 137 for MPLS), or the packet's per push. Total
 * Length and Header Checksum are precomputed for an empty packet and fixed per push by an
 * incremental update (RFC 1624 eqn. 3). The Time to Live is {@code timeToLive}, or with
 * {@link #INHERIT} the TTL or Hop Limit of the IP header inside (Linux's {@code ttl inherit};
 * 64 when that has none). The DSCP is {@code dscp} (the pipe model of RFC 2983 §3.1), or with
 * {@link #COPY} the inner header's (the uniform model); the ECN field follows {@code ecnMode}
 * (RFC 6040 §4.1). Fragment Offset, MF and the reserved flag are 0.
 *
 * @param source the Source Address: the tunnel's local end
 * @param destination the Destination Address: the tunnel's remote end
 * @param timeToLive the Time to Live, 1..255, or {@link #INHERIT}
 * @param dscp the DSCP, 0..63, or {@link #COPY}
 * @param ecnMode how the ECN field is set (RFC 6040 §4.1)
 * @param dontFragment the DF flag; set, the datagram is atomic and its Identification may be
 *                     any value (RFC 6864 §4.1)
 * @param identification the Identification, 0..65535, the same on every packet: keep DF set
 *                       unless the caller fragments or rewrites it (RFC 6864 §4.2)
 */
public record Ipv4TemplateHeader(Ipv4Address source, Ipv4Address destination, int timeToLive, int dscp,
                                 EcnMode ecnMode, boolean dontFragment, int identification)
        implements TemplateHeader {
    /** {@code timeToLive}: take the inner header's TTL or Hop Limit. */
    public static final int INHERIT = -1;
    /** {@code dscp}: copy the inner header's DSCP. */
    public static final int COPY = -1;
    /** The Time to Live of {@link #of}, and the one an inheriting header keeps over a packet without one. */
    public static final int DEFAULT_TIME_TO_LIVE = 64;

    /**
     * Checks the components.
     *
     * @param source the Source Address: the tunnel's local end
     * @param destination the Destination Address: the tunnel's remote end
     * @param timeToLive the Time to Live, 1..255, or {@link #INHERIT}
     * @param dscp the DSCP, 0..63, or {@link #COPY}
     * @param ecnMode how the ECN field is set (RFC 6040 §4.1)
     * @param dontFragment the DF flag
     * @param identification the Identification, 0..65535
     */
    public Ipv4TemplateHeader {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (timeToLive != INHERIT) {
            Check.inRange("timeToLive", timeToLive, 1, 255);
        }
        if (dscp != COPY) {
            Check.inRange("dscp", dscp, 0, 63);
        }
        Objects.requireNonNull(ecnMode, "ecnMode");
        Check.inRange("identification", identification, 0, 0xFFFF);
    }

    /**
     * Returns a header with TTL 64, DSCP 0, ECN in normal mode, DF set and Identification 0.
     *
     * @param source the Source Address
     * @param destination the Destination Address
     * @return the header
     */
    public static Ipv4TemplateHeader of(Ipv4Address source, Ipv4Address destination) {
        return new Ipv4TemplateHeader(source, destination, DEFAULT_TIME_TO_LIVE, 0, EcnMode.NORMAL, true, 0);
    }

    /**
     * Returns a copy with another Time to Live.
     *
     * @param newTimeToLive 1..255, or {@link #INHERIT}
     * @return the copy
     */
    public Ipv4TemplateHeader withTimeToLive(int newTimeToLive) {
        return new Ipv4TemplateHeader(source, destination, newTimeToLive, dscp, ecnMode, dontFragment, identification);
    }

    /**
     * Returns a copy with another DSCP.
     *
     * @param newDscp 0..63, or {@link #COPY}
     * @return the copy
     */
    public Ipv4TemplateHeader withDscp(int newDscp) {
        return new Ipv4TemplateHeader(source, destination, timeToLive, newDscp, ecnMode, dontFragment, identification);
    }

    /**
     * Returns a copy with another ECN mode.
     *
     * @param newEcnMode the mode
     * @return the copy
     */
    public Ipv4TemplateHeader withEcnMode(EcnMode newEcnMode) {
        return new Ipv4TemplateHeader(source, destination, timeToLive, dscp, newEcnMode, dontFragment, identification);
    }

    /**
     * Returns 20.
     *
     * @return 20
     */
    @Override
    public int length() {
        return 20;
    }

    /**
     * Writes the header; Protocol, Total Length and Header Checksum are left to the template.
     *
     * @param dst the destination
     * @param index where the header starts
     */
    @Override
    public void write(ByteBuffer dst, int index) {
        Wire.put8(dst, index, 0x45);
        Wire.put8(dst, index + 1, (dscp == COPY ? 0 : dscp) << 2); // ECN Not-ECT unless copied
        Wire.put16(dst, index + 4, identification);
        Wire.put16(dst, index + 6, dontFragment ? 0x4000 : 0);
        Wire.put8(dst, index + 8, timeToLive == INHERIT ? DEFAULT_TIME_TO_LIVE : timeToLive);
        source.write(dst, index + 12);
        destination.write(dst, index + 16);
    }

    /**
     * Declares the header, its inherited TTL and copied DSCP/ECN.
     *
     * @param out the builder
     * @param offset the header's offset
     */
    @Override
    public void fixups(Fixups out, int offset) {
        out.ipHeader(offset);
        if (timeToLive == INHERIT) {
            out.ipTimeToLive(offset);
        }
        out.ipDscpEcn(offset, dscp == COPY, ecnMode);
    }

    /**
     * Returns 4: IPv4 in IP (RFC 2003).
     *
     * @return 4
     */
    @Override
    public int ipProtocol() {
        return 4;
    }

    /**
     * Returns 0x0800.
     *
     * @return 0x0800
     */
    @Override
    public int etherType() {
        return 0x0800;
    }
}
