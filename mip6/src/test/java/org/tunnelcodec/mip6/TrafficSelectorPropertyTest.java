package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;

/**
 * Properties of the RFC 6088 binary traffic selectors, with random flag combinations and
 * fields from {@link Mip6Arbitraries}: octets a receiver accepts decode and encode back to the
 * same octets, in a Traffic Selector sub-option too; a selector built field by field encodes,
 * decodes and compares equal; and {@code matches} agrees with a plain model of the RFC 6088
 * semantics (inclusive ranges compared as unsigned numbers, a start without its end a single
 * value, an absent field a wildcard, a field the packet lacks matching no selector that names
 * it, the two low bits of the DS and Traffic Class octets and the first 8 bits of a flow label
 * field ignored), on packets whose fields sit at and around the selector's bounds.
 */
class TrafficSelectorPropertyTest {
    @Provide
    Arbitrary<ByteString> ipv4Octets() {
        return Mip6Arbitraries.binarySelectorBytes(1);
    }

    @Provide
    Arbitrary<ByteString> ipv6Octets() {
        return Mip6Arbitraries.binarySelectorBytes(2);
    }

    @Provide
    Arbitrary<BinaryTrafficSelector> selectors() {
        return Mip6Arbitraries.binarySelectors();
    }

    @Property(tries = 500)
    void shouldEncodeTheOctetsItDecodes(@ForAll("ipv4Octets") ByteString v4, @ForAll("ipv6Octets") ByteString v6) {
        for (ByteString octets : new ByteString[] {v4, v6}) {
            int format = octets == v4 ? 1 : 2;
            BinaryTrafficSelector s = TrafficSelectorDecoder.decode(format, octets.asReadOnlyBuffer(), 0, octets.length());
            assertThat(s.length()).isEqualTo(octets.length());
            assertThat(TrafficSelectorEncoder.toBytes(s)).isEqualTo(octets);
            FlowSubOption.TrafficSelector sub = FlowSubOption.TrafficSelector.of(s);
            assertThat(sub).isEqualTo(new FlowSubOption.TrafficSelector(format, 0, octets));
            assertThat(sub.binary()).contains(s);
            assertThat(s).isEqualTo(TrafficSelectorDecoder.decode(format, octets.asReadOnlyBuffer(), 0, octets.length()));
            assertThat(s.hashCode()).isEqualTo(TrafficSelectorDecoder.decode(format, octets.asReadOnlyBuffer(), 0,
                    octets.length()).hashCode());
        }
    }

    @Property(tries = 500)
    void shouldRebuildTheSelectorFieldByField(@ForAll("selectors") BinaryTrafficSelector s) {
        BinaryTrafficSelector rebuilt = s instanceof Ipv4TrafficSelector v4 ? rebuild(v4) : rebuild((Ipv6TrafficSelector) s);
        if (s instanceof Ipv6TrafficSelector v6 && ((v6.startFlowLabel() | v6.endFlowLabel()) & ~0xF_FFFFL) != 0) {
            return; // the builder takes 20-bit flow labels; the decoder keeps any 32-bit field
        }
        assertThat(rebuilt).isEqualTo(s);
        ByteBuffer b = ByteBuffer.allocate(s.length() + 3);
        b.position(3);
        assertThat(TrafficSelectorEncoder.encode(rebuilt, b)).isEqualTo(s.length());
        assertThat(b.position()).isEqualTo(3);
        assertThat(TrafficSelectorDecoder.decode(s.format(), b, 3, s.length())).isEqualTo(s);
    }

