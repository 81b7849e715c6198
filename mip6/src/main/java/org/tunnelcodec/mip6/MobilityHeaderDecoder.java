package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes Mobility Headers (see {@link MobilityHeader}). Follows the decoder contract of
 * {@code org.tunnelcodec.core}.
 *
 * <p>The decoder refuses (RFC 6275 §9.2 has a receiver discard these messages):
 * <ul>
 *   <li>fewer than 8 octets ({@code TRUNCATED}, named after the first field, Payload Proto), or
 *       fewer octets than Header Len announces ({@code TRUNCATED}, field "Message Data");</li>
 *   <li>a Payload Proto other than 59 ({@code BAD_VALUE}; a node answers with an ICMPv6
 *       Parameter Problem, RFC 6275 §9.2);</li>
 *   <li>a Header Len below the least length of an RFC 6275 message type ({@code BAD_LENGTH}:
 *       BRR 0; HoTI, CoTI, BU, BA 1; HoT, CoT, BE 2; RFC 6275 §9.2), or too short for the fixed
 *       part of a later type with a record ({@code BAD_LENGTH}, citing the section of its
 *       layout: 1 for the Fast Binding Update and Acknowledgment, Heartbeat, Handover Initiate
 *       and Acknowledge, Binding Revocation Indication and Acknowledgement, Localized Routing
 *       Initiation and Acknowledgment, Update Notification and its Acknowledgement, Flow
 *       Binding Indication and Acknowledgement; for the Home Agent Switch, room for its # of
 *       Addresses times 16 octets after the first 8, RFC 5142 §4);</li>
 *   <li>an option whose Length runs past the end Header Len gives ({@code TRUNCATED}, field
 *       "Option Length" or "Option Data", {@linkplain MalformedPacketException#boundedBy()
 *       bounded by} "mip6 Header Len"), so that the option walk never leaves the header;</li>
 *   <li>a Binding Refresh Advice whose Length is not 2, an Alternate Care-of Address not 16,
 *       Nonce Indices not 4 (RFC 6275 §6.2.4-§6.2.6), a Mobile Network Prefix not 18
 *       (RFC 3963 §4.3), a Binding Identifier not 4, 8 or 20 (RFC 5648 §6.1), a Mobile Node
 *       Identifier below 2 (RFC 4283 §3), a Mobility Message Authentication below 5 (RFC 4285
 *       §5), a Mobility Message Replay Protection not 8 (RFC 4285 §6), a DSMIPv6 option (29 to
 *       32) not 6 (RFC 5555), a Flow Summary odd or 0 (RFC 6089 §4.2.2), a Flow Identification
 *       below 6 (RFC 6089 §4.2) ({@code BAD_LENGTH}, field "Option Length");</li>
 *   <li>in a Flow Identification (RFC 6089 §4.2), a sub-option whose Length runs past the
 *       option ({@code TRUNCATED}, field "Sub-option Length" or "Sub-option Data", bounded by
 *       "mip6 Flow Identification Option Length"), a BID Reference whose Length is odd or 0,
 *       and a Traffic Selector below 2 ({@code BAD_LENGTH}, field "Sub-option Length");</li>
 *   <li>a Traffic Selector of TS Format 1 or 2 (the binary selectors of RFC 6088 §3.1, §3.2)
 *       whose Length is not 2 plus the flags word plus the fields its flags set
 *       ({@code BAD_LENGTH}, field "Sub-option Length"), or that sets an End flag without its
 *       Start flag ({@code BAD_VALUE}, field "TS Flags"; see {@link TrafficSelectorDecoder});</li>
 *   <li>a second Binding Refresh Advice, Alternate Care-of Address, Nonce Indices or Binding
 *       Authorization Data, and any option but Pad1 and PadN after the Binding Authorization
 *       Data or the Mobility Message Authentication, each of which "must be the last option"
 *       (RFC 6275 §6.2.7, RFC 4285 §5) ({@code BAD_VALUE}, field "Option Type").</li>
 * </ul>
 * Everything else is kept: the Reserved fields and flag bits, any Status, Code, Trigger or
 * Reason, unknown options and unknown MH Types (as raw Message Data; a node answers those with
 * a Binding Error, RFC 6275 §9.2; so are Binding Revocation and Flow Binding messages of a type
 * no RFC lays out), the Experimental Mobility Header's data, and options at offsets their
 * alignment does not allow: alignment is the sender's duty
 * (RFC 6275 §6.2.1), and captures (tcpdump's {@code ipv6_mobility_1.pcap}) carry misaligned
 * options. Padding after the Binding Authorization Data (or the Mobility Message Authentication) is accepted for the
 * same reason.
 *
 * <p>The Checksum covers a pseudo-header whose addresses the caller knows (see
 * {@link MobilityPseudoHeader}): {@link #decode(ByteBuffer, int, int)} does not verify it, which
 * suits captures (many carry a zero Checksum), while
 * {@link #decode(ByteBuffer, int, int, MobilityPseudoHeader)} refuses a Checksum that does not
 * verify ({@code BAD_VALUE}, field "Checksum"; RFC 6275 §9.2 has it discarded silently).
 *
 * <p>The payload is the rest of the range after the header: Payload Proto 59 says nothing
 * follows, and the IPv6 Payload Length bounds it.
 */
public final class MobilityHeaderDecoder {
    private static final String PROTOCOL = MobilityHeader.PROTOCOL;
    private static final String HEADER_LEN_BOUND = PROTOCOL + " Header Len";
    private static final String FLOW_LENGTH_BOUND = PROTOCOL + " Flow Identification Option Length";

    private MobilityHeaderDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}, without verifying the Checksum.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire and the octets after it
     * @throws MalformedPacketException if the bytes are not a Mobility Header a receiver accepts
     */
    public static Decoded<MobilityHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit},
     * without verifying the Checksum (the capture mode). Offsets in errors count from
     * {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header, its length on the wire and the octets after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a Mobility Header a receiver accepts
     */
    public static Decoded<MobilityHeader> decode(ByteBuffer src, int index, int limit) {
        int length = (int) (checked(src, index, limit) >>> 32);
        int type = Wire.u8(src, index + Mip6Layout.TYPE_OFFSET);
        MobilityMessage message = message(src, index, type, length);
        List<MobilityOption> options = opaque(message) ? OptionList.EMPTY
                : options(src, index + Mip6Layout.MESSAGE_OFFSET + message.length(), index + length);
        MobilityHeader h = new MobilityHeader(Wire.u8(src, index + Mip6Layout.RESERVED_OFFSET),
                Wire.u16(src, index + Mip6Layout.CHECKSUM_OFFSET), message, options);
        return Decoded.of(h, length, src, index + length, limit - index - length);
    }

    /**
     * Decodes the header at absolute {@code index} and verifies its Checksum over the
     * pseudo-header (RFC 6275 §6.1.1).
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @param pseudoHeader the pseudo-header's addresses, substitutions made
     * @return the header, its length on the wire and the octets after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode(ByteBuffer, int, int)} does, and
     *     ({@code BAD_VALUE}, field "Checksum") if the Checksum does not verify
     * @throws NullPointerException if {@code pseudoHeader} is null
     */
    public static Decoded<MobilityHeader> decode(ByteBuffer src, int index, int limit,
                                                 MobilityPseudoHeader pseudoHeader) {
        Objects.requireNonNull(pseudoHeader, "pseudoHeader");
        int length = (int) (checked(src, index, limit) >>> 32);
        if (!InternetChecksum.verifies(src, index, length, pseudoHeader.sum(length))) {
            throw MalformedPacketException.invalid(PROTOCOL, "Checksum", Mip6Layout.CHECKSUM_OFFSET, Reason.BAD_VALUE,
                    Wire.u16(src, index + Mip6Layout.CHECKSUM_OFFSET),
                    "the checksum of the pseudo-header and the Mobility Header, RFC 6275 §6.1.1, §9.2");
        }
        return decode(src, index, limit);
    }

    /**
     * Returns whether the Checksum of the {@code length}-octet Mobility Header at {@code index}
     * verifies over the pseudo-header (RFC 6275 §6.1.1). Allocates nothing.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first octet
     * @param length the header's length, (Header Len + 1) times 8
     * @param pseudoHeader the pseudo-header's addresses, substitutions made
     * @return whether the Checksum verifies
     * @throws IndexOutOfBoundsException if the header is not within the buffer's limit
     */
    public static boolean verifyChecksum(ByteBuffer src, int index, int length, MobilityPseudoHeader pseudoHeader) {
        Objects.checkFromIndexSize(index, length, src.limit());
        return InternetChecksum.verifies(src, index, length, pseudoHeader.sum(length));
    }

    /**
     * Makes every check {@link #decode(ByteBuffer, int, int)} makes, without allocating: the
     * lengths, Payload Proto, the least Header Len of the type and every option. The decoder
     * and the dissector's walk are built on it.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header length ((Header Len + 1) times 8) in the upper 32 bits, the octets
     *         after it in the lower 32
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode(ByteBuffer, int, int)} does
     */
    public static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int available = limit - index;
        if (available < Mip6Layout.MIN_LENGTH) {
            throw truncatedFixedPart(available);
        }
        int length = (Wire.u8(src, index + Mip6Layout.HEADER_LEN_OFFSET) + 1) * Mip6Layout.UNIT;
        if (length > available) {
            throw MalformedPacketException.truncated(PROTOCOL, "Message Data", Mip6Layout.MESSAGE_OFFSET,
                    length - Mip6Layout.MESSAGE_OFFSET, available - Mip6Layout.MESSAGE_OFFSET);
        }
        int proto = Wire.u8(src, index);
        if (proto != Mip6Layout.PAYLOAD_PROTO) {
            throw MalformedPacketException.invalid(PROTOCOL, "Payload Proto", 0, Reason.BAD_VALUE, proto,
                    "59 (no next header), RFC 6275 §6.1.1, §9.2");
        }
        int type = Wire.u8(src, index + Mip6Layout.TYPE_OFFSET);
        int m = index + Mip6Layout.MESSAGE_OFFSET;
        int fixed = Mip6Layout.fixedLength(src, m, type);
        if (fixed >= 0) {
            if (Mip6Layout.MESSAGE_OFFSET + fixed > length) {
                throw shortHeaderLen(src, m, type, length, fixed);
            }
            walkOptions(src, index, m + fixed, index + length);
        }
        return (long) length << 32 | available - length;
    }

    /**
     * The error for a Header Len too short for the message's fixed part: the table of RFC 6275
     * §9.2 for its own types, the section that lays out the fixed part for the others.
     */
    private static MalformedPacketException shortHeaderLen(ByteBuffer src, int m, int type, int length, int fixed) {
        int min = Mip6Layout.minHeaderLen(fixed);
        int subtype = type == Mip6Layout.FB ? Wire.u16(src, m) : Wire.u8(src, m);
        String which = switch (type) {
            case Mip6Layout.HAS -> " with # of Addresses " + subtype;
            case Mip6Layout.BR -> " with B.R. Type " + subtype;
            case Mip6Layout.FB -> " with Flow Binding Type " + subtype;
            default -> "";
        };
        return MalformedPacketException.invalid(PROTOCOL, "Header Len", Mip6Layout.HEADER_LEN_OFFSET,
                Reason.BAD_LENGTH, length / Mip6Layout.UNIT - 1, "at least " + min + " for MH Type " + type + which
                        + ", " + Mip6Layout.section(type, subtype));
    }

    /** Whether a message keeps its options inside its own octets: Raw and Experimental. */
    static boolean opaque(MobilityMessage message) {
        return message instanceof MobilityMessage.Raw || message instanceof MobilityMessage.Experimental;
    }

    /**
     * Walks the options from {@code at} to {@code end} with the receiver rules; offsets in
     * errors count from {@code index}.
     *
     * @return the number of options, padding included
     */
    static int walkOptions(ByteBuffer src, int index, int at, int end) {
        int count = 0;
        int seen = 0;
        boolean afterAuthorization = false;
        byte[] a = Wire.array(src); // the option loop reads an octet at a time
        int shift = Wire.shift(src, a);
        while (at < end) {
            int type = Wire.u8(src, a, shift, at);
            count++;
            if (type == Mip6Layout.PAD1) {
                at++;
                continue;
            }
            if (end - at < Mip6Layout.OPTION_HEADER_LENGTH) {
                throw MalformedPacketException.truncated(PROTOCOL, "Option Length", at + 1 - index, 1, 0,
                        HEADER_LEN_BOUND);
            }
            int length = Wire.u8(src, a, shift, at + 1);
            int data = at + Mip6Layout.OPTION_HEADER_LENGTH;
            if (length > end - data) {
                throw MalformedPacketException.truncated(PROTOCOL, "Option Data", data - index, length, end - data,
                        HEADER_LEN_BOUND);
            }
            if (afterAuthorization && type != Mip6Layout.PADN) {
                throw MalformedPacketException.invalid(PROTOCOL, "Option Type", at - index, Reason.BAD_VALUE, type,
                        "only padding after Binding Authorization Data or Mobility Message Authentication,"
                                + " RFC 6275 §6.2.7, RFC 4285 §5");
            }
            checkLength(type, length, at + 1 - index);
            if (type == Mip6Layout.FLOW_IDENTIFICATION) {
                walkSubOptions(src, index, data + Mip6Layout.FLOW_FIXED_LENGTH, data + length);
            }
            if (type >= Mip6Layout.BINDING_REFRESH_ADVICE && type <= Mip6Layout.BINDING_AUTHORIZATION_DATA) {
                if ((seen & 1 << type) != 0) {
                    throw MalformedPacketException.invalid(PROTOCOL, "Option Type", at - index, Reason.BAD_VALUE, type,
                            "at most one option of this type in a message, RFC 6275 §6.2.4-§6.2.7");
                }
                seen |= 1 << type;
            }
            afterAuthorization |= type == Mip6Layout.BINDING_AUTHORIZATION_DATA
                    || type == Mip6Layout.MOBILITY_MESSAGE_AUTHENTICATION;
            at = data + length;
        }
        return count;
    }

    /**
     * Walks the sub-options of a Flow Identification from {@code at} to {@code end} (RFC 6089
     * §4.2); offsets in errors count from {@code index}.
     */
    private static void walkSubOptions(ByteBuffer src, int index, int at, int end) {
        while (at < end) {
            int type = Wire.u8(src, at);
            if (type == Mip6Layout.FLOW_PAD1) {
                at++;
                continue;
            }
            if (end - at < Mip6Layout.OPTION_HEADER_LENGTH) {
                throw MalformedPacketException.truncated(PROTOCOL, "Sub-option Length", at + 1 - index, 1, 0,
                        FLOW_LENGTH_BOUND);
            }
            int length = Wire.u8(src, at + 1);
            int data = at + Mip6Layout.OPTION_HEADER_LENGTH;
            if (length > end - data) {
                throw MalformedPacketException.truncated(PROTOCOL, "Sub-option Data", data - index, length, end - data,
                        FLOW_LENGTH_BOUND);
            }
            String expected = switch (type) {
                case Mip6Layout.FLOW_BID_REFERENCE -> length > 0 && length % 2 == 0 ? null
                        : "a positive even number, RFC 6089 §4.2";
                case Mip6Layout.FLOW_TRAFFIC_SELECTOR -> length >= 2 ? null : "at least 2, RFC 6089 §4.2";
                default -> null;
            };
            if (expected != null) {
                throw MalformedPacketException.invalid(PROTOCOL, "Sub-option Length", at + 1 - index,
                        Reason.BAD_LENGTH, length, expected);
            }
            if (type == Mip6Layout.FLOW_TRAFFIC_SELECTOR) {
                checkBinarySelector(src, index, at, length);
            }
            at = data + length;
        }
    }

    /**
     * Checks the RFC 6088 selector of the Traffic Selector sub-option at {@code at} if its TS
     * Format is 1 or 2: the Sub-option Length is 2 plus the flags word plus the fields the flags
     * set, and no End flag is set without its Start flag (RFC 6088 §3.1, §3.2).
     */
    private static void checkBinarySelector(ByteBuffer src, int index, int at, int length) {
        int data = at + Mip6Layout.OPTION_HEADER_LENGTH;
        int format = Wire.u8(src, data);
        if (!TrafficSelectorDecoder.isBinary(format)) {
            return;
        }
        int least = Mip6Layout.TS_HEADER_LENGTH + Mip6Layout.TS_FLAGS_LENGTH;
        if (length < least) {
            throw MalformedPacketException.invalid(PROTOCOL, "Sub-option Length", at + 1 - index, Reason.BAD_LENGTH,
                    length, "at least " + least + " for TS Format " + format + ", " + Mip6Layout.tsSection(format));
        }
        int flagsAt = data + Mip6Layout.TS_HEADER_LENGTH;
        int flags = Wire.u16(src, flagsAt);
        int required = Mip6Layout.TS_HEADER_LENGTH + Mip6Layout.tsLength(format, flags);
        if (length != required) {
            throw MalformedPacketException.invalid(PROTOCOL, "Sub-option Length", at + 1 - index, Reason.BAD_LENGTH,
                    length, required + " for TS Format " + format + " with TS Flags "
                            + TrafficSelectorDecoder.hex(flags) + ", " + Mip6Layout.tsSection(format));
        }
        if (Mip6Layout.tsEndWithoutStart(format, flags)) {
            throw TrafficSelectorDecoder.endWithoutStart(format, flags, flagsAt - index);
        }
    }

    private static void checkLength(int type, int length, int offset) {
        String expected = switch (type) {
            case Mip6Layout.BINDING_REFRESH_ADVICE -> length == 2 ? null : "2, RFC 6275 §6.2.4";
            case Mip6Layout.ALTERNATE_CARE_OF_ADDRESS -> length == 16 ? null : "16, RFC 6275 §6.2.5";
            case Mip6Layout.NONCE_INDICES -> length == 4 ? null : "4, RFC 6275 §6.2.6";
            case Mip6Layout.MOBILE_NETWORK_PREFIX -> length == 18 ? null : "18, RFC 3963 §4.3";
            case Mip6Layout.MOBILE_NODE_IDENTIFIER -> length >= 2 ? null : "at least 2, RFC 4283 §3";
            case Mip6Layout.MOBILITY_MESSAGE_AUTHENTICATION -> length >= 5 ? null : "at least 5, RFC 4285 §5";
            case Mip6Layout.MOBILITY_MESSAGE_REPLAY_PROTECTION -> length == 8 ? null : "8, RFC 4285 §6";
            case Mip6Layout.IPV4_HOME_ADDRESS, Mip6Layout.IPV4_ADDRESS_ACKNOWLEDGEMENT, Mip6Layout.NAT_DETECTION,
                    Mip6Layout.IPV4_CARE_OF_ADDRESS -> length == 6 ? null : "6, RFC 5555";
            case Mip6Layout.FLOW_SUMMARY -> length > 0 && length % 2 == 0 ? null
                    : "a positive even number, RFC 6089 §4.2.2";
            case Mip6Layout.FLOW_IDENTIFICATION -> length >= Mip6Layout.FLOW_FIXED_LENGTH ? null
                    : "at least 6, RFC 6089 §4.2";
            case Mip6Layout.BINDING_IDENTIFIER -> length == 4 || length == 8 || length == 20 ? null
                    : "4, 8 or 20, RFC 5648 §6.1";
            default -> null;
        };
        if (expected != null) {
            throw MalformedPacketException.invalid(PROTOCOL, "Option Length", offset, Reason.BAD_LENGTH, length,
                    expected);
        }
    }

    /** Reads the message of a header that {@link #checked} has checked. */
    private static MobilityMessage message(ByteBuffer src, int index, int type, int length) {
        int m = index + Mip6Layout.MESSAGE_OFFSET;
        return switch (type) {
            case Mip6Layout.BRR -> new MobilityMessage.BindingRefreshRequest(Wire.u16(src, m));
            case Mip6Layout.HOTI, Mip6Layout.COTI ->
                    new MobilityMessage.TestInit(type == Mip6Layout.COTI, Wire.u16(src, m), Wire.i64(src, m + 2));
            case Mip6Layout.HOT, Mip6Layout.COT -> new MobilityMessage.Test(type == Mip6Layout.COT, Wire.u16(src, m),
                    Wire.i64(src, m + 2), Wire.i64(src, m + 10));
            case Mip6Layout.BU -> new MobilityMessage.BindingUpdate(Wire.u16(src, m), Wire.u16(src, m + 2),
                    Wire.u16(src, m + 4));
            case Mip6Layout.BA -> new MobilityMessage.BindingAcknowledgement(Wire.u8(src, m), Wire.u8(src, m + 1),
                    Wire.u16(src, m + 2), Wire.u16(src, m + 4));
            case Mip6Layout.BE -> new MobilityMessage.BindingError(Wire.u8(src, m), Wire.u8(src, m + 1),
                    Ipv6Address.read(src, m + 2));
            case Mip6Layout.FBU -> new MobilityMessage.FastBindingUpdate(Wire.u16(src, m), Wire.u16(src, m + 2),
                    Wire.u16(src, m + 4));
            case Mip6Layout.FBACK -> new MobilityMessage.FastBindingAcknowledgement(Wire.u8(src, m),
                    Wire.u8(src, m + 1), Wire.u16(src, m + 2), Wire.u16(src, m + 4));
            case Mip6Layout.FNA -> new MobilityMessage.FastNeighborAdvertisement(Wire.u16(src, m));
            case Mip6Layout.EMH -> new MobilityMessage.Experimental(
                    ByteString.copyOf(src, m, length - Mip6Layout.MESSAGE_OFFSET));
            case Mip6Layout.HAS -> new MobilityMessage.HomeAgentSwitch(Wire.u8(src, m + 1),
                    addresses(src, m + Mip6Layout.HAS_HEADER_LENGTH, Wire.u8(src, m)));
            case Mip6Layout.HB -> new MobilityMessage.Heartbeat(Wire.u16(src, m), Wire.u32(src, m + 2));
            case Mip6Layout.HI -> new MobilityMessage.HandoverInitiate(Wire.u16(src, m), Wire.u8(src, m + 2),
                    Wire.u8(src, m + 3));
            case Mip6Layout.HACK -> new MobilityMessage.HandoverAcknowledge(Wire.u16(src, m), Wire.u8(src, m + 2),
                    Wire.u8(src, m + 3));
            case Mip6Layout.LRI -> new MobilityMessage.LocalizedRoutingInitiation(Wire.u16(src, m),
                    Wire.u16(src, m + 2), Wire.u16(src, m + 4));
            case Mip6Layout.LRA -> new MobilityMessage.LocalizedRoutingAcknowledgement(Wire.u16(src, m),
                    Wire.u8(src, m + 2), Wire.u8(src, m + 3), Wire.u16(src, m + 4));
            case Mip6Layout.UN -> new MobilityMessage.UpdateNotification(Wire.u16(src, m), Wire.u16(src, m + 2),
                    Wire.u16(src, m + 4));
            case Mip6Layout.UNA -> new MobilityMessage.UpdateNotificationAcknowledgement(Wire.u16(src, m),
                    Wire.u8(src, m + 2), (int) (Wire.u32(src, m + 2) & 0xFF_FFFF));
            case Mip6Layout.SQ -> new MobilityMessage.SubscriptionQuery(Wire.u8(src, m), Wire.u8(src, m + 1));
            case Mip6Layout.SR -> new MobilityMessage.SubscriptionResponse(Wire.u8(src, m), Wire.u8(src, m + 1));
            default -> {
                if (Mip6Layout.fixedLength(src, m, type) < 0) {
                    yield new MobilityMessage.Raw(type, ByteString.copyOf(src, m, length - Mip6Layout.MESSAGE_OFFSET));
                }
                yield type == Mip6Layout.BR
                        ? new MobilityMessage.BindingRevocation(Wire.u8(src, m), Wire.u8(src, m + 1),
                                Wire.u16(src, m + 2), Wire.u16(src, m + 4))
                        : new MobilityMessage.FlowBinding(Wire.u16(src, m), Wire.u16(src, m + 2), Wire.u8(src, m + 4),
                                Wire.u8(src, m + 5));
            }
        };
    }

    /** Reads {@code count} IPv6 addresses at {@code at}. */
    private static List<Ipv6Address> addresses(ByteBuffer src, int at, int count) {
        List<Ipv6Address> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Ipv6Address.read(src, at + Mip6Layout.HAS_ADDRESS_LENGTH * i));
        }
        return out;
    }

    /** Reads options that {@link #walkOptions} has checked. */
    private static OptionList options(ByteBuffer src, int at, int end) {
        int start = at;
        MobilityOption[] options = new MobilityOption[at == end ? 0 : 4];
        int n = 0;
        while (at < end) {
            if (n == options.length) {
                options = Arrays.copyOf(options, n * 2);
            }
            int type = Wire.u8(src, at);
            if (type == Mip6Layout.PAD1) {
                options[n++] = new MobilityOption.Pad1();
                at++;
                continue;
            }
            int length = Wire.u8(src, at + 1);
            int d = at + Mip6Layout.OPTION_HEADER_LENGTH;
            options[n++] = switch (type) {
                case Mip6Layout.PADN -> new MobilityOption.PadN(ByteString.copyOf(src, d, length));
                case Mip6Layout.BINDING_REFRESH_ADVICE -> new MobilityOption.BindingRefreshAdvice(Wire.u16(src, d));
                case Mip6Layout.ALTERNATE_CARE_OF_ADDRESS ->
                        new MobilityOption.AlternateCareOfAddress(Ipv6Address.read(src, d));
                case Mip6Layout.NONCE_INDICES ->
                        new MobilityOption.NonceIndices(Wire.u16(src, d), Wire.u16(src, d + 2));
                case Mip6Layout.BINDING_AUTHORIZATION_DATA ->
                        new MobilityOption.BindingAuthorizationData(ByteString.copyOf(src, d, length));
                case Mip6Layout.MOBILE_NETWORK_PREFIX -> new MobilityOption.MobileNetworkPrefix(Wire.u8(src, d),
                        Wire.u8(src, d + 1), Ipv6Address.read(src, d + 2));
                case Mip6Layout.MOBILE_NODE_IDENTIFIER -> new MobilityOption.MobileNodeIdentifier(Wire.u8(src, d),
                        ByteString.copyOf(src, d + 1, length - 1));
                case Mip6Layout.BINDING_IDENTIFIER -> new MobilityOption.BindingIdentifier(Wire.u16(src, d),
                        Wire.u8(src, d + 2), Wire.u8(src, d + 3), ByteString.copyOf(src, d + 4, length - 4));
                case Mip6Layout.MOBILITY_MESSAGE_AUTHENTICATION -> new MobilityOption.MobilityMessageAuthentication(
                        Wire.u8(src, d), Wire.u32(src, d + 1), ByteString.copyOf(src, d + 5, length - 5));
                case Mip6Layout.MOBILITY_MESSAGE_REPLAY_PROTECTION ->
                        new MobilityOption.MobilityMessageReplayProtection(Wire.i64(src, d));
                case Mip6Layout.IPV4_HOME_ADDRESS -> new MobilityOption.Ipv4HomeAddress(Wire.u8(src, d) >>> 2,
                        Wire.u16(src, d) & 0x3FF, Ipv4Address.read(src, d + 2));
                case Mip6Layout.IPV4_ADDRESS_ACKNOWLEDGEMENT -> new MobilityOption.Ipv4AddressAcknowledgement(
                        Wire.u8(src, d), Wire.u8(src, d + 1) >>> 2, Wire.u8(src, d + 1) & 3, Ipv4Address.read(src, d + 2));
                case Mip6Layout.NAT_DETECTION -> new MobilityOption.NatDetection(Wire.u16(src, d), Wire.u32(src, d + 2));
                case Mip6Layout.IPV4_CARE_OF_ADDRESS ->
                        new MobilityOption.Ipv4CareOfAddress(Wire.u16(src, d), Ipv4Address.read(src, d + 2));
                case Mip6Layout.FLOW_SUMMARY -> new MobilityOption.FlowSummary(u16s(src, d, length));
                case Mip6Layout.FLOW_IDENTIFICATION -> new MobilityOption.FlowIdentification(Wire.u16(src, d),
                        Wire.u16(src, d + 2), Wire.u8(src, d + 4), Wire.u8(src, d + 5),
                        subOptions(src, d + Mip6Layout.FLOW_FIXED_LENGTH, d + length));
                default -> new MobilityOption.Unknown(type, ByteString.copyOf(src, d, length));
            };
            at = d + length;
        }
        return OptionList.decoded(options, n, end - start);
    }

    /** Reads the {@code length / 2} 16-bit numbers at {@code at}. */
    private static List<Integer> u16s(ByteBuffer src, int at, int length) {
        List<Integer> values = new ArrayList<>(length / 2);
        for (int i = 0; i < length; i += 2) {
            values.add(Wire.u16(src, at + i));
        }
        return values;
    }

    /** Reads Flow Identification sub-options that {@link #walkSubOptions} has checked. */
    private static List<FlowSubOption> subOptions(ByteBuffer src, int at, int end) {
        if (at == end) {
            return List.of();
        }
        List<FlowSubOption> subOptions = new ArrayList<>(2);
        while (at < end) {
            int type = Wire.u8(src, at);
            if (type == Mip6Layout.FLOW_PAD1) {
                subOptions.add(new FlowSubOption.Pad1());
                at++;
                continue;
            }
            int length = Wire.u8(src, at + 1);
            int d = at + Mip6Layout.OPTION_HEADER_LENGTH;
            subOptions.add(switch (type) {
                case Mip6Layout.FLOW_PADN -> new FlowSubOption.PadN(ByteString.copyOf(src, d, length));
                case Mip6Layout.FLOW_BID_REFERENCE -> new FlowSubOption.BidReference(u16s(src, d, length));
                case Mip6Layout.FLOW_TRAFFIC_SELECTOR -> new FlowSubOption.TrafficSelector(Wire.u8(src, d),
                        Wire.u8(src, d + 1), ByteString.copyOf(src, d + 2, length - 2));
                default -> new FlowSubOption.Unknown(type, ByteString.copyOf(src, d, length));
            });
            at = d + length;
        }
        return subOptions;
    }

    // The peeks read one field of the first 8 octets and check nothing else. A read past the
    // buffer's limit throws the TRUNCATED error decode(src, index, src.limit()) throws for the
    // same bytes.

    /**
     * Peeks at the MH Type.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the MH Type, 0..255
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field is past the limit, as
     *     {@link #decode(ByteBuffer, int, int)} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int mhType(ByteBuffer src, int index) {
        try {
            return Wire.u8(src, index + Mip6Layout.TYPE_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the Payload Proto (59 in every header {@link #decode(ByteBuffer, int, int)}
     * accepts).
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Payload Proto, 0..255
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field is past the limit, as
     *     {@link #decode(ByteBuffer, int, int)} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int payloadProto(ByteBuffer src, int index) {
        try {
            return Wire.u8(src, index);
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the header's length, (Header Len + 1) times 8, without checking it.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the length in octets, 8..2048
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field is past the limit, as
     *     {@link #decode(ByteBuffer, int, int)} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int headerLength(ByteBuffer src, int index) {
        try {
            return (Wire.u8(src, index + Mip6Layout.HEADER_LEN_OFFSET) + 1) * Mip6Layout.UNIT;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    private static RuntimeException peekFailure(ByteBuffer src, int index, IndexOutOfBoundsException e) {
        if (index < 0 || index > src.limit()) {
            return e;
        }
        return truncatedFixedPart(src.limit() - index);
    }

    private static MalformedPacketException truncatedFixedPart(int available) {
        return MalformedPacketException.truncated(PROTOCOL, "Payload Proto", 0, Mip6Layout.MIN_LENGTH, available);
    }
}
