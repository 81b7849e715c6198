package org.tunnelcodec.vxlan;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * One Geneve option (RFC 8926 §3.5): a TLV whose class and type name it and whose data is kept
 * as it is on the wire, known or not.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Option Class         |      Type     |R|R|R| Length  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Variable-Length Option Data                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The high bit of Type is the critical bit: a tunnel endpoint that does not recognize a
 * critical option must drop the packet (RFC 8926 §3.5). Length counts the data in 4-octet
 * words, 0..31; it is derived from {@code data}, whose length must be a multiple of 4, at most
 * 124 octets. R is kept as on the wire.
 *
 * @param optionClass the Option Class, 0..65535 (IANA "Geneve Option Class" registry)
 * @param type        the Type, 0..255, the critical bit (0x80) included
 * @param reserved    the three R bits, 0..7
 * @param data        the Variable-Length Option Data, a multiple of 4 octets, at most 124
 */
public record GeneveOption(int optionClass, int type, int reserved, ByteString data) {
    /** The critical bit of {@link #type()}. */
    public static final int CRITICAL = GeneveLayout.OPTION_CRITICAL;

    /** The most data octets one option can carry: 31 words of 4. */
    public static final int MAX_DATA_LENGTH = GeneveLayout.MAX_OPTION_DATA;

    /**
     * Checks the components.
     *
     * @param optionClass the Option Class, 0..65535 (IANA "Geneve Option Class" registry)
     * @param type the Type, 0..255, the critical bit (0x80) included
     * @param reserved the three R bits, 0..7
     * @param data the Variable-Length Option Data, a multiple of 4 octets, at most 124
     * @throws IllegalArgumentException if a component is out of range or {@code data}'s length is not a multiple of 4
     * @throws NullPointerException if {@code data} is null
     */
    public GeneveOption {
        Check.inRange("optionClass", optionClass, 0, 0xFFFF);
        Check.inRange("type", type, 0, 0xFF);
        Check.inRange("reserved", reserved, 0, 7);
        Objects.requireNonNull(data, "data");
        Check.inRange("data.length()", data.length(), 0, MAX_DATA_LENGTH);
        Check.argument(data.length() % 4 == 0, "data.length()", data.length(), "a multiple of 4");
    }

    /**
     * An option with R clear.
     *
     * @param optionClass the Option Class, 0..65535
     * @param type        the Type, 0..255, the critical bit (0x80) included
     * @param data        the option data, a multiple of 4 octets, at most 124
     * @return the option
     * @throws IllegalArgumentException if a value is out of range
     */
    public static GeneveOption of(int optionClass, int type, ByteString data) {
        return new GeneveOption(optionClass, type, 0, data);
    }

    /**
     * Returns whether the critical bit of Type is set.
     *
     * @return whether the option is critical
     */
    public boolean critical() {
        return (type & CRITICAL) != 0;
    }

    /**
     * Returns the Length field: the data in 4-octet words.
     *
     * @return the Length field, 0..31
     */
    public int length() {
        return data.length() / 4;
    }

    /**
     * Returns the option's length on the wire: its 4-octet header and its data.
     *
     * @return 4 plus the data's length
     */
    public int encodedLength() {
        return GeneveLayout.OPTION_HEADER_LENGTH + data.length();
    }
}
