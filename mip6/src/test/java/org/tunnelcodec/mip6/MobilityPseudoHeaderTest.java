package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Header;

/**
 * The pseudo-header of the Mobility Header checksum taken from the core's IPv6 walk (RFC 6275
 * §6.1.1): on the whole packets of vectors M1 (a Home Address option, so the home address is the
 * source) and M3 (a Type 2 Routing Header, so the home address is the destination), the
 * pseudo-header made from the decoded {@link Ipv6Header}, from the packet's bytes and summed in
 * place are the one the vectors' checksums were computed with; a malformed IPv6 header is the
 * IPv6 decoder's exception.
 */
class MobilityPseudoHeaderTest {
    @Test
    void shouldTakeTheHomeAddressOptionAsTheSourceOfVectorM1() {
        ByteBuffer b = Mip6Vectors.buffer(Mip6Vectors.M1_PACKET);
        MobilityPseudoHeader expected = new MobilityPseudoHeader(Mip6Vectors.HOA, Mip6Vectors.HA);
        assertThat(MobilityPseudoHeader.of(Ipv6Decoder.decode(b).header())).isEqualTo(expected);
        assertThat(MobilityPseudoHeader.of(b, 0, b.limit())).isEqualTo(expected);
        assertThat(MobilityPseudoHeader.sum(b, 0, b.limit(), 32)).isEqualTo(expected.sum(32));
        assertThat(MobilityHeaderDecoder.verifyChecksum(b, 64, 32, MobilityPseudoHeader.of(b, 0, b.limit()))).isTrue();
        assertThat(InternetChecksum.verifies(b, 64, 32, MobilityPseudoHeader.sum(b, 0, b.limit(), 32))).isTrue();
        assertThat(b.position()).isZero();
    }

    @Test
    void shouldTakeTheType2RoutingHeadersHomeAddressAsTheDestinationOfVectorM3() {
        ByteBuffer b = Mip6Vectors.buffer(Mip6Vectors.M3_PACKET);
        MobilityPseudoHeader expected = new MobilityPseudoHeader(Mip6Vectors.HA, Mip6Vectors.HOA);
        assertThat(MobilityPseudoHeader.of(Ipv6Decoder.decode(b).header())).isEqualTo(expected);
        assertThat(MobilityPseudoHeader.of(b, 0, b.limit())).isEqualTo(expected);
        assertThat(MobilityPseudoHeader.sum(b, 0, b.limit(), 48)).isEqualTo(expected.sum(48));
        assertThat(MobilityHeaderDecoder.decode(b, 64, b.limit(), MobilityPseudoHeader.of(b, 0, b.limit())).header())
                .isEqualTo(MobilityHeaderDecoder.decode(b, 64, b.limit()).header());
    }

    @Test
    void shouldKeepTheIpv6AddressesWithoutEither() {
        // M1 without its Destination Options header: Payload Length 32, Next Header 135, the same addresses.
        ByteBuffer b = Mip6Vectors.buffer("6000000000208740" + Mip6Vectors.M1_PACKET.substring(16, 80) + Mip6Vectors.M1);
        MobilityPseudoHeader ph = MobilityPseudoHeader.of(b, 0, b.limit());
        assertThat(ph).isEqualTo(new MobilityPseudoHeader(Mip6Vectors.COA, Mip6Vectors.HA));
        assertThat(ph).isEqualTo(MobilityPseudoHeader.of(Ipv6Decoder.decode(b).header()));
        // M1's checksum was computed with the home address: without the option it does not verify.
        assertThat(InternetChecksum.verifies(b, 40, 32, MobilityPseudoHeader.sum(b, 0, b.limit(), 32))).isFalse();
    }

    @Test
    void shouldRefuseAMalformedIpv6HeaderAsTheIpv6DecoderDoes() {
        // M3 with Segments Left 0 in its Type 2 Routing Header (RFC 6275 §6.4).
        ByteBuffer b = Mip6Vectors.buffer(Mip6Vectors.M3_PACKET.replace("87020201", "87020200"));
        MalformedPacketException e = catchThrowableOfType(MalformedPacketException.class,
                () -> MobilityPseudoHeader.of(b, 0, b.limit()));
        assertThat(e).isNotNull();
        assertThat(e.protocol()).isEqualTo("ipv6");
        assertThat(e.field()).isEqualTo("Type 2 Routing Header Segments Left");
        MalformedPacketException summed = catchThrowableOfType(MalformedPacketException.class,
                () -> MobilityPseudoHeader.sum(b, 0, b.limit(), 48));
        assertThat(summed.getMessage()).isEqualTo(e.getMessage());
    }
}
