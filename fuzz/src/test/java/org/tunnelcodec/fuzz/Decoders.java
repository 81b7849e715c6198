package org.tunnelcodec.fuzz;

import org.tunnelcodec.core.link.AvspHeader;
import org.tunnelcodec.core.link.CiscoHdlcHeader;
import org.tunnelcodec.core.link.LinuxSll2Header;
import org.tunnelcodec.core.link.LinuxSllHeader;
import org.tunnelcodec.core.link.LoopbackHeader;
import org.tunnelcodec.core.link.VlanHeader;
import org.tunnelcodec.gre.GreDecoder;
import org.tunnelcodec.gre.GreEncoder;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.PppDecoder;
import org.tunnelcodec.gre.PppEncoder;
import org.tunnelcodec.gre.PppHeader;
import org.tunnelcodec.gre.wccp.control.WccpMessage;
import org.tunnelcodec.gre.wccp.control.WccpMessageDecoder;
import org.tunnelcodec.gre.wccp.control.WccpMessageEncoder;
import org.tunnelcodec.gre.wccp.WccpRedirectDecoder;
import org.tunnelcodec.gre.wccp.WccpRedirectEncoder;
import org.tunnelcodec.gre.wccp.WccpRedirectHeader;
import org.tunnelcodec.gre.wccp.control.WccpV1Message;
import org.tunnelcodec.gre.wccp.control.WccpV1MessageDecoder;
import org.tunnelcodec.gre.wccp.control.WccpV1MessageEncoder;
import org.tunnelcodec.lisp.LispAddress;
import org.tunnelcodec.lisp.LispAddressDecoder;
import org.tunnelcodec.lisp.LispAddressEncoder;
import org.tunnelcodec.lisp.LispDecoder;
import org.tunnelcodec.lisp.LispEncoder;
import org.tunnelcodec.lisp.LispGpeDecoder;
import org.tunnelcodec.lisp.LispGpeEncoder;
import org.tunnelcodec.lisp.LispGpeHeader;
import org.tunnelcodec.lisp.LispHeader;
import org.tunnelcodec.lisp.LispMessage;
import org.tunnelcodec.lisp.LispMessageDecoder;
import org.tunnelcodec.lisp.LispMessageEncoder;
import org.tunnelcodec.mip6.MobilityHeader;
import org.tunnelcodec.mip6.MobilityHeaderDecoder;
import org.tunnelcodec.mip6.MobilityHeaderEncoder;
import org.tunnelcodec.mpls.AchDecoder;
import org.tunnelcodec.mpls.AchEncoder;
import org.tunnelcodec.mpls.AchHeader;
import org.tunnelcodec.mpls.ControlWord;
import org.tunnelcodec.mpls.ControlWordDecoder;
import org.tunnelcodec.mpls.ControlWordEncoder;
import org.tunnelcodec.mpls.MplsDecoder;
import org.tunnelcodec.mpls.MplsEncoder;
import org.tunnelcodec.mpls.MplsHeader;
import org.tunnelcodec.stt.SttFrameDecoder;
import org.tunnelcodec.stt.SttFrameEncoder;
import org.tunnelcodec.stt.SttFrameHeader;
import org.tunnelcodec.stt.SttSegmentDecoder;
import org.tunnelcodec.stt.SttSegmentEncoder;
import org.tunnelcodec.stt.SttSegmentHeader;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CoreCodecs;
import org.tunnelcodec.vxlan.GeneveDecoder;
import org.tunnelcodec.vxlan.GeneveEncoder;
import org.tunnelcodec.vxlan.GeneveHeader;
import org.tunnelcodec.vxlan.VxlanDecoder;
import org.tunnelcodec.vxlan.VxlanEncoder;
import org.tunnelcodec.vxlan.VxlanGpeDecoder;
import org.tunnelcodec.vxlan.VxlanGpeEncoder;
import org.tunnelcodec.vxlan.VxlanGpeHeader;
import org.tunnelcodec.vxlan.VxlanHeader;

/**
 * Every decoder under fuzzing as the shared {@link Codec} (for the round trip), with its
 * index-based entry where it has one. The one place in this module that names the codec
 * classes of each protocol; the core ones come from {@link CoreCodecs}.
 */
final class Decoders {
    static final Codec<LinuxSllHeader> LINUX_SLL = CoreCodecs.LINUX_SLL;
    static final Codec<LinuxSll2Header> LINUX_SLL2 = CoreCodecs.LINUX_SLL2;
    static final Codec<LoopbackHeader> LOOPBACK = CoreCodecs.LOOPBACK;
    static final Codec<CiscoHdlcHeader> CISCO_HDLC = CoreCodecs.CISCO_HDLC;
    static final Codec<AvspHeader> AVSP = CoreCodecs.AVSP;
    static final Codec<VlanHeader> VLAN = CoreCodecs.VLAN;

