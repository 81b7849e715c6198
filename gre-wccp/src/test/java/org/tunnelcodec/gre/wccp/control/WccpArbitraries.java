package org.tunnelcodec.gre.wccp.control;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CoreArbitraries;

/**
 * jqwik arbitraries of valid WCCP control messages: every component and element kind,
 * unknown ones included, random counts kept small so that a 1000-try property stays fast.
 */
final class WccpArbitraries {
    /** The WCCP v2 codec as the shared contract sees it: the payload after a message is empty. */
    static final Codec<WccpMessage> V2 = Codec.of(WccpMessageDecoder::decode, WccpMessageEncoder::encodedLength,
            WccpMessageEncoder::encode, m -> 0);
    /** The WCCP v1 codec: no Length field, so the payload is the rest of the buffer. */
    static final Codec<WccpV1Message> V1 = Codec.of(WccpV1MessageDecoder::decode,
            WccpV1MessageEncoder::encodedLength, WccpV1MessageEncoder::encode, null);

    private WccpArbitraries() {
    }

    static Arbitrary<Ipv4Address> addresses() {
        return CoreArbitraries.ipv4Addresses();
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 0xFF);
    }

    static Arbitrary<ByteString> bytes(int min, int max) {
        return CoreArbitraries.byteStrings(min, max);
    }

    static Arbitrary<ByteString> bucketVectors() {
        return Arbitraries.oneOf(bytes(32, 32), Arbitraries.just(WccpBuckets.emptyVector()));
    }

    static Arbitrary<ByteString> bucketOctets() {
        return Arbitraries.oneOf(bytes(256, 256), Arbitraries.just(WccpBuckets.allUnassigned()));
    }

    static <T> Arbitrary<List<T>> listOf(Arbitrary<T> element, int max) {
        return element.list().ofMaxSize(max);
    }

    // ------------------------------------------------------------------ elements

    static Arbitrary<WccpMaskValueSet> maskValueSets() {
        Arbitrary<WccpMaskElement> masks = Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), u16(), u16())
                .as(WccpMaskElement::new);
        Arbitrary<WccpValueElement> values = Combinators.combine(addresses(), addresses(), u16(), u16(), addresses())
                .as(WccpValueElement::new);
        return Combinators.combine(masks, listOf(values, 3)).as(WccpMaskValueSet::new);
    }

    static Arbitrary<WccpAssignmentData> assignmentData() {
        return Arbitraries.oneOf(
                Combinators.combine(bucketVectors(), u16(), u16()).as(WccpAssignmentData.Hash::new),
                Combinators.combine(listOf(maskValueSets(), 2), u16(), u16()).as(WccpAssignmentData.Mask::new),
                Arbitraries.just(WccpAssignmentData.None.INSTANCE),
                Combinators.combine(u16(), bytes(0, 12)).as(WccpAssignmentData.Extended::new));
    }

    static Arbitrary<WccpWebCacheIdentity> webCacheIdentities() {
        return Combinators.combine(addresses(), Arbitraries.oneOf(Arbitraries.just(0), u16()), u16(), assignmentData())
                .as((address, revision, bits, data) -> new WccpWebCacheIdentity(address, revision,
                        WccpWebCacheFlags.of(bits).withAssignmentType(data.type()), data));
    }

    static Arbitrary<WccpRouterIdentity> routerIdentities() {
        return Combinators.combine(addresses(), u32()).as(WccpRouterIdentity::new);
    }

    static Arbitrary<WccpRouterAssignment> routerAssignments() {
        return Combinators.combine(addresses(), u32(), u32()).as(WccpRouterAssignment::new);
    }

    static Arbitrary<WccpAssignmentKey> assignmentKeys() {
        return Combinators.combine(addresses(), u32()).as(WccpAssignmentKey::new);
    }

    static Arbitrary<WccpAssignment.HashBuckets> hashBuckets() {
        return Combinators.combine(listOf(addresses(), 4), bucketOctets()).as(WccpAssignment.HashBuckets::new);
    }

    static Arbitrary<WccpAssignment> assignments() {
        return Arbitraries.oneOf(
                hashBuckets(),
                listOf(maskValueSets(), 3).map(WccpAssignment.MaskValueSets::new),
                Combinators.combine(Arbitraries.integers().between(2, 0xFFFF), bytes(0, 20)).as(WccpAssignment.Unknown::new));
    }

    static Arbitrary<WccpCapability> capabilities() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(WccpCapability.ForwardingMethod::new),
                Arbitraries.integers().map(WccpCapability.AssignmentMethod::new),
                Arbitraries.integers().map(WccpCapability.PacketReturnMethod::new),
                Combinators.combine(u16(), u16()).as(WccpCapability.TransmitT::new),
                Combinators.combine(u8(), u8(), u8(), u8()).as(WccpCapability.TimerScale::new),
                Combinators.combine(Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(6, 0xFFFF)),
                        bytes(0, 9)).as(WccpCapability.Unknown::new));
    }

    static Arbitrary<WccpCommand> commands() {
        return Arbitraries.oneOf(
                addresses().map(WccpCommand.Shutdown::new),
                addresses().map(WccpCommand.ShutdownResponse::new),
                Combinators.combine(Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(3, 0xFFFF)),
                        bytes(0, 9)).as(WccpCommand.Unknown::new));
    }

    // ------------------------------------------------------------------ components

    static Arbitrary<WccpComponent.SecurityInfo> securityInfos() {
        return Arbitraries.oneOf(
                Arbitraries.just(WccpComponent.SecurityInfo.none()),
                bytes(16, 16).map(WccpComponent.SecurityInfo::md5),
                Combinators.combine(Arbitraries.longs().between(2, 0xFFFF_FFFFL), bytes(0, 8))
                        .as(WccpComponent.SecurityInfo::new));
    }

    static Arbitrary<WccpComponent.ServiceInfo> serviceInfos() {
        return Combinators.combine(u8(), u8(), u8(), u8().map(IpProtocol::of),
                        Arbitraries.integers().map(WccpServiceFlags::of), u16().list().ofSize(8))
                .as(WccpComponent.ServiceInfo::new);
    }

    static Arbitrary<WccpComponent> components() {
        List<Arbitrary<? extends WccpComponent>> all = List.of(
                securityInfos(),
                serviceInfos(),
                Combinators.combine(routerIdentities(), addresses(), listOf(addresses(), 3))
                        .as(WccpComponent.RouterIdentityInfo::new),
                webCacheIdentities().map(WccpComponent.WebCacheIdentityInfo::new),
                Combinators.combine(u32(), assignmentKeys(), listOf(addresses(), 3), listOf(webCacheIdentities(), 2))
                        .as(WccpComponent.RouterViewInfo::new),
                Combinators.combine(u32(), listOf(routerIdentities(), 3), listOf(addresses(), 3))
                        .as(WccpComponent.WebCacheViewInfo::new),
                Combinators.combine(assignmentKeys(), listOf(routerAssignments(), 2), hashBuckets())
                        .as(WccpComponent.AssignmentInfo::new),
                Combinators.combine(routerIdentities(), addresses(), addresses()).as(WccpComponent.RouterQueryInfo::new),
                listOf(capabilities(), 6).map(WccpComponent.CapabilitiesInfo::new),
                Combinators.combine(assignmentKeys(), listOf(routerAssignments(), 2), assignments())
                        .as(WccpComponent.AlternateAssignment::new),
                listOf(maskValueSets(), 3).map(WccpComponent.AssignmentMap::new),
                listOf(commands(), 4).map(WccpComponent.CommandExtension::new),
                Combinators.combine(Arbitraries.integers().between(0, 0xFFFF)
                                .filter(t -> !WccpComponentType.isDecoded(t)), bytes(0, 16))
                        .as(WccpComponent.UnknownComponent::new));
        return Arbitraries.oneOf(all);
    }

    static Arbitrary<WccpMessageType> v2Types() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(10, 13).map(WccpMessageType::of),
                Arbitraries.integers().filter(t -> t < 7 || t > 9).map(WccpMessageType::of));
    }

    /** @return valid WCCP v2 messages: any type but 7-9, any 2.x version, 0-6 components of any kind */
    static Arbitrary<WccpMessage> messages() {
        return Combinators.combine(v2Types(), Arbitraries.integers().between(0x0200, 0x02FF), listOf(components(), 6))
                .as(WccpMessage::new);
    }

    // ------------------------------------------------------------------ v1

    static Arbitrary<WccpV1Message> v1Messages() {
        Arbitrary<WccpV1Message.WebCacheEntry> entries = Combinators.combine(addresses(), u32(), bucketVectors(),
                Arbitraries.integers()).as(WccpV1Message.WebCacheEntry::new);
        return Arbitraries.oneOf(
                Combinators.combine(u32(), bucketVectors(), Arbitraries.integers(), u32()).as(WccpV1Message.HereIAm::new),
                Combinators.combine(u32(), u32(), listOf(entries, 3)).as(WccpV1Message.ISeeYou::new),
                Combinators.combine(u32(), listOf(addresses(), 4), bucketOctets()).as(WccpV1Message.AssignBucket::new));
    }
}
