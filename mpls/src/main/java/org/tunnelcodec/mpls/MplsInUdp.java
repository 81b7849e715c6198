package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.FlowHash;

/**
 * MPLS-in-UDP (RFC 7510): the receiver's rules and the sender's source port. The label stack
 * follows the 8-octet UDP header directly; the UDP header itself is core's
 * ({@code org.tunnelcodec.core.transport.UdpEncoder} computes its Length and checksum).
 */
public final class MplsInUdp {
    /** The destination port of MPLS-in-UDP (RFC 7510 §3). */
    public static final int PORT = 6635;

    /** The destination port of MPLS-in-UDP over DTLS (RFC 7510 §4): DTLS records, not a label stack. */
    public static final int DTLS_PORT = 6636;

    private MplsInUdp() {
    }

    /**
     * Returns whether a datagram to this destination port carries a bare label stack: 6635 does;
     * 6636 carries DTLS records (RFC 7510 §4) that must not be parsed as one.
     *
     * @param destinationPort the UDP destination port
     * @return whether a label stack follows the UDP header
     */
    public static boolean carriesLabelStack(int destinationPort) {
        return destinationPort == PORT;
    }

    /**
     * Returns whether a receiver accepts the datagram's UDP checksum field. Over IPv4 a zero
     * checksum is allowed (RFC 7510 §3; real traffic uses it). Over IPv6 a zero checksum is
     * accepted only where the operator enabled the zero-checksum mode of RFC 6935 and RFC 6936
     * (RFC 7510 §3 and §5); any non-zero checksum is verified separately, over the datagram.
     *
     * @param overIpv6         whether the outer header is IPv6
     * @param checksum         the UDP Checksum field
     * @param zeroChecksumMode whether the receiver was configured to accept zero checksums over IPv6
     * @return whether the checksum field is acceptable before verification
     */
    public static boolean acceptsChecksumField(boolean overIpv6, int checksum, boolean zeroChecksumMode) {
        return checksum != 0 || !overIpv6 || zeroChecksumMode;
    }

    /**
     * Returns the UDP source port for an MPLS-in-UDP datagram: a hash of the inner flow in the
     * dynamic range 49152..65535, so that routers balancing on the UDP 5-tuple spread the flows
     * (RFC 7510 §3). The same inner flow always gets the same port; allocation-free.
     *
     * @param buf    the buffer holding the packet behind the label stack
     * @param index  the absolute index of its first octet
     * @param length its length
     * @param type   what it is: IPv4 or IPv6 packets hash on their flow, an Ethernet pseudowire on
     *               the frame (the IP packet inside it when there is one), anything else on its first octets
     * @return the source port, 49152..65535
     * @throws IndexOutOfBoundsException if the range lies outside the buffer's limit
     */
    public static int sourcePort(ByteBuffer buf, int index, int length, MplsPayloadType type) {
        Objects.requireNonNull(type, "type");
        Objects.checkFromIndexSize(index, length, buf.limit());
        int hash = MplsPush.flowHash(buf, index, index + length, type); // the hash an entropy label would take
        return FlowHash.sourcePort(hash);
    }
}
