package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tunnelcodec.core.ip.HomeAddressOption;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Encoder;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.testdata.CoreArbitraries;

/**
 * {@link IpScan} and the decoders are one check: for valid, mutated and arbitrary bytes the scan
 * never throws, is valid exactly when the decoder decodes, agrees on header length, payload
 * length, protocol and fragment, and otherwise names the decoder's exception; on a valid IPv6
 * header its Mobile IPv6 peeks find the Home Address option's and the Type 2 Routing Header's
 * addresses that the decoded record holds.
 */
class IpScanPropertyTest {
    private static final int TRIES = 1000;
    private static final byte POISON = (byte) 0xA5;

    @Provide
    Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> v4 = CoreArbitraries.ipv4Headers().map(h -> packet(h.headerLength() + h.payloadLength(),
                b -> Ipv4Encoder.encode(h, b)));
        Arbitrary<byte[]> v6 = CoreArbitraries.ipv6Headers().map(h -> packet(h.headerLength() + h.payloadLength(),
                b -> Ipv6Encoder.encode(h, b)));
        Arbitrary<byte[]> jumbo = Arbitraries.integers().between(0x10000, 0x10100).map(IpScanPropertyTest::jumbogram);
        Arbitrary<byte[]> valid = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, v4), net.jqwik.api.Tuple.of(10, v6),
                net.jqwik.api.Tuple.of(1, jumbo));
        Arbitrary<byte[]> mutated = Combinators.combine(valid,
                Arbitraries.integers().between(0, 255).list().ofMaxSize(4),
                Arbitraries.integers().between(0, 255).list().ofMaxSize(4),
                Arbitraries.integers().between(-8, 8)).as(IpScanPropertyTest::mutate);
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(120)
                .map(b -> {
                    if (b.length > 0) {
                        b[0] = (byte) ((b[0] & 1) == 0 ? 0x40 | b[0] >>> 4 & 0xF : 0x60 | b[0] >>> 4 & 0xF);
                    }
                    return b;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, valid), net.jqwik.api.Tuple.of(6, mutated),
                net.jqwik.api.Tuple.of(2, random));
    }

    private static byte[] packet(int length, java.util.function.ToIntFunction<ByteBuffer> encode) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) 0x3C);
        encode.applyAsInt(ByteBuffer.wrap(b));
        return b;
    }

    /** RFC 2675 §2: Payload Length 0, a Hop-by-Hop header with a Jumbo Payload option, UDP. */
    private static byte[] jumbogram(int jumboPayloadLength) {
        byte[] b = new byte[40 + jumboPayloadLength];
        ByteBuffer w = ByteBuffer.wrap(b);
        w.putInt(0x6000_0000).putShort((short) 0).put((byte) 0).put((byte) 64);
        w.position(40);
        w.put((byte) 17).put((byte) 0).put((byte) 0xC2).put((byte) 4).putInt(jumboPayloadLength);
        return b;
    }

    private static byte[] mutate(byte[] bytes, List<Integer> positions, List<Integer> values, int cut) {
        byte[] b = Arrays.copyOf(bytes, Math.max(0, bytes.length + cut));
        for (int i = 0; i < Math.min(positions.size(), values.size()); i++) {
            if (b.length > 0) {
                // most mutations land in the first 64 bytes: the headers
                b[positions.get(i) % Math.min(b.length, 64)] = (byte) (int) values.get(i);
            }
        }
        return b;
    }

    /** The bytes at an offset in a bigger buffer, poisoned past the limit. */
    private static ByteBuffer placed(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocate(3 + bytes.length + 16);
        Arrays.fill(b.array(), POISON);
        b.put(3, bytes, 0, bytes.length);
        return b;
    }

    @Property(tries = TRIES)
    void shouldAgreeWithTheIpv4Decoder(@ForAll("packets") byte[] bytes) {
        ByteBuffer b = placed(bytes);
        int limit = 3 + bytes.length;
        long r = IpScan.ipv4(b, 3, limit);
        Throwable t = catchThrowable(() -> Ipv4Decoder.decode(b, 3, limit));
        if (IpScan.isValid(r)) {
            assertThat(t).isNull();
            Decoded<Ipv4Header> d = Ipv4Decoder.decode(b, 3, limit);
            assertThat(IpScan.version(r)).isEqualTo(4);
            assertThat(IpScan.headerLength(r)).isEqualTo(d.headerLength());
            assertThat(IpScan.payloadLength(r)).isEqualTo(d.payloadLength());
            assertThat(IpScan.protocol(r)).isEqualTo(d.header().protocol().value());
            assertThat(IpScan.isFragment(r)).isEqualTo(d.header().moreFragments() || d.header().fragmentOffset() != 0);
        } else {
            assertSameException(t, IpScan.exception(r, b, 3, limit));
        }
    }

    @Property(tries = TRIES)
    void shouldAgreeWithTheIpv6Decoder(@ForAll("packets") byte[] bytes) {
        ByteBuffer b = placed(bytes);
        int limit = 3 + bytes.length;
        long r = IpScan.ipv6(b, 3, limit);
        Throwable t = catchThrowable(() -> Ipv6Decoder.decode(b, 3, limit));
        if (IpScan.isValid(r)) {
            assertThat(t).isNull();
            Decoded<Ipv6Header> d = Ipv6Decoder.decode(b, 3, limit);
            assertThat(IpScan.version(r)).isEqualTo(6);
            assertThat(IpScan.headerLength(r)).isEqualTo(d.headerLength());
            assertThat(IpScan.payloadLength(r)).isEqualTo(d.payloadLength());
            assertThat(IpScan.protocol(r)).isEqualTo(d.header().upperLayerProtocol().value());
            boolean fragment = d.header().extensionHeaders().stream().anyMatch(e ->
                    e instanceof Ipv6ExtensionHeader.FragmentHeader f && (f.fragmentOffset() != 0 || f.moreFragments()));
            assertThat(IpScan.isFragment(r)).isEqualTo(fragment);
            assertThat(Ipv6Decoder.upperLayer(b, 3, limit))
                    .isEqualTo((long) d.headerLength() << 8 | d.header().upperLayerProtocol().value());
            // The Mobile IPv6 peeks find the addresses the records hold (RFC 6275 §6.3, §6.4).
            int hao = IpScan.homeAddressIndex(b, 3, r);
            assertThat(hao < 0 ? null : Ipv6Address.read(b, hao))
                    .isEqualTo(d.header().homeAddressOption().map(HomeAddressOption::homeAddress).orElse(null));
            int rh2 = IpScan.type2HomeAddressIndex(b, 3, r);
            assertThat(rh2 < 0 ? null : Ipv6Address.read(b, rh2)).isEqualTo(d.header().type2RoutingHeader()
                    .map(Ipv6ExtensionHeader.Type2RoutingHeader::homeAddress).orElse(null));
        } else {
            assertSameException(t, IpScan.exception(r, b, 3, limit));
        }
    }

    @Property(tries = TRIES)
    void shouldDispatchOnTheVersionNibble(@ForAll("packets") byte[] bytes) {
        ByteBuffer b = placed(bytes);
        int limit = 3 + bytes.length;
        long r = IpScan.ip(b, 3, limit);
        int version = bytes.length == 0 ? -1 : (bytes[0] & 0xFF) >>> 4;
        if (version == 4) {
            assertThat(r).isEqualTo(IpScan.ipv4(b, 3, limit));
        } else if (version == 6) {
            assertThat(r).isEqualTo(IpScan.ipv6(b, 3, limit));
        } else {
            assertThat(IpScan.isValid(r)).isFalse();
            assertThat(IpScan.exception(r, b, 3, limit).field()).isEqualTo("Version");
        }
    }

    @Property(tries = TRIES)
    void shouldGiveBackTheBytesOfEveryIpv6HeaderItDecodes(@ForAll("packets") byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (!IpScan.isValid(IpScan.ipv6(b, 0, b.limit()))) {
            return;
        }
        Decoded<Ipv6Header> d = Ipv6Decoder.decode(b);
        ByteBuffer out = ByteBuffer.allocate(Ipv6Encoder.encodedLength(d.header()));
        Ipv6Encoder.encode(d.header(), out);
        assertThat(out.array()).isEqualTo(Arrays.copyOf(bytes, d.headerLength()));
    }

    private static void assertSameException(Throwable thrown, MalformedPacketException ours) {
        assertThat(thrown).isInstanceOf(MalformedPacketException.class);
        MalformedPacketException e = (MalformedPacketException) thrown;
        assertThat(ours.protocol()).isEqualTo(e.protocol());
        assertThat(ours.field()).isEqualTo(e.field());
        assertThat(ours.offset()).isEqualTo(e.offset());
        assertThat(ours.reason()).isEqualTo(e.reason());
        assertThat(ours.required()).isEqualTo(e.required());
        assertThat(ours.available()).isEqualTo(e.available());
        assertThat(ours.getMessage()).isEqualTo(e.getMessage());
    }
}