    private static Ipv4TrafficSelector rebuild(Ipv4TrafficSelector s) {
        Ipv4TrafficSelector.Builder b = Ipv4TrafficSelector.builder().reserved(s.reserved());
        if (s.has(Ipv4TrafficSelector.END_SOURCE_ADDRESS)) {
            b.sourceAddressRange(s.startSourceAddress(), s.endSourceAddress());
        } else if (s.has(Ipv4TrafficSelector.START_SOURCE_ADDRESS)) {
            b.sourceAddress(s.startSourceAddress());
        }
        if (s.has(Ipv4TrafficSelector.END_DESTINATION_ADDRESS)) {
            b.destinationAddressRange(s.startDestinationAddress(), s.endDestinationAddress());
        } else if (s.has(Ipv4TrafficSelector.START_DESTINATION_ADDRESS)) {
            b.destinationAddress(s.startDestinationAddress());
        }
        if (s.has(Ipv4TrafficSelector.END_SPI)) {
            b.spiRange(s.startSpi(), s.endSpi());
        } else if (s.has(Ipv4TrafficSelector.START_SPI)) {
            b.spi(s.startSpi());
        }
        if (s.has(Ipv4TrafficSelector.END_SOURCE_PORT)) {
            b.sourcePortRange(s.startSourcePort(), s.endSourcePort());
        } else if (s.has(Ipv4TrafficSelector.START_SOURCE_PORT)) {
            b.sourcePort(s.startSourcePort());
        }
        if (s.has(Ipv4TrafficSelector.END_DESTINATION_PORT)) {
            b.destinationPortRange(s.startDestinationPort(), s.endDestinationPort());
        } else if (s.has(Ipv4TrafficSelector.START_DESTINATION_PORT)) {
            b.destinationPort(s.startDestinationPort());
        }
        if (s.has(Ipv4TrafficSelector.END_DS)) {
            b.dsRange(s.startDs(), s.endDs());
        } else if (s.has(Ipv4TrafficSelector.START_DS)) {
            b.ds(s.startDs());
        }
        if (s.has(Ipv4TrafficSelector.END_PROTOCOL)) {
            b.protocolRange(s.startProtocol(), s.endProtocol());
        } else if (s.has(Ipv4TrafficSelector.START_PROTOCOL)) {
            b.protocol(s.startProtocol());
        }
        return b.build();
    }

    private static Ipv6TrafficSelector rebuild(Ipv6TrafficSelector s) {
        Ipv6TrafficSelector.Builder b = Ipv6TrafficSelector.builder().reserved(s.reserved());
        if (s.has(Ipv6TrafficSelector.END_SOURCE_ADDRESS)) {
            b.sourceAddressRange(s.startSourceAddress(), s.endSourceAddress());
        } else if (s.has(Ipv6TrafficSelector.START_SOURCE_ADDRESS)) {
            b.sourceAddress(s.startSourceAddress());
        }
        if (s.has(Ipv6TrafficSelector.END_DESTINATION_ADDRESS)) {
            b.destinationAddressRange(s.startDestinationAddress(), s.endDestinationAddress());
        } else if (s.has(Ipv6TrafficSelector.START_DESTINATION_ADDRESS)) {
            b.destinationAddress(s.startDestinationAddress());
        }
        if (s.has(Ipv6TrafficSelector.END_SPI)) {
            b.spiRange(s.startSpi(), s.endSpi());
        } else if (s.has(Ipv6TrafficSelector.START_SPI)) {
            b.spi(s.startSpi());
        }
        boolean labels20 = ((s.startFlowLabel() | s.endFlowLabel()) & ~0xF_FFFFL) == 0;
        if (labels20 && s.has(Ipv6TrafficSelector.END_FLOW_LABEL)) {
            b.flowLabelRange((int) s.startFlowLabel(), (int) s.endFlowLabel());
        } else if (labels20 && s.has(Ipv6TrafficSelector.START_FLOW_LABEL)) {
            b.flowLabel((int) s.startFlowLabel());
        }
        if (s.has(Ipv6TrafficSelector.END_SOURCE_PORT)) {
            b.sourcePortRange(s.startSourcePort(), s.endSourcePort());
        } else if (s.has(Ipv6TrafficSelector.START_SOURCE_PORT)) {
            b.sourcePort(s.startSourcePort());
        }
        if (s.has(Ipv6TrafficSelector.END_DESTINATION_PORT)) {
            b.destinationPortRange(s.startDestinationPort(), s.endDestinationPort());
        } else if (s.has(Ipv6TrafficSelector.START_DESTINATION_PORT)) {
            b.destinationPort(s.startDestinationPort());
        }
        if (s.has(Ipv6TrafficSelector.END_TRAFFIC_CLASS)) {
            b.trafficClassRange(s.startTrafficClass(), s.endTrafficClass());
        } else if (s.has(Ipv6TrafficSelector.START_TRAFFIC_CLASS)) {
            b.trafficClass(s.startTrafficClass());
        }
        if (s.has(Ipv6TrafficSelector.END_NEXT_HEADER)) {
            b.nextHeaderRange(s.startNextHeader(), s.endNextHeader());
        } else if (s.has(Ipv6TrafficSelector.START_NEXT_HEADER)) {
            b.nextHeader(s.startNextHeader());
        }
        return b.build();
    }

