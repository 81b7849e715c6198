package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.ip.HomeAddressOption;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;

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
 * (RFC 8200 §8.1). The core's IPv6 walk finds both: {@link #of(Ipv6Header)} takes them from a
 * decoded header, {@link #of(ByteBuffer, int, int)} from the packet's bytes, and
 * {@link #sum(ByteBuffer, int, int, int)} sums the pseudo-header in place without allocating;
 * {@link #of(Ipv6Address, Ipv6Address, Ipv6Address, Ipv6Address)} makes both substitutions
 * from addresses the caller found.
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
     * The pseudo-header of a decoded IPv6 header, with the substitutions of RFC 6275 §6.1.1: its
     * Home Address option's address (RFC 6275 §6.3) as the source, its Type 2 Routing Header's
     * home address (RFC 6275 §6.4) as the destination.
     *
     * @param ipv6 the IPv6 header that carries the Mobility Header
     * @return the pseudo-header
     * @throws NullPointerException if {@code ipv6} is null
     */
    public static MobilityPseudoHeader of(Ipv6Header ipv6) {
        return of(ipv6.source(), ipv6.destination(),
                ipv6.homeAddressOption().map(HomeAddressOption::homeAddress).orElse(null),
                ipv6.type2RoutingHeader().map(Ipv6ExtensionHeader.Type2RoutingHeader::homeAddress).orElse(null));
    }

    /**
     * The pseudo-header of the IPv6 packet at absolute {@code index}, with the substitutions of
     * RFC 6275 §6.1.1, found by the core's IPv6 walk
     * ({@link IpScan#homeAddressIndex}, {@link IpScan#type2HomeAddressIndex}).
     *
     * @param packet the buffer holding the IPv6 packet
     * @param index the absolute index of the IPv6 header's first octet
     * @param limit the end (exclusive) of the octets that may be read
     * @return the pseudo-header
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code packet.limit()}
     * @throws MalformedPacketException (protocol "ipv6") if the IPv6 header is not valid, as
     *     {@link org.tunnelcodec.core.ip.Ipv6Decoder#decode(ByteBuffer, int, int)} finds it
     */
    public static MobilityPseudoHeader of(ByteBuffer packet, int index, int limit) {
        long scan = scan(packet, index, limit);
        return new MobilityPseudoHeader(Ipv6Address.read(packet, source(packet, index, scan)),
                Ipv6Address.read(packet, destination(packet, index, scan)));
    }

    /**
     * Returns the one's complement sum of the pseudo-header of the IPv6 packet at absolute
     * {@code index} for a Mobility Header of {@code length} octets, with the substitutions of RFC
     * 6275 §6.1.1, reading the addresses in place: allocates nothing. With
     * {@code InternetChecksum.verifies(packet, mh, length, sum)} it checks a Mobility Header's
     * Checksum on the data path.
     *
     * @param packet the buffer holding the IPv6 packet
     * @param index the absolute index of the IPv6 header's first octet
     * @param limit the end (exclusive) of the octets that may be read
     * @param length the Mobility Header's length in octets, (Header Len + 1) times 8
     * @return the folded sum, 0..0xFFFF
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code packet.limit()}
     * @throws MalformedPacketException (protocol "ipv6") if the IPv6 header is not valid
     */
    public static int sum(ByteBuffer packet, int index, int limit, int length) {
        long scan = scan(packet, index, limit);
        return InternetChecksum.ipv6PseudoHeaderSum(packet, source(packet, index, scan),
                destination(packet, index, scan), Mip6Layout.NEXT_HEADER, length);
    }

    private static long scan(ByteBuffer packet, int index, int limit) {
        long scan = IpScan.ipv6(packet, index, limit);
        if (!IpScan.isValid(scan)) {
            throw IpScan.exception(scan, packet, index, limit);
        }
        return scan;
    }

    /** The Home Address option's address, or the IPv6 Source Address (offset 8). */
    private static int source(ByteBuffer packet, int index, long scan) {
        int hao = IpScan.homeAddressIndex(packet, index, scan);
        return hao >= 0 ? hao : index + 8;
    }

    /** The Type 2 Routing Header's home address, or the IPv6 Destination Address (offset 24). */
    private static int destination(ByteBuffer packet, int index, long scan) {
        int rh2 = IpScan.type2HomeAddressIndex(packet, index, scan);
        return rh2 >= 0 ? rh2 : index + 24;
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
