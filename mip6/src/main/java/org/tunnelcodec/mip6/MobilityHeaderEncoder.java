package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes Mobility Headers (see {@link MobilityHeader}). Follows the encoder contract of
 * {@code org.tunnelcodec.core}: Payload Proto is 59, Header Len and each option's Length are
 * derived, every other field and every padding octet is written as the record holds it. The
 * padding a sender needs (option alignment, RFC 6275 §6.2.1, and the 8-octet length, §6.1.1)
 * is in the record already when it comes from {@link MobilityHeader#of}.
 *
 * <p>The Checksum is written as the record holds it by {@link #encode(MobilityHeader, ByteBuffer)},
 * and computed over the pseudo-header by {@link #encode(MobilityHeader, ByteBuffer,
 * MobilityPseudoHeader)} or {@link #fillChecksum}. Compute any authenticator (the Binding
 * Authorization Data) first, with the Checksum 0, then the Checksum over the final octets.
 */
public final class MobilityHeaderEncoder {
    private MobilityHeaderEncoder() {
    }

    /**
     * Returns the exact encoded length.
     *
     * @param header the header
     * @return the exact encoded length, a multiple of 8, 8..2048
     * @throws NullPointerException if {@code header} is null
     */
    public static int encodedLength(MobilityHeader header) {
        return header.length();
    }

    /**
     * Writes the header at {@code dst.position()} with the Checksum it holds.
     *
     * @param header the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(MobilityHeader header, ByteBuffer dst) {
        byte[] a = Wire.array(dst);
        return write(header, dst, a, Wire.shift(dst, a), header.checksum());
    }

    /**
     * Writes the header with {@code checksum} in its Checksum field; returns the length. A heap
     * buffer is written through its array {@code a} (null for others): the room is checked first.
     */
    private static int write(MobilityHeader header, ByteBuffer dst, byte[] a, int shift, int checksum) {
        int length = header.length();
        Wire.requireRoom(dst, length);
        int p = dst.position();
        // The first 6 octets: Payload Proto, Header Len, MH Type, Reserved, Checksum.
        long fixed = ((long) Mip6Layout.PAYLOAD_PROTO << 24 | (length / Mip6Layout.UNIT - 1) << 16
                | header.type() << 8 | header.reserved()) << 16 | checksum;
        int m = p + Mip6Layout.MESSAGE_OFFSET;
        MobilityMessage message = header.message();
        // The commonest messages in two writes each.
        if (message instanceof MobilityMessage.BindingUpdate bu) {
            Wire.put64(dst, a, shift, p, fixed << 16 | bu.sequence());
            Wire.put32(dst, a, shift, m + 2, (long) bu.flags() << 16 | bu.lifetime());
        } else if (message instanceof MobilityMessage.BindingAcknowledgement ba) {
            Wire.put64(dst, a, shift, p, fixed << 16 | ba.status() << 8 | ba.flags());
            Wire.put32(dst, a, shift, m + 2, (long) ba.sequence() << 16 | ba.lifetime());
        } else {
            Wire.put32(dst, p, fixed >>> 16);
            Wire.put16(dst, p + Mip6Layout.CHECKSUM_OFFSET, checksum);
            writeMessage(message, dst, m);
        }
        OptionList options = (OptionList) header.options(); // the record holds only these
        int at = p + length - options.encodedLength; // after the message
        for (int i = 0, n = options.size(); i < n; i++) {
            MobilityOption o = options.at(i);
            int optionLength = o.encodedLength();
            writeOption(o, optionLength, dst, a, shift, at);
            at += optionLength;
        }
        return length;
    }

    private static void writeMessage(MobilityMessage message, ByteBuffer dst, int m) {
        if (message instanceof MobilityMessage.BindingRefreshRequest brr) {
            Wire.put16(dst, m, brr.reserved());
        } else if (message instanceof MobilityMessage.TestInit ti) {
            Wire.put16(dst, m, ti.reserved());
            Wire.put64(dst, m + 2, ti.cookie());
        } else if (message instanceof MobilityMessage.Test t) {
            Wire.put16(dst, m, t.nonceIndex());
            Wire.put64(dst, m + 2, t.cookie());
            Wire.put64(dst, m + 10, t.keygenToken());
        } else if (message instanceof MobilityMessage.BindingError be) {
            Wire.put8(dst, m, be.status());
            Wire.put8(dst, m + 1, be.reserved());
            be.homeAddress().write(dst, m + 2);
        } else {
            writeLater(message, dst, m);
        }
    }

    /**
     * Writes the header at {@code dst.position()} and its Checksum computed over the
     * pseudo-header and the header (RFC 6275 §6.1.1), whatever Checksum the record holds.
     *
     * @param header the header
     * @param dst the destination; written from its position, which does not move
     * @param pseudoHeader the pseudo-header's addresses, substitutions made
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     * @throws NullPointerException if an argument is null
     */
    public static int encode(MobilityHeader header, ByteBuffer dst, MobilityPseudoHeader pseudoHeader) {
        Objects.requireNonNull(pseudoHeader, "pseudoHeader");
        byte[] a = Wire.array(dst);
        int shift = Wire.shift(dst, a);
        int length = write(header, dst, a, shift, 0); // the field is 0 while the sum is taken (RFC 6275 §6.1.1)
        int p = dst.position();
        Wire.put16(dst, a, shift, p + Mip6Layout.CHECKSUM_OFFSET,
                InternetChecksum.checksum(dst, p, length, pseudoHeader.sum(length)));
        return length;
    }

    /**
     * Computes the Checksum of the {@code length}-octet Mobility Header at {@code index} with
     * the Checksum field taken as zero, writes it, and returns it.
     *
     * @param buf the buffer holding the header
     * @param index the absolute index of the header's first octet
     * @param length the header's length, (Header Len + 1) times 8
     * @param pseudoHeader the pseudo-header's addresses, substitutions made
     * @return the Checksum written, 0..65535
     * @throws IndexOutOfBoundsException if the header is not within the buffer's limit or is
     *     shorter than 6 octets
     * @throws java.nio.ReadOnlyBufferException if {@code buf} is read-only
     */
    public static int fillChecksum(ByteBuffer buf, int index, int length, MobilityPseudoHeader pseudoHeader) {
        Objects.checkFromIndexSize(index, length, buf.limit());
        Objects.checkFromIndexSize(Mip6Layout.CHECKSUM_OFFSET, 2, length);
        Wire.put16(buf, index + Mip6Layout.CHECKSUM_OFFSET, 0);
        int c = InternetChecksum.checksum(buf, index, length, pseudoHeader.sum(length));
        Wire.put16(buf, index + Mip6Layout.CHECKSUM_OFFSET, c);
        return c;
    }

    /** Writes the fixed part of a message of MH Type 8 or above at {@code m}. */
    private static void writeLater(MobilityMessage message, ByteBuffer dst, int m) {
        if (message instanceof MobilityMessage.FastBindingUpdate fbu) {
            Wire.put16(dst, m, fbu.sequence());
            Wire.put16(dst, m + 2, fbu.flags());
            Wire.put16(dst, m + 4, fbu.lifetime());
        } else if (message instanceof MobilityMessage.FastBindingAcknowledgement fback) {
            Wire.put8(dst, m, fback.status());
            Wire.put8(dst, m + 1, fback.flags());
            Wire.put16(dst, m + 2, fback.sequence());
            Wire.put16(dst, m + 4, fback.lifetime());
        } else if (message instanceof MobilityMessage.FastNeighborAdvertisement fna) {
            Wire.put16(dst, m, fna.reserved());
        } else if (message instanceof MobilityMessage.Experimental emh) {
            emh.data().writeTo(dst, m);
        } else if (message instanceof MobilityMessage.HomeAgentSwitch has) {
            Wire.put8(dst, m, has.homeAgents().size());
            Wire.put8(dst, m + 1, has.reserved());
            for (int i = 0; i < has.homeAgents().size(); i++) {
                has.homeAgents().get(i).write(dst, m + Mip6Layout.HAS_HEADER_LENGTH + Mip6Layout.HAS_ADDRESS_LENGTH * i);
            }
        } else if (message instanceof MobilityMessage.Heartbeat hb) {
            Wire.put16(dst, m, hb.flags());
            Wire.put32(dst, m + 2, hb.sequence());
        } else if (message instanceof MobilityMessage.HandoverInitiate hi) {
            Wire.put16(dst, m, hi.sequence());
            Wire.put8(dst, m + 2, hi.flags());
            Wire.put8(dst, m + 3, hi.code());
        } else if (message instanceof MobilityMessage.HandoverAcknowledge hack) {
            Wire.put16(dst, m, hack.sequence());
            Wire.put8(dst, m + 2, hack.reserved());
            Wire.put8(dst, m + 3, hack.code());
        } else if (message instanceof MobilityMessage.BindingRevocation br) {
            Wire.put8(dst, m, br.revocationType());
            Wire.put8(dst, m + 1, br.triggerOrStatus());
            Wire.put16(dst, m + 2, br.sequence());
            Wire.put16(dst, m + 4, br.flags());
        } else if (message instanceof MobilityMessage.LocalizedRoutingInitiation lri) {
            Wire.put16(dst, m, lri.sequence());
            Wire.put16(dst, m + 2, lri.reserved());
            Wire.put16(dst, m + 4, lri.lifetime());
        } else if (message instanceof MobilityMessage.LocalizedRoutingAcknowledgement lra) {
            Wire.put16(dst, m, lra.sequence());
            Wire.put8(dst, m + 2, lra.flags());
            Wire.put8(dst, m + 3, lra.status());
            Wire.put16(dst, m + 4, lra.lifetime());
        } else if (message instanceof MobilityMessage.UpdateNotification un) {
            Wire.put16(dst, m, un.sequence());
            Wire.put16(dst, m + 2, un.reason());
            Wire.put16(dst, m + 4, un.flags());
        } else if (message instanceof MobilityMessage.UpdateNotificationAcknowledgement una) {
            Wire.put16(dst, m, una.sequence());
            Wire.put32(dst, m + 2, (long) una.status() << 24 | una.reserved());
        } else if (message instanceof MobilityMessage.FlowBinding fb) {
            Wire.put16(dst, m, fb.bindingType());
            Wire.put16(dst, m + 2, fb.sequence());
            Wire.put8(dst, m + 4, fb.triggerOrStatus());
            Wire.put8(dst, m + 5, fb.flags());
        } else if (message instanceof MobilityMessage.SubscriptionQuery sq) {
            Wire.put8(dst, m, sq.sequence());
            Wire.put8(dst, m + 1, sq.reserved());
        } else if (message instanceof MobilityMessage.SubscriptionResponse sr) {
            Wire.put8(dst, m, sr.sequence());
            Wire.put8(dst, m + 1, sr.flags());
        } else {
            ((MobilityMessage.Raw) message).data().writeTo(dst, m);
        }
    }

    private static void writeOption(MobilityOption o, int length, ByteBuffer dst, byte[] a, int shift, int at) {
        if (o instanceof MobilityOption.Pad1) {
            Wire.put8(dst, a, shift, at, 0);
            return;
        }
        Wire.put16(dst, a, shift, at, o.type() << 8 | length - Mip6Layout.OPTION_HEADER_LENGTH);
        int d = at + Mip6Layout.OPTION_HEADER_LENGTH;
        if (o instanceof MobilityOption.PadN padN) {
            if (!padN.data().isEmpty()) {
                padN.data().writeTo(dst, d);
            }
        } else if (o instanceof MobilityOption.BindingRefreshAdvice bra) {
            Wire.put16(dst, d, bra.refreshInterval());
        } else if (o instanceof MobilityOption.AlternateCareOfAddress acoa) {
            Wire.put64(dst, a, shift, d, acoa.address().high());
            Wire.put64(dst, a, shift, d + 8, acoa.address().low());
        } else if (o instanceof MobilityOption.NonceIndices ni) {
            Wire.put16(dst, d, ni.homeNonceIndex());
            Wire.put16(dst, d + 2, ni.careOfNonceIndex());
        } else if (o instanceof MobilityOption.BindingAuthorizationData bad) {
            bad.authenticator().writeTo(dst, d);
        } else if (o instanceof MobilityOption.MobileNetworkPrefix mnp) {
            Wire.put8(dst, d, mnp.reserved());
            Wire.put8(dst, d + 1, mnp.prefixLength());
            mnp.prefix().write(dst, d + 2);
        } else if (o instanceof MobilityOption.MobileNodeIdentifier mnid) {
            Wire.put8(dst, d, mnid.subtype());
            mnid.identifier().writeTo(dst, d + 1);
        } else if (o instanceof MobilityOption.BindingIdentifier bid) {
            Wire.put16(dst, d, bid.bindingId());
            Wire.put8(dst, d + 2, bid.status());
            Wire.put8(dst, d + 3, bid.flags());
            bid.careOfAddress().writeTo(dst, d + 4);
        } else if (o instanceof MobilityOption.MobilityMessageAuthentication auth) {
            Wire.put8(dst, d, auth.subtype());
            Wire.put32(dst, d + 1, auth.spi());
            auth.authenticationData().writeTo(dst, d + 5);
        } else if (o instanceof MobilityOption.MobilityMessageReplayProtection mesgId) {
            Wire.put64(dst, d, mesgId.timestamp());
        } else if (o instanceof MobilityOption.Ipv4HomeAddress hoa) {
            Wire.put16(dst, d, hoa.prefixLength() << 10 | hoa.flags());
            hoa.homeAddress().write(dst, d + 2);
        } else if (o instanceof MobilityOption.Ipv4AddressAcknowledgement ack) {
            Wire.put8(dst, d, ack.status());
            Wire.put8(dst, d + 1, ack.prefixLength() << 2 | ack.reserved());
            ack.homeAddress().write(dst, d + 2);
        } else if (o instanceof MobilityOption.NatDetection nat) {
            Wire.put16(dst, d, nat.flags());
            Wire.put32(dst, d + 2, nat.refreshTime());
        } else if (o instanceof MobilityOption.Ipv4CareOfAddress coa) {
            Wire.put16(dst, d, coa.reserved());
            coa.careOfAddress().write(dst, d + 2);
        } else if (o instanceof MobilityOption.FlowSummary summary) {
            putU16s(summary.flowIds(), dst, d);
        } else if (o instanceof MobilityOption.FlowIdentification flow) {
            Wire.put16(dst, d, flow.flowId());
            Wire.put16(dst, d + 2, flow.priority());
            Wire.put8(dst, d + 4, flow.reserved());
            Wire.put8(dst, d + 5, flow.status());
            int at2 = d + Mip6Layout.FLOW_FIXED_LENGTH;
            for (FlowSubOption s : flow.subOptions()) {
                writeSubOption(s, dst, at2);
                at2 += s.encodedLength();
            }
        } else {
            ((MobilityOption.Unknown) o).data().writeTo(dst, d);
        }
    }

    private static void writeSubOption(FlowSubOption s, ByteBuffer dst, int at) {
        if (s instanceof FlowSubOption.Pad1) {
            Wire.put8(dst, at, Mip6Layout.FLOW_PAD1);
            return;
        }
        Wire.put8(dst, at, s.type());
        Wire.put8(dst, at + 1, s.encodedLength() - Mip6Layout.OPTION_HEADER_LENGTH);
        int d = at + Mip6Layout.OPTION_HEADER_LENGTH;
        if (s instanceof FlowSubOption.PadN padN) {
            padN.data().writeTo(dst, d);
        } else if (s instanceof FlowSubOption.BidReference ref) {
            putU16s(ref.bindingIds(), dst, d);
        } else if (s instanceof FlowSubOption.TrafficSelector ts) {
            Wire.put8(dst, d, ts.format());
            Wire.put8(dst, d + 1, ts.reserved());
            ts.selector().writeTo(dst, d + 2);
        } else {
            ((FlowSubOption.Unknown) s).data().writeTo(dst, d);
        }
    }

    private static void putU16s(List<Integer> values, ByteBuffer dst, int at) {
        for (int i = 0; i < values.size(); i++) {
            Wire.put16(dst, at + 2 * i, values.get(i));
        }
    }
}