    // The model: each named field as [start, end or start]; unsigned numbers; -1 is "the packet has none".

    private static boolean in(BinaryTrafficSelector s, int startFlag, long value, long start, long end) {
        if (!s.has(startFlag)) {
            return true;
        }
        long last = s.has(startFlag >>> 1) ? end : start;
        return value >= 0 && start <= value && value <= last;
    }

    private static boolean in(BinaryTrafficSelector s, int startFlag, BigInteger value, BigInteger start,
                              BigInteger end) {
        if (!s.has(startFlag)) {
            return true;
        }
        BigInteger last = s.has(startFlag >>> 1) ? end : start;
        return start.compareTo(value) <= 0 && value.compareTo(last) <= 0;
    }

    private static BigInteger big(Ipv6Address a) {
        return new BigInteger(1, a.toByteArray());
    }

    static boolean model(Ipv4TrafficSelector s, int source, int destination, long spi, int sourcePort,
                         int destinationPort, int ds, int protocol) {
        return in(s, Ipv4TrafficSelector.START_SOURCE_ADDRESS, Integer.toUnsignedLong(source),
                Integer.toUnsignedLong(s.startSourceAddress().bits()), Integer.toUnsignedLong(s.endSourceAddress().bits()))
                && in(s, Ipv4TrafficSelector.START_DESTINATION_ADDRESS, Integer.toUnsignedLong(destination),
                        Integer.toUnsignedLong(s.startDestinationAddress().bits()),
                        Integer.toUnsignedLong(s.endDestinationAddress().bits()))
                && in(s, Ipv4TrafficSelector.START_SPI, spi, s.startSpi(), s.endSpi())
                && in(s, Ipv4TrafficSelector.START_SOURCE_PORT, sourcePort, s.startSourcePort(), s.endSourcePort())
                && in(s, Ipv4TrafficSelector.START_DESTINATION_PORT, destinationPort, s.startDestinationPort(),
                        s.endDestinationPort())
                && in(s, Ipv4TrafficSelector.START_DS, ds >>> 2, s.startDs() >>> 2, s.endDs() >>> 2)
                && in(s, Ipv4TrafficSelector.START_PROTOCOL, protocol, s.startProtocol(), s.endProtocol());
    }

    static boolean model(Ipv6TrafficSelector s, Ipv6Address source, Ipv6Address destination, long spi, int flowLabel,
                         int sourcePort, int destinationPort, int trafficClass, int nextHeader) {
        return in(s, Ipv6TrafficSelector.START_SOURCE_ADDRESS, big(source), big(s.startSourceAddress()),
                big(s.endSourceAddress()))
                && in(s, Ipv6TrafficSelector.START_DESTINATION_ADDRESS, big(destination),
                        big(s.startDestinationAddress()), big(s.endDestinationAddress()))
                && in(s, Ipv6TrafficSelector.START_SPI, spi, s.startSpi(), s.endSpi())
                && in(s, Ipv6TrafficSelector.START_FLOW_LABEL, flowLabel, s.startFlowLabel() & 0xFF_FFFF,
                        s.endFlowLabel() & 0xFF_FFFF)
                && in(s, Ipv6TrafficSelector.START_SOURCE_PORT, sourcePort, s.startSourcePort(), s.endSourcePort())
                && in(s, Ipv6TrafficSelector.START_DESTINATION_PORT, destinationPort, s.startDestinationPort(),
                        s.endDestinationPort())
                && in(s, Ipv6TrafficSelector.START_TRAFFIC_CLASS, trafficClass >>> 2, s.startTrafficClass() >>> 2,
                        s.endTrafficClass() >>> 2)
                && in(s, Ipv6TrafficSelector.START_NEXT_HEADER, nextHeader, s.startNextHeader(), s.endNextHeader());
    }

