package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/**
 * The shared codec contract for the Mobility Header: every message type with every field and
 * reserved bit, raw types, and options of every kind at every alignment. Also: the checksum the
 * encoder computes verifies (and a flipped bit does not), {@code checked} agrees with
 * {@code decode}, and the peeks read what the record holds.
 */
class MobilityHeaderPropertyTest extends CodecContract<MobilityHeader> {
    /** The payload is the rest of the bytes after Header Len's length (Payload Proto 59: nothing). */
    static final Codec<MobilityHeader> MH = Codec.of(MobilityHeaderDecoder::decode, MobilityHeaderEncoder::encodedLength,
            MobilityHeaderEncoder::encode, null);

    MobilityHeaderPropertyTest() {
        super(MH, Mip6Arbitraries.headers());
    }

    @Provide
    Arbitrary<MobilityHeader> mh() {
        return Mip6Arbitraries.headers();
    }

    @Provide
    Arbitrary<Ipv6Address> address() {
        return Mip6Arbitraries.addresses();
    }

    @Property(tries = 300)
    void shouldVerifyTheChecksumItComputes(@ForAll("mh") MobilityHeader h, @ForAll("address") Ipv6Address source,
                                           @ForAll("address") Ipv6Address destination) {
        MobilityPseudoHeader ph = new MobilityPseudoHeader(source, destination);
        ByteBuffer b = ByteBuffer.allocate(h.length());
        MobilityHeaderEncoder.encode(h, b, ph);
        assertThat(MobilityHeaderDecoder.verifyChecksum(b, 0, h.length(), ph)).isTrue();
        Decoded<MobilityHeader> d = MobilityHeaderDecoder.decode(b, 0, b.limit(), ph);
        assertThat(d.header().message()).isEqualTo(h.message());
        b.put(h.length() - 1, (byte) (b.get(h.length() - 1) ^ 0x10));
        assertThat(MobilityHeaderDecoder.verifyChecksum(b, 0, h.length(), ph)).isFalse();
    }

    @Property(tries = 300)
    void shouldCheckAndPeekAsItDecodes(@ForAll("mh") MobilityHeader h) {
        ByteBuffer b = ByteBuffer.allocate(h.length() + 3);
        MobilityHeaderEncoder.encode(h, b);
        long lengths = MobilityHeaderDecoder.checked(b, 0, b.limit());
        assertThat(lengths >>> 32).isEqualTo(h.length());
        assertThat((int) lengths).isEqualTo(3);
        assertThat(MobilityHeaderDecoder.mhType(b, 0)).isEqualTo(h.type());
        assertThat(MobilityHeaderDecoder.payloadProto(b, 0)).isEqualTo(MobilityHeader.PAYLOAD_PROTO);
        assertThat(MobilityHeaderDecoder.headerLength(b, 0)).isEqualTo(h.length());
        assertThat(h.headerLen()).isEqualTo(h.length() / 8 - 1);
    }
}
