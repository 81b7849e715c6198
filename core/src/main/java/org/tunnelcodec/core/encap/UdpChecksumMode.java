package org.tunnelcodec.core.encap;

/**
 * What a template's UDP header sends as its Checksum.
 *
 * <p>Over IPv4 a zero checksum means "none" and is always allowed (RFC 768); VXLAN asks for it
 * (RFC 7348 §5), MPLS-in-UDP and GRE-in-UDP allow it (RFC 7510 §3, RFC 8086 §3.2.1). Over IPv6
 * the checksum is mandatory (RFC 8200 §8.1) except for tunnels whose endpoints both use the
 * zero-checksum mode of RFC 6935 §5 under the applicability conditions of RFC 6936 §5; a
 * template says so with {@link #ZERO_CHECKSUM_MODE}, and {@link #ZERO} under an IPv6 header is
 * refused when the template is built.
 */
public enum UdpChecksumMode {
    /** The checksum is computed on every push, over the pseudo-header, the headers after UDP and the packet. */
    COMPUTE,
    /** Zero, under an IPv4 header only (RFC 768); under an IPv6 header the chain is refused. */
    ZERO,
    /**
     * Zero under IPv4 and under IPv6, where it is the tunnel's zero-checksum mode (RFC 6935 §5,
     * RFC 6936 §5): the receiving endpoint must be configured to accept it.
     */
    ZERO_CHECKSUM_MODE
}