    /** A value at or beside a bound of [start, end], or anywhere in [0, max]. */
    private static long near(Random r, long start, long end, long max) {
        long v = switch (r.nextInt(7)) {
            case 0 -> start;
            case 1 -> end;
            case 2 -> start - 1;
            case 3 -> end + 1;
            case 4 -> start + 1;
            case 5 -> end - 1;
            default -> (r.nextLong() & Long.MAX_VALUE) % (max + 1);
        };
        return v < 0 || v > max ? start : v;
    }

    private static Ipv6Address near(Random r, Ipv6Address start, Ipv6Address end) {
        return switch (r.nextInt(5)) {
            case 0 -> start;
            case 1 -> end;
            case 2 -> Ipv6Address.of(start.high(), start.low() - 1);
            case 3 -> Ipv6Address.of(end.high(), end.low() + 1);
            default -> Ipv6Address.of(r.nextLong(), r.nextLong());
        };
    }

    @Property(tries = 1000)
    void shouldMatchAsTheModelDoes(@ForAll("selectors") BinaryTrafficSelector selector, @ForAll long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 64; i++) {
            boolean noSpi = r.nextInt(8) == 0;
            boolean noPorts = r.nextInt(8) == 0;
            if (selector instanceof Ipv4TrafficSelector s) {
                int source = (int) near(r, s.startSourceAddress().bits() & 0xFFFF_FFFFL,
                        s.endSourceAddress().bits() & 0xFFFF_FFFFL, 0xFFFF_FFFFL);
                int destination = (int) near(r, s.startDestinationAddress().bits() & 0xFFFF_FFFFL,
                        s.endDestinationAddress().bits() & 0xFFFF_FFFFL, 0xFFFF_FFFFL);
                long spi = noSpi ? BinaryTrafficSelector.NO_SPI : near(r, s.startSpi(), s.endSpi(), 0xFFFF_FFFFL);
                int sourcePort = noPorts ? BinaryTrafficSelector.NO_PORT
                        : (int) near(r, s.startSourcePort(), s.endSourcePort(), 0xFFFF);
                int destinationPort = noPorts ? BinaryTrafficSelector.NO_PORT
                        : (int) near(r, s.startDestinationPort(), s.endDestinationPort(), 0xFFFF);
                int ds = (int) near(r, s.startDs(), s.endDs(), 0xFF);
                int protocol = (int) near(r, s.startProtocol(), s.endProtocol(), 0xFF);
                boolean expected = model(s, source, destination, spi, sourcePort, destinationPort, ds, protocol);
                Statistics.label("IPv4 packets matched").collect(expected);
                assertThat(s.matches(source, destination, spi, sourcePort, destinationPort, ds, protocol))
                        .as("%s against %s %s %d %d %d %d %d", s, Ipv4Address.of(source), Ipv4Address.of(destination),
                                spi, sourcePort, destinationPort, ds, protocol)
                        .isEqualTo(expected);
                assertThat(s.matches(Ipv4Address.of(source), Ipv4Address.of(destination), spi, sourcePort,
                        destinationPort, ds, protocol)).isEqualTo(expected);
            } else {
                Ipv6TrafficSelector s = (Ipv6TrafficSelector) selector;
                Ipv6Address source = near(r, s.startSourceAddress(), s.endSourceAddress());
                Ipv6Address destination = near(r, s.startDestinationAddress(), s.endDestinationAddress());
                long spi = noSpi ? BinaryTrafficSelector.NO_SPI : near(r, s.startSpi(), s.endSpi(), 0xFFFF_FFFFL);
                int flowLabel = (int) near(r, s.startFlowLabel() & 0xF_FFFF, s.endFlowLabel() & 0xF_FFFF, 0xF_FFFF);
                int sourcePort = noPorts ? BinaryTrafficSelector.NO_PORT
                        : (int) near(r, s.startSourcePort(), s.endSourcePort(), 0xFFFF);
                int destinationPort = noPorts ? BinaryTrafficSelector.NO_PORT
                        : (int) near(r, s.startDestinationPort(), s.endDestinationPort(), 0xFFFF);
                int trafficClass = (int) near(r, s.startTrafficClass(), s.endTrafficClass(), 0xFF);
                int nextHeader = (int) near(r, s.startNextHeader(), s.endNextHeader(), 0xFF);
                boolean expected = model(s, source, destination, spi, flowLabel, sourcePort, destinationPort,
                        trafficClass, nextHeader);
                Statistics.label("IPv6 packets matched").collect(expected);
                assertThat(s.matches(source, destination, spi, flowLabel, sourcePort, destinationPort, trafficClass,
                        nextHeader)).as("%s against %s %s %d %d %d %d %d %d", s, source, destination, spi, flowLabel,
                        sourcePort, destinationPort, trafficClass, nextHeader).isEqualTo(expected);
                ByteBuffer header = ByteBuffer.allocate(40);
                source.write(header, 8);
                destination.write(header, 24);
                assertThat(s.matches(header, 8, 24, spi, flowLabel, sourcePort, destinationPort, trafficClass,
                        nextHeader)).isEqualTo(expected);
            }
        }
    }

    @Provide
    Arbitrary<Ipv4TrafficSelector> narrowIpv4() {
        // Few fields, so that packets at the bounds often match every one of them.
        return Mip6Arbitraries.binarySelectorBytes(1).filter(b -> Integer.bitCount(b.byteAt(0) << 8 | b.byteAt(1)) <= 3)
                .map(b -> (Ipv4TrafficSelector) TrafficSelectorDecoder.decode(1, b.asReadOnlyBuffer(), 0, b.length()));
    }

    @Property(tries = 300)
    void shouldMatchPacketsAtTheBoundsOfANarrowSelector(@ForAll("narrowIpv4") Ipv4TrafficSelector s) {
        // The start of every named field (its six DS bits, the rest of the octet anything): a match
        // unless a range is empty (start above end).
        boolean empty = s.has(Ipv4TrafficSelector.END_SOURCE_ADDRESS)
                && Integer.compareUnsigned(s.startSourceAddress().bits(), s.endSourceAddress().bits()) > 0
                || s.has(Ipv4TrafficSelector.END_DESTINATION_ADDRESS)
                && Integer.compareUnsigned(s.startDestinationAddress().bits(), s.endDestinationAddress().bits()) > 0
                || s.has(Ipv4TrafficSelector.END_SPI) && s.startSpi() > s.endSpi()
                || s.has(Ipv4TrafficSelector.END_SOURCE_PORT) && s.startSourcePort() > s.endSourcePort()
                || s.has(Ipv4TrafficSelector.END_DESTINATION_PORT) && s.startDestinationPort() > s.endDestinationPort()
                || s.has(Ipv4TrafficSelector.END_DS) && s.startDs() >>> 2 > s.endDs() >>> 2
                || s.has(Ipv4TrafficSelector.END_PROTOCOL) && s.startProtocol() > s.endProtocol();
        assertThat(s.matches(s.startSourceAddress().bits(), s.startDestinationAddress().bits(), s.startSpi(),
                s.startSourcePort(), s.startDestinationPort(), s.startDs() ^ 3, s.startProtocol())).isEqualTo(!empty);
    }
}
