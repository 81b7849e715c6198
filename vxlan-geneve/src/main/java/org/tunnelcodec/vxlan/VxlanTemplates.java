package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.Fixups;
import org.tunnelcodec.core.encap.TemplateHeader;

/**
 * The VXLAN module's contribution to encapsulation templates ({@link EncapTemplate}): a VXLAN,
 * VXLAN-GPE or Geneve header as one header of a chain, usually behind
 * {@code UdpTemplateHeader.flowHash(...)} (RFC 7348 §5 and RFC 8926 §3.3 put the inner flow's
 * entropy in the UDP source port) and an outer IPv4 or IPv6 header.
 *
 * <ul>
 *   <li>VXLAN carries Ethernet only (RFC 7348 §5): the header announces UDP port 4789 and
 *       accepts only an Ethernet header or packet after it.</li>
 *   <li>VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe §3) names what follows in Next Protocol, set from
 *       the chain or per push (IPv4 1, IPv6 2, Ethernet 3, NSH 4, MPLS 5); UDP port 4790.</li>
 *   <li>Geneve (RFC 8926 §3) names what follows in Protocol Type, an EtherType set from the chain
 *       or per push; its options are written as given; UDP port 6081.</li>
 * </ul>
 * The octets are the module's encoders'; nothing in them depends on the packet but the next
 * protocol.
 */
public final class VxlanTemplates {
    private VxlanTemplates() {
    }

    /**
     * Returns a VXLAN header with the I flag and this VNI.
     *
     * @param vni the VXLAN Network Identifier, 0..16777215
     * @return the header
     * @throws IllegalArgumentException if the VNI is out of range
     */
    public static TemplateHeader vxlan(int vni) {
        return vxlan(VxlanHeader.of(vni));
    }

    /**
     * Returns a VXLAN header as the record holds it (a Group Policy header, for instance).
     *
     * @param header the header
     * @return the header
     */
    public static TemplateHeader vxlan(VxlanHeader header) {
        return new Vxlan(Objects.requireNonNull(header, "header"));
    }

    /**
     * Returns a VXLAN-GPE header with the I and P flags and this VNI; Next Protocol comes from
     * what follows it.
     *
     * @param vni the VXLAN Network Identifier, 0..16777215
     * @return the header
     * @throws IllegalArgumentException if the VNI is out of range
     */
    public static TemplateHeader vxlanGpe(int vni) {
        return new Gpe(VxlanGpeHeader.of(VxlanGpeNextProtocol.ETHERNET, vni));
    }

    /**
     * Returns a Geneve header with this VNI and options; Protocol Type comes from what follows it.
     *
     * @param vni     the Virtual Network Identifier, 0..16777215
     * @param options the options, in order (their critical bits set the C flag)
     * @return the header
     * @throws IllegalArgumentException if the VNI is out of range or the options do not fit
     */
    public static TemplateHeader geneve(int vni, List<GeneveOption> options) {
        return new Geneve(GeneveHeader.of(EtherType.TRANSPARENT_ETHERNET_BRIDGING, vni, options));
    }

    /** VXLAN: Ethernet only. */
    private record Vxlan(VxlanHeader header) implements TemplateHeader {
        @Override
        public int length() {
            return VxlanHeader.LENGTH;
        }

        @Override
        public void write(ByteBuffer dst, int index) {
            VxlanEncoder.encode(header, dst.duplicate().position(index));
        }

        @Override
        public void fixups(Fixups out, int offset) {
            out.carriesOnly(EtherType.TRANSPARENT_ETHERNET_BRIDGING.value()); // RFC 7348 §5: an Ethernet frame follows
        }

        @Override
        public int udpPort() {
            return VxlanLayers.VXLAN_PORT;
        }
    }

    /** VXLAN-GPE: Next Protocol from the chain. */
    private record Gpe(VxlanGpeHeader header) implements TemplateHeader {
        @Override
        public int length() {
            return VxlanGpeHeader.LENGTH;
        }

        @Override
        public void write(ByteBuffer dst, int index) {
            VxlanGpeEncoder.encode(header, dst.duplicate().position(index));
        }

        @Override
        public void fixups(Fixups out, int offset) {
            out.nextProtocol(offset + 2, 0x00FF, Gpe::nextProtocol); // octet 3: Next Protocol
        }

        private static int nextProtocol(int etherType) {
            return switch (etherType) {
                case 0x0800 -> VxlanGpeNextProtocol.IPV4.value();
                case 0x86DD -> VxlanGpeNextProtocol.IPV6.value();
                case 0x6558 -> VxlanGpeNextProtocol.ETHERNET.value();
                case 0x894F -> VxlanGpeNextProtocol.NSH.value();
                case 0x8847 -> VxlanGpeNextProtocol.MPLS.value();
                default -> -1;
            };
        }

        @Override
        public int udpPort() {
            return VxlanLayers.VXLAN_GPE_PORT;
        }
    }

    /** Geneve: Protocol Type from the chain. */
    private record Geneve(GeneveHeader header) implements TemplateHeader {
        @Override
        public int length() {
            return GeneveEncoder.encodedLength(header);
        }

        @Override
        public void write(ByteBuffer dst, int index) {
            GeneveEncoder.encode(header, dst.duplicate().position(index));
        }

        @Override
        public void fixups(Fixups out, int offset) {
            out.nextEtherType(offset + 2); // RFC 8926 §3.4: Protocol Type, an EtherType
        }

        @Override
        public int udpPort() {
            return VxlanLayers.GENEVE_PORT;
        }
    }
}