    static final Codec<GreHeader> GRE = Codec.of(GreDecoder::decode, GreEncoder::encodedLength, GreEncoder::encode,
            GreHeader::payloadLength);
    static final Contract.IndexDecoder<GreHeader> GRE_AT = GreDecoder::decode;

    static final Codec<PppHeader> PPP = Codec.of(PppDecoder::decode, PppEncoder::encodedLength, PppEncoder::encode, null);
    static final Contract.IndexDecoder<PppHeader> PPP_AT = PppDecoder::decode;
    /** The PPP check without allocation: header length in bits 24-31. */
    static final Contract.Probe PPP_SCAN = src -> PppDecoder.scan(src, src.position(), src.limit());

    static final Codec<WccpRedirectHeader> WCCP_REDIRECT = Codec.of(WccpRedirectDecoder::decode,
            WccpRedirectEncoder::encodedLength, WccpRedirectEncoder::encode, null);
    static final Contract.IndexDecoder<WccpRedirectHeader> WCCP_REDIRECT_AT = WccpRedirectDecoder::decode;

    static final Codec<WccpMessage> WCCP_MESSAGE = Codec.of(WccpMessageDecoder::decode,
            WccpMessageEncoder::encodedLength, WccpMessageEncoder::encode, m -> 0);
    static final Contract.IndexDecoder<WccpMessage> WCCP_MESSAGE_AT = WccpMessageDecoder::decode;

    static final Codec<WccpV1Message> WCCP_V1_MESSAGE = Codec.of(WccpV1MessageDecoder::decode,
            WccpV1MessageEncoder::encodedLength, WccpV1MessageEncoder::encode, null);
    static final Contract.IndexDecoder<WccpV1Message> WCCP_V1_MESSAGE_AT = WccpV1MessageDecoder::decode;

    static final Codec<SttFrameHeader> STT_FRAME = Codec.of(SttFrameDecoder::decode, SttFrameEncoder::encodedLength,
            SttFrameEncoder::encode, null);
    static final Contract.IndexDecoder<SttFrameHeader> STT_FRAME_AT = SttFrameDecoder::decode;

    static final Codec<SttSegmentHeader> STT_SEGMENT = Codec.of(SttSegmentDecoder::decode,
            SttSegmentEncoder::encodedLength, SttSegmentEncoder::encode, null);
    static final Contract.IndexDecoder<SttSegmentHeader> STT_SEGMENT_AT = SttSegmentDecoder::decode;

    /** The label stack has no length field: the payload is the rest of the bytes. */
    static final Codec<MplsHeader> MPLS = Codec.of(MplsDecoder::decode, MplsEncoder::encodedLength, MplsEncoder::encode,
            null);
    static final Contract.IndexDecoder<MplsHeader> MPLS_AT = MplsDecoder::decode;
    /** The stack check without allocation, at the decoder's default depth bound: the depth. */
    static final Contract.Probe MPLS_SCAN = src -> MplsDecoder.scan(src, src.position(), src.limit(),
            MplsDecoder.DEFAULT_MAX_DEPTH);

    /** A control word's Length, when set, bounds the payload. */
    static final Codec<ControlWord> CONTROL_WORD = Codec.of(ControlWordDecoder::decode,
            ControlWordEncoder::encodedLength, ControlWordEncoder::encode, ControlWord::payloadLength);
    static final Contract.IndexDecoder<ControlWord> CONTROL_WORD_AT = ControlWordDecoder::decode;
    /** The control word check without allocation: header length in the upper 32 bits, payload length in the lower. */
    static final Contract.Probe CONTROL_WORD_CHECKED = src -> ControlWordDecoder.checked(src, src.position(),
            src.limit());

    static final Codec<AchHeader> ACH = Codec.of(AchDecoder::decode, AchEncoder::encodedLength, AchEncoder::encode,
            null);
    static final Contract.IndexDecoder<AchHeader> ACH_AT = AchDecoder::decode;
    /** The ACH check without allocation: header length in the upper 32 bits, payload length in the lower. */
    static final Contract.Probe ACH_CHECKED = src -> AchDecoder.checked(src, src.position(), src.limit());

    /** The Mobility Header's Header Len bounds it; no payload follows (Payload Proto 59). */
    static final Codec<MobilityHeader> MOBILITY_HEADER = Codec.of(MobilityHeaderDecoder::decode,
            MobilityHeaderEncoder::encodedLength, MobilityHeaderEncoder::encode, null);
    static final Contract.IndexDecoder<MobilityHeader> MOBILITY_HEADER_AT = MobilityHeaderDecoder::decode;
    /** The Mobility Header check without allocation: header length in the upper 32 bits, payload length in the lower. */
    static final Contract.Probe MOBILITY_HEADER_CHECKED = src -> MobilityHeaderDecoder.checked(src, src.position(),
            src.limit());

