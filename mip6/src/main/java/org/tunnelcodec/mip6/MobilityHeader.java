package org.tunnelcodec.mip6;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * A Mobility Header (RFC 6275 §6.1.1): the IPv6 extension header, Next Header 135, that carries
 * Mobile IPv6 signalling.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Payload Proto |  Header Len   |   MH Type     |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * .                 Message Data (message, then options)          .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Payload Proto is 59 (no next header), the only value RFC 6275 §6.1.1 has a sender use and
 * the only one the decoder accepts (§9.2), so the record holds none. Header Len is derived: the
 * header's length in 8-octet units, not counting the first 8, so the message and its options
 * take a multiple of 8 octets, at most 2048 ({@link #MAX_LENGTH}). MH Type is the message's.
 * Reserved and Checksum are kept as on the wire; {@link MobilityHeaderEncoder} writes the
 * Checksum held, or computes it over a {@link MobilityPseudoHeader}.
 *
 * <p>The options, padding included, are kept in wire order, so the record encodes to the octets
 * it was decoded from. The record holds what the decoder accepts: a {@link MobilityMessage.Raw}
 * or {@link MobilityMessage.Experimental} message has no separate options (they are in its
 * data), and at most one Binding Refresh
 * Advice, Alternate Care-of Address, Nonce Indices and Binding Authorization Data; only padding
 * follows Binding Authorization Data or Mobility Message Authentication (RFC 4285 §5). Build a
 * header to send with {@link #of}, which adds the padding that
 * the options' alignment and the 8-octet length require.
 *
 * @param reserved the Reserved octet, 0..255 (0 when sent, ignored on receipt)
 * @param checksum the Checksum as on the wire, 0..65535
 * @param message  the message: MH Type and its fixed part
 * @param options  the mobility options after the message, padding included, in wire order
 */
public record MobilityHeader(int reserved, int checksum, MobilityMessage message, List<MobilityOption> options) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "mip6";

    /** The IPv6 Next Header (IP protocol) value of the Mobility Header (RFC 6275 §6.1.1). */
    public static final int NEXT_HEADER = Mip6Layout.NEXT_HEADER;

    /** The Payload Proto a Mobility Header carries: 59, no next header (RFC 6275 §6.1.1). */
    public static final int PAYLOAD_PROTO = Mip6Layout.PAYLOAD_PROTO;

    /** The shortest Mobility Header: 8 octets (Header Len 0). */
    public static final int MIN_LENGTH = Mip6Layout.MIN_LENGTH;

    /** The longest Mobility Header: 2048 octets (Header Len 255). */
    public static final int MAX_LENGTH = Mip6Layout.MAX_LENGTH;

    /**
     * Checks the components.
     *
     * @param reserved the Reserved octet, 0..255
     * @param checksum the Checksum, 0..65535
     * @param message the message
     * @param options the options, padding included, in wire order
     * @throws IllegalArgumentException if a component is out of range, the header is not a
     *     multiple of 8 octets or exceeds 2048, a {@link MobilityMessage.Raw} or
     *     {@link MobilityMessage.Experimental} message has options, one of the four single options repeats, an option other than padding
     *     follows Binding Authorization Data or Mobility Message Authentication, or there are more than 2048 options
     * @throws NullPointerException if {@code message}, {@code options} or an option is null
     */
    public MobilityHeader {
        Check.inRange("reserved", reserved, 0, 0xFF);
        Check.inRange("checksum", checksum, 0, 0xFFFF);
        Objects.requireNonNull(message, "message");
        // The option rules are checked once, when the list is made (a decoded header's by the
        // decoder's walk); the list keeps the octets its options take.
        OptionList list = OptionList.of(options);
        options = list;
        Check.argument(list.isEmpty() || !MobilityHeaderDecoder.opaque(message), "options", list.size(),
                "none with a Raw or Experimental message: its data holds them");
        int length = Mip6Layout.MESSAGE_OFFSET + message.length() + list.encodedLength;
        Check.argument(length % Mip6Layout.UNIT == 0, "length()", length, "a multiple of 8 (RFC 6275 §6.1.1)");
        Check.inRange("length()", length, Mip6Layout.MIN_LENGTH, Mip6Layout.MAX_LENGTH);
    }

    /**
     * A header as a sender builds it (RFC 6275 §6.2.1 and the rules of §6.1.1): Reserved and
     * Checksum 0, the options in the order given, each preceded by the Pad1 or PadN its
     * alignment requirement asks for ({@link MobilityOption} lists them), then Pad1 or PadN to a
     * multiple of 8 octets. Padding options in {@code options} are kept where they are.
     *
     * @param message the message
     * @param options the options, in the order to send them; Binding Authorization Data or
     *                Mobility Message Authentication, if present, last
     * @return the header, with Checksum 0 (see {@link MobilityHeaderEncoder#encode(MobilityHeader,
     *         java.nio.ByteBuffer, MobilityPseudoHeader)})
     * @throws IllegalArgumentException if Binding Authorization Data or Mobility Message
     *     Authentication is not last, an option
     *     repeats that may not, options come with a {@link MobilityMessage.Raw} or
     *     {@link MobilityMessage.Experimental} message, or the
     *     header would exceed 2048 octets
     * @throws NullPointerException if an argument or an option is null
     */
    public static MobilityHeader of(MobilityMessage message, List<MobilityOption> options) {
        List<MobilityOption> placed = new ArrayList<>(options.size() * 2 + 1);
        int at = Mip6Layout.MESSAGE_OFFSET + message.length();
        for (int i = 0; i < options.size(); i++) {
            MobilityOption o = options.get(i);
            Check.argument(o.type() != Mip6Layout.BINDING_AUTHORIZATION_DATA
                    && o.type() != Mip6Layout.MOBILITY_MESSAGE_AUTHENTICATION || i == options.size() - 1, "options",
                    i, "Binding Authorization Data or Mobility Message Authentication last (RFC 6275 §6.2.7,"
                            + " RFC 4285 §5)");
            int alignment = Mip6Layout.alignment(o.type());
            int x = alignment >>> 8;
            int y = alignment & 0xFF;
            at += pad(placed, Math.floorMod(y - at, x));
            placed.add(o);
            at += o.encodedLength();
        }
        if (MobilityHeaderDecoder.opaque(message)) {
            return new MobilityHeader(0, 0, message, placed);
        }
        pad(placed, Math.floorMod(-at, Mip6Layout.UNIT));
        return new MobilityHeader(0, 0, message, placed);
    }

    /** Adds {@code n} octets of padding: Pad1 for one, PadN for more. */
    private static int pad(List<MobilityOption> out, int n) {
        if (n == 1) {
            out.add(new MobilityOption.Pad1());
        } else if (n > 1) {
            out.add(MobilityOption.PadN.ofLength(n));
        }
        return n;
    }

    /**
     * Converts seconds to the 4-second units of a Lifetime or Refresh Interval (RFC 6275
     * §6.1.7, §6.2.4), rounding up so that only 0 seconds gives 0 (a deregistration), and
     * saturating at 65535 units.
     *
     * @param seconds the duration in seconds, at least 0
     * @return the units, 0..65535
     * @throws IllegalArgumentException if {@code seconds} is negative
     */
    public static int units(long seconds) {
        Check.inRange("seconds", seconds, 0, Long.MAX_VALUE);
        return (int) Math.min(0xFFFF, seconds / 4 + (seconds % 4 == 0 ? 0 : 1));
    }

    /**
     * Returns the MH Type: the message's.
     *
     * @return the MH Type, 0..255
     */
    public int type() {
        return message.type();
    }

    /**
     * Returns the header's length on the wire: the first 6 octets, the message and the options.
     *
     * @return the length, a multiple of 8, 8..2048
     */
    public int length() {
        return Mip6Layout.MESSAGE_OFFSET + message.length() + ((OptionList) options).encodedLength;
    }

    /**
     * Returns the Header Len field: the length in 8-octet units, not counting the first 8.
     *
     * @return Header Len, 0..255
     */
    public int headerLen() {
        return length() / Mip6Layout.UNIT - 1;
    }

    /**
     * Returns the options that are not padding, in wire order.
     *
     * @return the options other than Pad1 and PadN
     */
    public List<MobilityOption> significantOptions() {
        return options.stream().filter(o -> o.type() > Mip6Layout.PADN).toList();
    }

    /**
     * Returns the first option of a class, if any.
     *
     * @param kind the option's record class, for example {@code MobilityOption.AlternateCareOfAddress.class}
     * @param <T> the option's type
     * @return the first such option, or {@code null}
     */
    public <T extends MobilityOption> T option(Class<T> kind) {
        for (MobilityOption o : options) {
            if (kind.isInstance(o)) {
                return kind.cast(o);
            }
        }
        return null;
    }
}
