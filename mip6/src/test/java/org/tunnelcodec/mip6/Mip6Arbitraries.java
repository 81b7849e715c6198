package org.tunnelcodec.mip6;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv6Address;

/**
 * Valid Mobility Headers for the properties: every message type (the eight of RFC 6275 with
 * every field, flag and reserved bit random, and raw types 8..255), and up to six options of
 * every kind, each placed after 0 to 7 Pad1 so that options land at every alignment, then padded
 * to a multiple of 8 octets; at most one of each single option, Binding Authorization Data or
 * Mobility Message Authentication last, followed only by padding. The kinds include the RFC 4285
 * options, the DSMIPv6 options (RFC 5555), and Flow Summary and Flow Identification with
 * sub-options of every kind (RFC 6089).
 */
final class Mip6Arbitraries {
    private Mip6Arbitraries() {
    }

    static Arbitrary<Ipv6Address> addresses() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Ipv6Address::of);
    }

    static Arbitrary<ByteString> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(ByteString::of);
    }

    static Arbitrary<MobilityMessage> knownMessages() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        return Arbitraries.oneOf(
                u16.map(MobilityMessage.BindingRefreshRequest::new),
                Combinators.combine(Arbitraries.of(true, false), u16, Arbitraries.longs()).as(MobilityMessage.TestInit::new),
                Combinators.combine(Arbitraries.of(true, false), u16, Arbitraries.longs(), Arbitraries.longs())
                        .as(MobilityMessage.Test::new),
                Combinators.combine(u16, u16, u16).as(MobilityMessage.BindingUpdate::new),
                Combinators.combine(u8, u8, u16, u16).as(MobilityMessage.BindingAcknowledgement::new),
                Combinators.combine(u8, u8, addresses()).as(MobilityMessage.BindingError::new));
    }

    static Arbitrary<MobilityMessage> rawMessages() {
        return Combinators.combine(Arbitraries.integers().between(8, 0xFF), Arbitraries.integers().between(0, 6))
                .flatAs((type, units) -> bytes(units * 8 + 2, units * 8 + 2).map(d -> new MobilityMessage.Raw(type, d)));
    }

    /** Options other than padding, BAD and the other single options. */
    static Arbitrary<MobilityOption> repeatableOptions() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        return Arbitraries.oneOf(
                Combinators.combine(u8, u8, addresses()).as(MobilityOption.MobileNetworkPrefix::new),
                Combinators.combine(u8, bytes(1, 40)).as(MobilityOption.MobileNodeIdentifier::new),
                Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), u8, u8, Arbitraries.of(0, 4, 16))
                        .flatAs((bid, status, flags, n) -> bytes(n, n)
                                .map(a -> new MobilityOption.BindingIdentifier(bid, status, flags, a))),
                Combinators.combine(Arbitraries.integers().between(0, 0xFF).filter(t -> !Mip6Layout.hasRecord(t)),
                        bytes(0, 40)).as(MobilityOption.Unknown::new),
                Arbitraries.longs().map(MobilityOption.MobilityMessageReplayProtection::new),
                Combinators.combine(Arbitraries.integers().between(0, 0x3F), Arbitraries.integers().between(0, 0x3FF),
                        ipv4()).as(MobilityOption.Ipv4HomeAddress::new),
                Combinators.combine(u8, Arbitraries.integers().between(0, 0x3F), Arbitraries.integers().between(0, 3),
                        ipv4()).as(MobilityOption.Ipv4AddressAcknowledgement::new),
                Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), u32())
                        .as(MobilityOption.NatDetection::new),
                Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), ipv4())
                        .as(MobilityOption.Ipv4CareOfAddress::new),
                u16s(1, 20).map(MobilityOption.FlowSummary::new),
                flowIdentifications(),
                bytes(0, 12).map(MobilityOption.PadN::new));
    }

    static Arbitrary<org.tunnelcodec.core.Ipv4Address> ipv4() {
        return Arbitraries.integers().map(org.tunnelcodec.core.Ipv4Address::of);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<List<Integer>> u16s(int min, int max) {
        return Arbitraries.integers().between(0, 0xFFFF).list().ofMinSize(min).ofMaxSize(max);
    }

    /** Flow Identification sub-options of every kind (RFC 6089), the traffic selector as octets. */
    static Arbitrary<FlowSubOption> subOptions() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        return Arbitraries.oneOf(
                Arbitraries.just(new FlowSubOption.Pad1()),
                bytes(0, 6).map(FlowSubOption.PadN::new),
                u16s(1, 4).map(FlowSubOption.BidReference::new),
                Combinators.combine(u8, u8, bytes(0, 24)).as(FlowSubOption.TrafficSelector::new),
                Combinators.combine(Arbitraries.integers().between(4, 0xFF), bytes(0, 12)).as(FlowSubOption.Unknown::new));
    }

    static Arbitrary<MobilityOption> flowIdentifications() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        return Combinators.combine(u16, u16, u8, u8, subOptions().list().ofMaxSize(4))
                .as(MobilityOption.FlowIdentification::new);
    }

    static Arbitrary<MobilityOption> singleOptions() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        return Arbitraries.oneOf(
                u16.map(MobilityOption.BindingRefreshAdvice::new),
                addresses().map(MobilityOption.AlternateCareOfAddress::new),
                Combinators.combine(u16, u16).as(MobilityOption.NonceIndices::new));
    }

    static Arbitrary<MobilityHeader> headers() {
        Arbitrary<MobilityHeader> raw = Combinators.combine(Arbitraries.integers().between(0, 0xFF),
                Arbitraries.integers().between(0, 0xFFFF), rawMessages())
                .as((reserved, checksum, m) -> new MobilityHeader(reserved, checksum, m, List.of()));
        Arbitrary<List<MobilityOption>> options = Combinators.combine(repeatableOptions().list().ofMaxSize(4),
                singleOptions().list().ofMaxSize(3).uniqueElements(o -> o.getClass()),
                Arbitraries.integers().between(0, 2), bytes(0, 16), u32()).as((repeatable, single, last, data, spi) -> {
                    List<MobilityOption> all = new ArrayList<>(repeatable);
                    all.addAll(single);
                    if (last == 1) {
                        all.add(new MobilityOption.BindingAuthorizationData(data));
                    } else if (last == 2) {
                        all.add(new MobilityOption.MobilityMessageAuthentication(data.length() % 3, spi, data));
                    }
                    return all;
                });
        Arbitrary<MobilityHeader> known = Combinators.combine(Arbitraries.integers().between(0, 0xFF),
                Arbitraries.integers().between(0, 0xFFFF), knownMessages(), options,
                Arbitraries.integers().between(0, 7).list().ofSize(8))
                .as((reserved, checksum, m, opts, pads) -> placed(reserved, checksum, m, opts, pads));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, raw), net.jqwik.api.Tuple.of(6, known));
    }

    /** The options after 0..7 Pad1 each, then Pad1 or PadN to a multiple of 8. */
    static MobilityHeader placed(int reserved, int checksum, MobilityMessage m, List<MobilityOption> options,
                                 List<Integer> pads) {
        List<MobilityOption> out = new ArrayList<>();
        int at = 6 + m.length();
        for (int i = 0; i < options.size(); i++) {
            for (int p = 0; p < pads.get(i % pads.size()); p++) {
                out.add(new MobilityOption.Pad1());
                at++;
            }
            out.add(options.get(i));
            at += options.get(i).encodedLength();
        }
        int rest = Math.floorMod(-at, 8);
        if (rest == 1) {
            out.add(new MobilityOption.Pad1());
        } else if (rest > 1) {
            out.add(MobilityOption.PadN.ofLength(rest));
        }
        return new MobilityHeader(reserved, checksum, m, out);
    }
}
