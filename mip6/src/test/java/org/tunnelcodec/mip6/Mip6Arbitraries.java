package org.tunnelcodec.mip6;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv6Address;

/**
 * Valid Mobility Headers for the properties: every message type (the eight of RFC 6275 and MH
 * Types 8 to 23 with every field, flag and reserved bit random, the Experimental Mobility
 * Header, raw types 24..255 and the raw Binding Revocation and Flow Binding types), and up to six options of
 * every kind, each placed after 0 to 7 Pad1 so that options land at every alignment, then padded
 * to a multiple of 8 octets; at most one of each single option, Binding Authorization Data or
 * Mobility Message Authentication last, followed only by padding. The kinds include the RFC 4285
 * options, the DSMIPv6 options (RFC 5555), and Flow Summary and Flow Identification with
 * sub-options of every kind (RFC 6089), Traffic Selectors with RFC 6088 binary selectors of
 * random flag combinations among them.
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

    /** Messages of every MH Type with a record and options after it: RFC 6275's eight and 8..23 but 11. */
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
                Combinators.combine(u8, u8, addresses()).as(MobilityMessage.BindingError::new),
                laterMessages());
    }

    /**
     * Messages of MH Types 8 to 23 but the Experimental Mobility Header (RFC 5568, 4068, 5142,
     * 5847, 5846, 6705, 7077, 7109, 7161), every field, flag and reserved bit random.
     */
    static Arbitrary<MobilityMessage> laterMessages() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        return Arbitraries.oneOf(
                Combinators.combine(u16, u16, u16).as(MobilityMessage.FastBindingUpdate::new),
                Combinators.combine(u8, u8, u16, u16).as(MobilityMessage.FastBindingAcknowledgement::new),
                u16.map(MobilityMessage.FastNeighborAdvertisement::new),
                Combinators.combine(u8, addresses().list().ofMaxSize(5)).as(MobilityMessage.HomeAgentSwitch::new),
                Combinators.combine(u16, u32()).as(MobilityMessage.Heartbeat::new),
                Combinators.combine(u16, u8, u8).as(MobilityMessage.HandoverInitiate::new),
                Combinators.combine(u16, u8, u8).as(MobilityMessage.HandoverAcknowledge::new),
                Combinators.combine(Arbitraries.of(1, 2), u8, u16, u16).as(MobilityMessage.BindingRevocation::new),
                Combinators.combine(u16, u16, u16).as(MobilityMessage.LocalizedRoutingInitiation::new),
                Combinators.combine(u16, u8, u8, u16).as(MobilityMessage.LocalizedRoutingAcknowledgement::new),
                Combinators.combine(u16, u16, u16).as(MobilityMessage.UpdateNotification::new),
                Combinators.combine(u16, u8, Arbitraries.integers().between(0, 0xFF_FFFF))
                        .as(MobilityMessage.UpdateNotificationAcknowledgement::new),
                Combinators.combine(Arbitraries.of(1, 2), u16, u8, u8).as(MobilityMessage.FlowBinding::new),
                Combinators.combine(u8, u8).as(MobilityMessage.SubscriptionQuery::new),
                Combinators.combine(u8, u8).as(MobilityMessage.SubscriptionResponse::new));
    }

    /**
     * Messages that hold their options in their own octets: Raw ones of MH Types 24..255, of the
     * Binding Revocation and Flow Binding types no RFC lays out, and Experimental Mobility
     * Headers; Message Data of 8n+2 octets.
     */
    static Arbitrary<MobilityMessage> rawMessages() {
        Arbitrary<Integer> units = Arbitraries.integers().between(0, 6);
        Arbitrary<MobilityMessage> unassigned = Combinators.combine(Arbitraries.integers().between(24, 0xFF), units)
                .flatAs((type, n) -> bytes(n * 8 + 2, n * 8 + 2).map(d -> new MobilityMessage.Raw(type, d)));
        Arbitrary<MobilityMessage> revocation = units.flatMap(n -> bytes(n * 8 + 2, n * 8 + 2)
                .filter(d -> !Mip6Layout.revocationType(d.byteAt(0)))
                .map(d -> new MobilityMessage.Raw(MobilityMessage.BINDING_REVOCATION, d)));
        Arbitrary<MobilityMessage> flowBinding = units.flatMap(n -> bytes(n * 8 + 2, n * 8 + 2)
                .filter(d -> !Mip6Layout.flowBindingType(d.byteAt(0) << 8 | d.byteAt(1)))
                .map(d -> new MobilityMessage.Raw(MobilityMessage.FLOW_BINDING, d)));
        Arbitrary<MobilityMessage> experimental = units.flatMap(n -> bytes(n * 8 + 2, n * 8 + 2)
                .map(MobilityMessage.Experimental::new));
        return Arbitraries.oneOf(unassigned, revocation, flowBinding, experimental);
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

    /**
     * Flow Identification sub-options of every kind (RFC 6089): Traffic Selectors with binary
     * selectors of random flag combinations (RFC 6088) and with octets of other TS Formats.
     */
    static Arbitrary<FlowSubOption> subOptions() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<Integer> otherFormats = Arbitraries.integers().between(0, 0xFF)
                .filter(f -> !TrafficSelectorDecoder.isBinary(f));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new FlowSubOption.Pad1())),
                Tuple.of(1, bytes(0, 6).map(FlowSubOption.PadN::new)),
                Tuple.of(1, u16s(1, 4).map(FlowSubOption.BidReference::new)),
                Tuple.of(3, Combinators.combine(Arbitraries.of(1, 2), u8).flatAs((format, reserved) ->
                        binarySelectorBytes(format).map(b -> new FlowSubOption.TrafficSelector(format, reserved, b)))),
                Tuple.of(1, Combinators.combine(otherFormats, u8, bytes(0, 24)).as(FlowSubOption.TrafficSelector::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(4, 0xFF), bytes(0, 12))
                        .as(FlowSubOption.Unknown::new)));
    }

    /**
     * The first 16 bits of the flags word of a binary TS Format with random flags: any Start
     * flags, End flags only with their Start flags (RFC 6088 §3.1, §3.2), and for IPv4 random
     * Reserved bits.
     */
    static Arbitrary<Integer> binaryFlags(int format) {
        int starts = format == 1 ? Mip6Layout.TS_V4_STARTS : Mip6Layout.TS_V6_STARTS;
        int ends = format == 1 ? Mip6Layout.TS_V4_ENDS : Mip6Layout.TS_V6_ENDS;
        return Arbitraries.integers().between(0, 0xFFFF).map(f -> f & ~(ends & ~((f & starts) >>> 1)));
    }

    /**
     * The octets of a valid binary selector: a random 32-bit flags word (its last 16 bits,
     * Reserved, random too) and random fields of the lengths it asks for.
     */
    static Arbitrary<ByteString> binarySelectorBytes(int format) {
        return binaryFlags(format).flatMap(flags -> {
            int n = Mip6Layout.tsLength(format, flags);
            return bytes(n - 2, n - 2).map(rest -> {
                byte[] b = new byte[n];
                b[0] = (byte) (flags.intValue() >>> 8);
                b[1] = (byte) flags.intValue();
                System.arraycopy(rest.toByteArray(), 0, b, 2, n - 2);
                return ByteString.of(b);
            });
        });
    }

    /** IPv4 and IPv6 binary selectors with random flags and fields, as a receiver decodes them. */
    static Arbitrary<BinaryTrafficSelector> binarySelectors() {
        return Arbitraries.of(1, 2).flatMap(format -> binarySelectorBytes(format).map(b ->
                TrafficSelectorDecoder.decode(format, b.asReadOnlyBuffer(), 0, b.length())));
    }

    static Arbitrary<MobilityOption> flowIdentifications() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<List<FlowSubOption>> subOptions = subOptions().list().ofMaxSize(4).filter(l -> l.stream()
                .mapToInt(FlowSubOption::encodedLength).sum() <= Mip6Layout.MAX_OPTION_DATA - Mip6Layout.FLOW_FIXED_LENGTH);
        return Combinators.combine(u16, u16, u8, u8, subOptions).as(MobilityOption.FlowIdentification::new);
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
        return Arbitraries.frequencyOf(Tuple.of(1, raw), Tuple.of(6, known));
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
