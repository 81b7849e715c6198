package org.tunnelcodec.core.ip;

import java.util.Objects;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;

/**
 * The Home Address destination option of Mobile IPv6 (RFC 6275 §6.3): the home address of a
 * mobile node that sends from its care-of address. It travels in a Destination Options header
 * ({@link Ipv6ExtensionHeader.DestinationOptions#homeAddressOption()} finds it there); upper
 * layers read its address as the packet's source, so transport checksums cover it in place of
 * the IPv6 Source Address.
 *
 * <pre>
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |  Option Type  | Option Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                                                               +
 * |                                                               |
 * +                          Home Address                         +
 * |                                                               |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Option Type 201 (0xC9: a node that does not know it discards the packet; the data does not
 * change en route), Option Length 16, alignment 8n+6 from the start of its header, so that the
 * address is 8-aligned. The alignment is the sender's duty:
 * {@link Ipv6ExtensionHeader.DestinationOptions#withHomeAddress(org.tunnelcodec.core.IpProtocol,
 * HomeAddressOption) DestinationOptions.withHomeAddress} places it; a receiver does not check it.
 *
 * <p>Receiver rules, applied by the IPv6 decoder and {@link IpScan}: an Option Length other than
 * 16 is malformed ({@code BAD_LENGTH}), a multicast or unspecified home address is malformed
 * (RFC 6275 §6.3: "a unicast routable address"; {@code BAD_VALUE}), and so is a second Home
 * Address option in one packet ({@code BAD_VALUE}), whose home address would be ambiguous.
 *
 * @param homeAddress the home address: not multicast, not the unspecified address
 */
public record HomeAddressOption(Ipv6Address homeAddress) {
    /** The Option Type, 201 (RFC 6275 §6.3). */
    public static final int OPTION_TYPE = Ipv6Layout.HOME_ADDRESS_OPTION;
    /** The Option Length, 16: the address alone. */
    public static final int OPTION_LENGTH = Ipv6Layout.HOME_ADDRESS_OPTION_LENGTH;
    /** The option's length on the wire, Option Type and Option Length included: 18. */
    public static final int ENCODED_LENGTH = OPTION_LENGTH + 2;
    /** The alignment requirement is 8n+6: the option's offset in its header, modulo 8, is this. */
    public static final int ALIGNMENT_OFFSET = 6;

    /**
     * Checks the address.
     *
     * @param homeAddress the home address: not multicast, not the unspecified address
     * @throws NullPointerException if {@code homeAddress} is null
     * @throws IllegalArgumentException if {@code homeAddress} is multicast or unspecified
     */
    public HomeAddressOption {
        Objects.requireNonNull(homeAddress, "homeAddress");
        Check.argument(Ipv6Layout.isUnicast(homeAddress.high(), homeAddress.low()), "homeAddress", homeAddress,
                "a unicast address, not multicast or unspecified (RFC 6275 §6.3)");
    }
}
