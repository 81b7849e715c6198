package org.tunnelcodec.mip6;

import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv6Address;

/**
 * The addresses of the IPv6 pseudo-header the Mobility Header checksum covers (RFC 6275 §6.1.1,
 * which takes the pseudo-header of RFC 8200 §8.1 with Next Header 135):
 *
 * <pre>
 * Source Address (128) | Destination Address (128) | Upper-Layer Packet Length (32) | zero (24) | Next Header = 135 (8)
 * </pre>
 *
 * <p>The addresses are not always the IPv6 header's. A packet with a Home Address destination
 * option (a Binding Update sent from a care-of address) is checksummed with the home address
 * as the source (RFC 6275 §6.3: the option's address replaces the source for upper layers); a
 * packet with a Routing Header (a Binding Acknowledgement sent through a Type 2 Routing Header)
 * is checksummed with the final destination, the home address in the routing header
 * (RFC 8200 §8.1). {@link #of(Ipv6Address, Ipv6Address, Ipv6Address, Ipv6Address)} makes both
 * substitutions from what the caller found in the extension headers.
 *
 * @param source      the pseudo-header's Source Address
 * @param destination the pseudo-header's Destination Address
 */
public record MobilityPseudoHeader(Ipv6Address source, Ipv6Address destination) {
    /**
     * Checks the components.
     *
     * @param source the pseudo-header's Source Address
     * @param destination the pseudo-header's Destination Address
     * @throws NullPointerException if an address is null
     */
    public MobilityPseudoHeader {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    /**
     * The pseudo-header of a packet, with the substitutions of RFC 6275 §6.1.1: the Home Address
     * option's address replaces the IPv6 Source Address, and the Type 2 Routing Header's home
     * address (the final destination) replaces the IPv6 Destination Address.
     *
     * @param ipv6Source        the IPv6 header's Source Address
     * @param ipv6Destination   the IPv6 header's Destination Address
     * @param homeAddressOption the Home Address of the packet's Home Address destination option,
     *                          or {@code null} when it has none
     * @param routingHomeAddress the Home Address of the packet's Type 2 Routing Header, or
     *                          {@code null} when it has none
     * @return the pseudo-header
     * @throws NullPointerException if {@code ipv6Source} or {@code ipv6Destination} is null
     */
    public static MobilityPseudoHeader of(Ipv6Address ipv6Source, Ipv6Address ipv6Destination,
                                          Ipv6Address homeAddressOption, Ipv6Address routingHomeAddress) {
        return new MobilityPseudoHeader(homeAddressOption != null ? homeAddressOption : ipv6Source,
                routingHomeAddress != null ? routingHomeAddress : ipv6Destination);
    }

    /**
     * Returns the one's complement sum of the pseudo-header for a Mobility Header of
     * {@code length} octets.
     *
     * @param length the Mobility Header's length in octets, (Header Len + 1) times 8
     * @return the folded sum, 0..0xFFFF
     */
    public int sum(int length) {
        return InternetChecksum.ipv6PseudoHeaderSum(source, destination, Mip6Layout.NEXT_HEADER, length);
    }
}
