package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.Fixups;
import org.tunnelcodec.core.encap.TemplateHeader;

/**
 * The LISP module's contribution to encapsulation templates ({@link EncapTemplate}): a LISP or
 * LISP-GPE data header as one header of a chain, behind {@code UdpTemplateHeader.flowHash(...)}
 * (RFC 9300 §5.3 puts a hash of the inner header in the UDP source port) and an outer IPv4 or
 * IPv6 header, so that LISP runs inside other tunnels and other tunnels inside LISP-GPE.
 * <ul>
 *   <li>LISP (RFC 9300 §5.1) carries IPv4 and IPv6 packets only: the header announces UDP port
 *       4341 and accepts nothing else after it.</li>
 *   <li>LISP-GPE (RFC 9305 §3) names what follows in Next Protocol, set from the chain or per
 *       push: IPv4 1, IPv6 2, Ethernet 3, NSH 4.</li>
 * </ul>
 * The header's octets are written once, as the record holds them: a template pushes the same
 * Nonce on every packet. For a nonce per packet and the echo-nonce request, use
 * {@link LispEncapsulator}, the ITR's own precomputed encapsulation.
 */
public final class LispTemplates {
    private LispTemplates() {
    }

    /**
     * Returns a LISP data header as the record holds it.
     *
     * @param header the header
     * @return the template header
     * @throws IllegalArgumentException if the header breaks a sender rule of RFC 9300 §5.3
     *     ({@link LispEncoder#senderRuleBroken})
     */
    public static TemplateHeader lisp(LispHeader header) {
        Objects.requireNonNull(header, "header");
        String broken = LispEncoder.senderRuleBroken(header);
        if (broken != null) {
            throw new IllegalArgumentException("header: " + broken + ": " + header);
        }
        return new Lisp(header);
    }

    /**
     * Returns a LISP-GPE header with I set and this Instance ID; Next Protocol comes from what
     * follows it.
     *
     * @param instanceId the Instance ID, 0..16777215
     * @return the template header
     * @throws IllegalArgumentException if the Instance ID is out of range
     */
    public static TemplateHeader lispGpe(int instanceId) {
        return lispGpe(LispGpeHeader.of(LispGpeNextProtocol.ETHERNET, instanceId));
    }

    /**
     * Returns a LISP-GPE header as the record holds it; its Next Protocol is replaced by the one
     * of what follows it.
     *
     * @param header the header
     * @return the template header
     */
    public static TemplateHeader lispGpe(LispGpeHeader header) {
        return new Gpe(Objects.requireNonNull(header, "header"));
    }

    /** LISP: IPv4 or IPv6 only. */
    private record Lisp(LispHeader header) implements TemplateHeader {
        @Override
        public int length() {
            return LispHeader.LENGTH;
        }

        @Override
        public void write(ByteBuffer dst, int index) {
            LispEncoder.encode(header, dst.duplicate().position(index));
        }

        @Override
        public void fixups(Fixups out, int offset) {
            out.carriesOnly(0x0800, 0x86DD); // RFC 9300 §5.1: an IPv4 or IPv6 packet follows
        }

        @Override
        public int udpPort() {
            return LispLayout.UDP_PORT;
        }
    }

    /** LISP-GPE: Next Protocol from the chain. */
    private record Gpe(LispGpeHeader header) implements TemplateHeader {
        @Override
        public int length() {
            return LispGpeHeader.LENGTH;
        }

        @Override
        public void write(ByteBuffer dst, int index) {
            LispGpeEncoder.encode(header, dst.duplicate().position(index));
        }

        @Override
        public void fixups(Fixups out, int offset) {
            out.nextProtocol(offset + 2, 0x00FF, Gpe::nextProtocol); // octet 3: Next Protocol
        }

        private static int nextProtocol(int etherType) {
            return switch (etherType) {
                case 0x0800 -> LispGpeNextProtocol.IPV4.value();
                case 0x86DD -> LispGpeNextProtocol.IPV6.value();
                case 0x6558 -> LispGpeNextProtocol.ETHERNET.value();
                case 0x894F -> LispGpeNextProtocol.NSH.value();
                default -> -1;
            };
        }

        @Override
        public int udpPort() {
            return LispLayout.UDP_PORT;
        }
    }
}