    /** LISP has no length field: the inner packet is the rest of the bytes. */
    static final Codec<LispHeader> LISP = Codec.of(LispDecoder::decode, LispEncoder::encodedLength, LispEncoder::encode,
            null);
    static final Contract.IndexDecoder<LispHeader> LISP_AT = LispDecoder::decode;
    /** The LISP check without allocation: header length in the upper 32 bits, payload length in the lower. */
    static final Contract.Probe LISP_CHECKED = src -> LispDecoder.checked(src, src.position(), src.limit());
    /** LISP-GPE has no length field: the payload is the rest of the bytes. */
    static final Codec<LispGpeHeader> LISP_GPE = Codec.of(LispGpeDecoder::decode, LispGpeEncoder::encodedLength,
            LispGpeEncoder::encode, null);
    static final Contract.IndexDecoder<LispGpeHeader> LISP_GPE_AT = LispGpeDecoder::decode;
    /** The LISP-GPE check without allocation: header length in the upper 32 bits, payload length in the lower. */
    static final Contract.Probe LISP_GPE_CHECKED = src -> LispGpeDecoder.checked(src, src.position(), src.limit());
    /**
     * A LISP control message ends where its fields say; the payload is the rest (LISP-SEC data,
     * say). An ECM's inner IPv4 Header Checksum is derived: the encoder computes it.
     */
    static final Codec<LispMessage> LISP_MESSAGE = Codec.<LispMessage>of(LispMessageDecoder::decode,
            LispMessageEncoder::encodedLength, LispMessageEncoder::encode, null)
            .withCanonicalizer(Decoders::ecmIpv4Checksum);
    static final Contract.IndexDecoder<LispMessage> LISP_MESSAGE_AT = LispMessageDecoder::decode;
    /** The control message check: message length in the upper 32 bits, the rest in the lower. */
    static final Contract.Probe LISP_MESSAGE_CHECKED = src -> LispMessageDecoder.checked(src, src.position(),
            src.limit());
    /** A LISP address (AFI, then the address or LCAF) ends where its AFI and lengths say. */
    static final Codec<LispAddress> LISP_ADDRESS = Codec.of(LispAddressDecoder::decode,
            LispAddressEncoder::encodedLength, LispAddressEncoder::encode, null);
    static final Contract.IndexDecoder<LispAddress> LISP_ADDRESS_AT = LispAddressDecoder::decode;
    /** The address check without allocation: address length in the upper 32 bits, the rest in the lower. */
    static final Contract.Probe LISP_ADDRESS_CHECKED = src -> LispAddressDecoder.checked(src, src.position(),
            src.limit());
    /** VXLAN has no length field: the inner frame is the rest of the bytes. */
    static final Codec<VxlanHeader> VXLAN = Codec.of(VxlanDecoder::decode, VxlanEncoder::encodedLength,
            VxlanEncoder::encode, null);
    static final Contract.IndexDecoder<VxlanHeader> VXLAN_AT = VxlanDecoder::decode;
    /** The VXLAN check without allocation: header length in the upper 32 bits, payload length in the lower. */
    static final Contract.Probe VXLAN_CHECKED = src -> VxlanDecoder.checked(src, src.position(), src.limit());

    static final Codec<VxlanGpeHeader> VXLAN_GPE = Codec.of(VxlanGpeDecoder::decode, VxlanGpeEncoder::encodedLength,
            VxlanGpeEncoder::encode, null);
    static final Contract.IndexDecoder<VxlanGpeHeader> VXLAN_GPE_AT = VxlanGpeDecoder::decode;
    /** The VXLAN-GPE check without allocation: header length in the upper 32 bits, payload length in the lower. */
    static final Contract.Probe VXLAN_GPE_CHECKED = src -> VxlanGpeDecoder.checked(src, src.position(), src.limit());

    /** Geneve has no length field of its own: the payload is the rest of the bytes after the options. */
    static final Codec<GeneveHeader> GENEVE = Codec.of(GeneveDecoder::decode, GeneveEncoder::encodedLength,
            GeneveEncoder::encode, null);
    static final Contract.IndexDecoder<GeneveHeader> GENEVE_AT = GeneveDecoder::decode;
    /** The Geneve check without allocation: header length in the upper 32 bits, payload length in the lower. */
    static final Contract.Probe GENEVE_CHECKED = src -> GeneveDecoder.checked(src, src.position(), src.limit());

    private Decoders() {
    }

    /** Recomputes the Header Checksum of an ECM's inner IPv4 header, at the buffer's position. */
    private static void ecmIpv4Checksum(java.nio.ByteBuffer b) {
        int p = b.position();
        if ((b.get(p) & 0xF0) == 0x80 && (b.get(p + 4) & 0xF0) == 0x40) {
            int ihl = (b.get(p + 4) & 0x0F) * 4;
            b.putShort(p + 14, (short) 0);
            b.putShort(p + 14, (short) InternetChecksum.checksum(b, p + 4, ihl, 0));
        }
    }
}
