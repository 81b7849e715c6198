package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;

/**
 * A UDP header (RFC 768) in an encapsulation template: the transport of VXLAN, Geneve,
 * GRE-in-UDP, MPLS-in-UDP and LISP.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |        Destination Port       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Length            |            Checksum           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The Source Port is the packet's flow hash mapped onto {@code [sourcePortMin,
 * sourcePortMax]} (RFC 7348 §5, RFC 8086 §3.2.1 and RFC 7510 §3 recommend the dynamic range
 * 49152..65535, {@link FlowHash#sourcePort(int)}), so that routers that balance on the UDP
 * 5-tuple spread the tunnel's flows while each flow keeps one port; a range of one port is a
 * fixed port. The Destination Port is {@code destinationPort}, or with {@link #FROM_CHAIN} the
 * next header's {@link TemplateHeader#udpPort()} (4789 for VXLAN). Length is precomputed for an
 * empty packet and the packet's length added per push. The Checksum follows {@code checksum}.
 * The header must be directly inside an IPv4 or IPv6 header when the checksum is computed.
 *
 * @param sourcePortMin the lowest Source Port, 0..65535
 * @param sourcePortMax the highest Source Port, {@code sourcePortMin}..65535
 * @param destinationPort the Destination Port, 0..65535, or {@link #FROM_CHAIN}
 * @param checksum what the Checksum is
 */
public record UdpTemplateHeader(int sourcePortMin, int sourcePortMax, int destinationPort,
                                UdpChecksumMode checksum) implements TemplateHeader {
    /** {@code destinationPort}: the port of the next header in the chain. */
    public static final int FROM_CHAIN = -1;

    /**
     * Checks the components.
     *
     * @param sourcePortMin the lowest Source Port, 0..65535
     * @param sourcePortMax the highest Source Port, {@code sourcePortMin}..65535
     * @param destinationPort the Destination Port, 0..65535, or {@link #FROM_CHAIN}
     * @param checksum what the Checksum is
     */
    public UdpTemplateHeader {
        Check.inRange("sourcePortMin", sourcePortMin, 0, 0xFFFF);
        Check.inRange("sourcePortMax", sourcePortMax, sourcePortMin, 0xFFFF);
        if (destinationPort != FROM_CHAIN) {
            Check.inRange("destinationPort", destinationPort, 0, 0xFFFF);
        }
        Objects.requireNonNull(checksum, "checksum");
    }

    /**
     * Returns a header whose Source Port is the flow hash in 49152..65535.
     *
     * @param destinationPort the Destination Port, or {@link #FROM_CHAIN}
     * @param checksum what the Checksum is
     * @return the header
     */
    public static UdpTemplateHeader flowHash(int destinationPort, UdpChecksumMode checksum) {
        return new UdpTemplateHeader(FlowHash.EPHEMERAL_MIN, FlowHash.EPHEMERAL_MAX, destinationPort, checksum);
    }

    /**
     * Returns a header with a fixed Source Port.
     *
     * @param sourcePort the Source Port
     * @param destinationPort the Destination Port, or {@link #FROM_CHAIN}
     * @param checksum what the Checksum is
     * @return the header
     */
    public static UdpTemplateHeader fixed(int sourcePort, int destinationPort, UdpChecksumMode checksum) {
        return new UdpTemplateHeader(sourcePort, sourcePort, destinationPort, checksum);
    }

    /**
     * Returns 8.
     *
     * @return 8
     */
    @Override
    public int length() {
        return 8;
    }

    /**
     * Writes the header: a fixed Source Port, the Destination Port unless it is the chain's; Length
     * and Checksum are left to the template.
     *
     * @param dst the destination
     * @param index where the header starts
     */
    @Override
    public void write(ByteBuffer dst, int index) {
        Wire.put16(dst, index, sourcePortMin);
        Wire.put16(dst, index + 2, destinationPort == FROM_CHAIN ? 0 : destinationPort);
    }

    /**
     * Declares Length, the entropy Source Port, the chain's Destination Port and the checksum.
     *
     * @param out the builder
     * @param offset the header's offset
     * @throws IllegalArgumentException if the checksum is {@link UdpChecksumMode#ZERO} under
     *     IPv6 (RFC 8200 §8.1; see {@link UdpChecksumMode#ZERO_CHECKSUM_MODE}), or computed
     *     without an IP header just outside
     */
    @Override
    public void fixups(Fixups out, int offset) {
        out.udpLength(offset);
        if (sourcePortMax != sourcePortMin) {
            out.udpSourcePort(offset, sourcePortMin, sourcePortMax);
        }
        if (destinationPort == FROM_CHAIN) {
            out.nextUdpPort(offset + 2);
        }
        if (checksum == UdpChecksumMode.ZERO && out.enclosingIpVersion() == 6) {
            throw new IllegalArgumentException("checksum: ZERO under IPv6 (expected: COMPUTE, or ZERO_CHECKSUM_MODE"
                    + " where both tunnel ends use the zero-checksum mode of RFC 6935 §5 and RFC 6936 §5;"
                    + " RFC 8200 §8.1)");
        }
        if (checksum == UdpChecksumMode.COMPUTE) {
            out.udpChecksum(offset);
        }
    }

    /**
     * Returns 17.
     *
     * @return 17
     */
    @Override
    public int ipProtocol() {
        return 17;
    }
}
