package org.tunnelcodec.core.ip;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * The one check of an IPv4 or IPv6 header (with the IPv6 extension-header walk), for the data
 * path: allocation-free, and non-throwing for bad bytes. {@link Ipv4Decoder} and
 * {@link Ipv6Decoder} are built on it, so a header that scans valid is exactly a header that
 * decodes, and an invalid scan turns into the decoder's exception with {@link #exception}.
 *
 * <h2>What is checked</h2>
 * IPv4 as {@link Ipv4Decoder} documents it. IPv6 as {@link Ipv6Decoder} documents it: Version,
 * Payload Length within the bytes, the walk of Hop-by-Hop Options, Routing, Fragment and
 * Destination Options headers (at most 8; a Fragment header with a non-zero offset ends the
 * walk), every walked header within Payload Length, and the option TLVs of Hop-by-Hop and
 * Destination Options headers (RFC 8200 §4.2: Pad1 is one octet, every other option is type,
 * Opt Data Len and data; an option that runs past its header's end is {@code TRUNCATED},
 * field "Option Data" or "Opt Data Len", bounded by that header's Hdr Ext Len). The Mobile
 * IPv6 headers are checked by their receiver rules: a Home Address option (type 201 in a
 * Destination Options header, RFC 6275 §6.3) must have Option Length 16 ("Home Address Option
 * Length", {@code BAD_LENGTH}) and a unicast address, neither multicast nor unspecified ("Home
 * Address", {@code BAD_VALUE}), and a packet may carry only one ("Home Address Option Type" of
 * the second, {@code BAD_VALUE}); a Type 2 Routing Header (RFC 6275 §6.4) must have Hdr Ext
 * Len 2 ("Type 2 Routing Header Hdr Ext Len", {@code BAD_LENGTH}) and Segments Left 1 ("Type 2
 * Routing Header Segments Left", {@code BAD_VALUE}). Other options and Routing Types are
 * checked for their lengths only. Jumbograms (RFC 2675) are supported: Payload Length 0 with a Jumbo
 * Payload option (type 0xC2, Opt Data Len 4) in a Hop-by-Hop Options header right after the
 * fixed header; the packet then ends at 40 + Jumbo Payload Length. The errors of RFC 2675 §3
 * are malformed: a Jumbo option with Payload Length not 0 ("Payload Length"), Jumbo Payload
 * Length 65535 or less ("Jumbo Payload Length"), a Jumbo option with a Fragment header
 * ("Fragment Next Header"), and Payload Length 0 without a Jumbo option ("Payload Length").
 * The one Payload Length 0 that is not an error is an empty packet whose Next Header is No
 * Next Header (59, RFC 8200 §4.7). The option walk is bounded by the header lengths: at most
 * 8 headers of at most 2048 octets.
 *
 * <h2>The result</h2>
 * Every scan returns a {@code long}. A valid result is {@code >= 0}:
 * <pre>
 *  bit 63     0
 *  bits 62-61 0
 *  bit 60     1 for IPv6, 0 for IPv4
 *  bit 59     fragment (IPv4: MF or Fragment Offset; IPv6: a walked Fragment header with M or an offset)
 *  bits 58-28 payload length, 31 bits (after the header; bounded by Total Length, Payload
 *             Length or Jumbo Payload Length)
 *  bits 27-8  header length, 20 bits (IPv4: IHL * 4; IPv6: 40 + the walked extension headers)
 *  bits 7-0   protocol (IPv4 Protocol; IPv6: the Next Header of the last walked header)
 * </pre>
 * An invalid result is {@code < 0}:
 * <pre>
 *  bit 63     1
 *  bits 62-32 an auxiliary value of the error (for example the extension header type and
 *             by how much it overruns), 31 bits
 *  bits 31-8  the offset, from {@code index}, of the structure that failed, 24 bits
 *  bits 7-0   the error code
 * </pre>
 * {@link #exception} turns an invalid result into the exception the decoder throws, re-reading
 * the buffer for the values its message names.
 *
 * <h2>Mobile IPv6 peeks</h2>
 * {@link #homeAddressIndex} and {@link #type2HomeAddressIndex} find, in a header that scanned
 * valid, the address of its Home Address option and of its Type 2 Routing Header, without
 * allocating: what a Mobility Header or transport checksum puts in its pseudo-header in place of
 * the IPv6 Source and Destination Address (RFC 6275 §6.3, §6.4; RFC 8200 §8.1).
 */
public final class IpScan {
    private static final long INVALID = Long.MIN_VALUE;
    private static final int V6_BIT = 60;
    private static final int FRAGMENT_BIT = 59;
    private static final int JUMBO_OPTION = 0xC2;
    private static final int NO_NEXT_HEADER = 59;
    /** The protocol of errors of {@link #ip} that belong to neither version. */
    private static final String ANY_VERSION = "ip";
    private static final String PAYLOAD_BOUND = Ipv6Header.PROTOCOL + " Payload Length";
    private static final String JUMBO_BOUND = Ipv6Header.PROTOCOL + " Jumbo Payload Length";

    // Error codes (bits 7-0 of an invalid result).
    private static final int V4_SHORT = 1;
    private static final int V4_VERSION = 2;
    private static final int V4_IHL = 3;
    private static final int V4_OPTIONS_TRUNCATED = 4;
    private static final int V4_TOTAL_LENGTH = 5;
    private static final int V4_TOTAL_TRUNCATED = 6;
    private static final int V6_SHORT = 7;
    private static final int V6_VERSION = 8;
    private static final int V6_PAYLOAD_TRUNCATED = 9;
    private static final int V6_TOO_MANY = 10;
    private static final int V6_EXT_SHORT = 11;
    private static final int V6_EXT_LENGTH = 12;
    private static final int V6_OPTION_DATA_TRUNCATED = 13;
    private static final int V6_PAYLOAD_ZERO = 14;
    private static final int V6_PAYLOAD_WITH_JUMBO = 15;
    private static final int V6_JUMBO_SMALL = 16;
    private static final int V6_JUMBO_OPT_LEN = 17;
    private static final int V6_JUMBO_FRAGMENT = 18;
    private static final int V6_JUMBO_TRUNCATED = 19;
    private static final int V6_HOP_BY_HOP_SHORT = 20;
    private static final int V6_HOP_BY_HOP_TRUNCATED = 21;
    private static final int IP_EMPTY = 22;
    private static final int IP_VERSION = 23;
    private static final int V6_OPT_DATA_LEN_TRUNCATED = 24;
    private static final int V6_HAO_LENGTH = 25;
    private static final int V6_HAO_ADDRESS = 26;
    private static final int V6_HAO_SECOND = 27;
    private static final int V6_RH2_LENGTH = 28;
    private static final int V6_RH2_SEGMENTS_LEFT = 29;

    private IpScan() {
    }

    /**
     * Checks an IPv4 header at absolute {@code index} exactly as {@link Ipv4Decoder#decode(ByteBuffer, int, int)}
     * does, reading nothing at or past {@code limit}; allocates nothing and throws nothing for bad bytes.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the packed result
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     */
    public static long ipv4(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        if (limit - index < Ipv4Layout.MIN_LENGTH) {
            return error(V4_SHORT, 0, 0);
        }
        byte[] a = Wire.array(src);
        int shift = Wire.shift(src, a);
        long w0 = Wire.i64(src, a, shift, index);
        int versionIhl = (int) (w0 >>> 56) & 0xFF;
        if (versionIhl >>> 4 != 4) {
            return error(V4_VERSION, 0, 0);
        }
        int headerLength = (versionIhl & 0xF) * 4;
        if (headerLength < Ipv4Layout.MIN_LENGTH) {
            return error(V4_IHL, 0, 0);
        }
        if (headerLength > limit - index) {
            return error(V4_OPTIONS_TRUNCATED, Ipv4Layout.MIN_LENGTH, 0);
        }
        int totalLength = (int) (w0 >>> 32) & 0xFFFF;
        if (totalLength < headerLength) {
            return error(V4_TOTAL_LENGTH, Ipv4Layout.TOTAL_LENGTH_OFFSET, 0);
        }
        if (totalLength > limit - index) {
            return error(V4_TOTAL_TRUNCATED, 0, 0);
        }
        boolean fragment = (w0 & (Ipv4Layout.MORE_FRAGMENTS | Ipv4Layout.FRAGMENT_OFFSET_MASK)) != 0;
        int protocol = Wire.u8(src, a, shift, index + Ipv4Layout.PROTOCOL_OFFSET);
        return valid(false, fragment, totalLength - headerLength, headerLength, protocol);
    }

    /**
     * Checks an IPv6 header and walks its extension headers at absolute {@code index} exactly
     * as {@link Ipv6Decoder#decode(ByteBuffer, int, int)} does, reading nothing at or past
     * {@code limit}; allocates nothing and throws nothing for bad bytes.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the packed result
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     */
    public static long ipv6(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        if (limit - index < Ipv6Layout.LENGTH) {
            return error(V6_SHORT, 0, 0);
        }
        long w0 = Wire.i64(src, index);
        if ((int) (w0 >>> 60) != 6) {
            return error(V6_VERSION, 0, 0);
        }
        int wirePayloadLength = (int) (w0 >>> 16) & 0xFFFF;
        if (wirePayloadLength > limit - index - Ipv6Layout.LENGTH) {
            return error(V6_PAYLOAD_TRUNCATED, 0, 0);
        }
        int current = (int) (w0 >>> 8) & 0xFF;
        int at = index + Ipv6Layout.LENGTH;
        int end = at + wirePayloadLength;
        boolean jumbo = false;
        if (wirePayloadLength == 0) {
            if (current != 0) {
                return current == NO_NEXT_HEADER ? valid(true, false, 0, Ipv6Layout.LENGTH, current)
                        : error(V6_PAYLOAD_ZERO, Ipv6Layout.PAYLOAD_LENGTH_OFFSET, 0);
            }
            // RFC 2675 §2: the Jumbo Payload option sits in the Hop-by-Hop Options header.
            if (limit - at < 8) {
                return error(V6_HOP_BY_HOP_SHORT, Ipv6Layout.LENGTH, 0);
            }
            int hopByHopLength = (Wire.u8(src, at + 1) + 1) * 8;
            if (hopByHopLength > limit - at) {
                return error(V6_HOP_BY_HOP_TRUNCATED, Ipv6Layout.LENGTH, 0);
            }
            long options = options(src, index, at, at + hopByHopLength, 0, true);
            if (options < 0) {
                return options;
            }
            if (options == 0) {
                return error(V6_PAYLOAD_ZERO, Ipv6Layout.PAYLOAD_LENGTH_OFFSET, 0);
            }
            int jumboData = (int) options;
            long jumboLength = Wire.u32(src, jumboData);
            if (jumboLength <= 0xFFFF) {
                return error(V6_JUMBO_SMALL, jumboData - index, 0);
            }
            if (jumboLength > limit - at) {
                return error(V6_JUMBO_TRUNCATED, jumboData - index, 0);
            }
            end = at + (int) jumboLength;
            jumbo = true;
        }
        boolean fragment = false;
        int homeAddress = 0; // the index of the Home Address option's address, once one is seen
        for (int n = 0; Ipv6Layout.isWalked(current); n++) {
            if (n == Ipv6Layout.MAX_EXTENSION_HEADERS) {
                return error(V6_TOO_MANY, at - index, 0);
            }
            if (end - at < 8) {
                return error(V6_EXT_SHORT, at - index, extension(current, jumbo, end - at));
            }
            int next = Wire.u8(src, at);
            if (current == 44) {
                if (jumbo) {
                    return error(V6_JUMBO_FRAGMENT, at - index, 0);
                }
                int offsetWord = Wire.u16(src, at + 2);
                at += 8;
                current = next;
                if ((offsetWord & 0xFFF9) != 0) { // Fragment Offset or M (RFC 8200 §4.5)
                    fragment = true;
                    if (offsetWord >>> 3 != 0) {
                        break; // the bytes after a non-first fragment are the middle of a packet
                    }
                }
                continue;
            }
            int length = (Wire.u8(src, at + 1) + 1) * 8;
            if (length > end - at) {
                return error(V6_EXT_LENGTH, at - index, extension(current, jumbo, end - at));
            }
            if (current == 43 && Wire.u8(src, at + 2) == Ipv6Layout.TYPE_2_ROUTING) {
                if (length != Ipv6Layout.TYPE_2_LENGTH) { // RFC 6275 §6.4: Hdr Ext Len 2
                    return error(V6_RH2_LENGTH, at + 1 - index, 0);
                }
                if (Wire.u8(src, at + 3) != 1) { // RFC 6275 §6.4: Segments Left 1
                    return error(V6_RH2_SEGMENTS_LEFT, at + 3 - index, 0);
                }
            } else if (current == 60) {
                long options = options(src, index, at, at + length, current, false);
                if (options < 0) {
                    return options;
                }
                if (options != 0) {
                    if (homeAddress != 0) { // a second Home Address option, in another header
                        return error(V6_HAO_SECOND, (int) options - 2 - index, 0);
                    }
                    homeAddress = (int) options;
                }
            } else if (current == 0 && !(jumbo && n == 0)) {
                // The first Hop-by-Hop header of a jumbogram had its options walked above.
                long options = options(src, index, at, at + length, current, n == 0);
                if (options < 0) {
                    return options;
                }
                if (options != 0) { // RFC 2675 §3: a Jumbo option needs Payload Length 0
                    return error(V6_PAYLOAD_WITH_JUMBO, Ipv6Layout.PAYLOAD_LENGTH_OFFSET, 0);
                }
            }
            at += length;
            current = next;
        }
        return valid(true, fragment, end - at, at - index, current);
    }

    /**
     * Walks the option TLVs of an options header in {@code [at, headerEnd)} (RFC 8200 §4.2),
     * and in a Destination Options header the rules of the Home Address option (RFC 6275 §6.3).
     *
     * @return an error result, or 0, or (when {@code findJumbo}) the absolute index of the
     *     first Jumbo Payload option's data, or (in a Destination Options header) the absolute
     *     index of its Home Address option's address
     */
    private static long options(ByteBuffer src, int index, int at, int headerEnd, int type, boolean findJumbo) {
        int i = at + 2;
        long jumboData = 0;
        long homeAddress = 0;
        byte[] a = Wire.array(src); // the option loop reads an octet at a time
        int shift = Wire.shift(src, a);
        while (i < headerEnd) {
            int optionType = Wire.u8(src, a, shift, i);
            if (optionType == 0) { // Pad1
                i++;
                continue;
            }
            // RFC 8200 §4.2: an option runs past its header's Hdr Ext Len.
            if (headerEnd - i < 2) {
                return error(V6_OPT_DATA_LEN_TRUNCATED, i + 1 - index, type);
            }
            int optionLength = Wire.u8(src, a, shift, i + 1) + 2;
            if (optionLength > headerEnd - i) {
                return error(V6_OPTION_DATA_TRUNCATED, i + 2 - index, type | (long) (headerEnd - i - 2) << 8);
            }
            if (findJumbo && optionType == JUMBO_OPTION && jumboData == 0) {
                if (optionLength != 6) {
                    return error(V6_JUMBO_OPT_LEN, i + 1 - index, 0);
                }
                jumboData = i + 2;
            }
            if (type == 60 && optionType == Ipv6Layout.HOME_ADDRESS_OPTION) {
                if (optionLength != Ipv6Layout.HOME_ADDRESS_OPTION_LENGTH + 2) {
                    return error(V6_HAO_LENGTH, i + 1 - index, 0);
                }
                if (homeAddress != 0) {
                    return error(V6_HAO_SECOND, i - index, 0);
                }
                if (!Ipv6Layout.isUnicast(Wire.i64(src, i + 2), Wire.i64(src, i + 10))) {
                    return error(V6_HAO_ADDRESS, i + 2 - index, 0);
                }
                homeAddress = i + 2;
            }
            i += optionLength;
        }
        return type == 60 ? homeAddress : jumboData;
    }

    /**
     * Checks the header at absolute {@code index} by its Version nibble: 4 as {@link #ipv4},
     * 6 as {@link #ipv6}, any other is an error result (field "Version",
     * {@code UNSUPPORTED_VERSION}); an empty range is an error result ({@code TRUNCATED}).
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the packed result
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     */
    public static long ip(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        if (index == limit) {
            return error(IP_EMPTY, 0, 0);
        }
        return switch (Wire.u8(src, index) >>> 4) {
            case 4 -> ipv4(src, index, limit);
            case 6 -> ipv6(src, index, limit);
            default -> error(IP_VERSION, 0, 0);
        };
    }

    /**
     * Returns whether the result is a valid header.
     *
     * @param result a result of {@link IpScan#ipv4}, {@link IpScan#ipv6} or {@link IpScan#ip}
     * @return whether the result is a valid header
     */
    public static boolean isValid(long result) {
        return result >= 0;
    }

    /**
     * Returns the header length of a valid result: IPv4 IHL * 4; IPv6 40 plus the walked extension
     * headers.
     *
     * @param result a result of {@link IpScan#ipv4}, {@link IpScan#ipv6} or {@link IpScan#ip}
     * @return the header length of a valid result: IPv4 IHL * 4; IPv6 40 plus the walked extension headers
     */
    public static int headerLength(long result) {
        return (int) (result >>> 8) & 0xF_FFFF;
    }

    /**
     * Returns the payload length of a valid result: the bytes after the header, within the IP length
     * field.
     *
     * @param result a result of {@link IpScan#ipv4}, {@link IpScan#ipv6} or {@link IpScan#ip}
     * @return the payload length of a valid result: the bytes after the header, within the IP length field
     */
    public static int payloadLength(long result) {
        return (int) (result >>> 28) & 0x7FFF_FFFF;
    }

    /**
     * Returns the protocol of a valid result: IPv4 Protocol, or the IPv6 upper-layer Next Header.
     *
     * @param result a result of {@link IpScan#ipv4}, {@link IpScan#ipv6} or {@link IpScan#ip}
     * @return the protocol of a valid result: IPv4 Protocol, or the IPv6 upper-layer Next Header
     */
    public static int protocol(long result) {
        return (int) result & 0xFF;
    }

    /**
     * Returns whether a valid result is a fragment: IPv4 MF set or Fragment Offset not 0; IPv6 a
     * walked Fragment header with M set or Fragment Offset not 0.
     *
     * @param result a result of {@link IpScan#ipv4}, {@link IpScan#ipv6} or {@link IpScan#ip}
     * @return whether a valid result is a fragment: IPv4 MF set or Fragment Offset not 0; IPv6
     *     a walked Fragment header with M set or Fragment Offset not 0
     */
    public static boolean isFragment(long result) {
        return (result >>> FRAGMENT_BIT & 1) != 0;
    }

    /**
     * Returns 4 or 6 for a valid result.
     *
     * @param result a result of {@link IpScan#ipv4}, {@link IpScan#ipv6} or {@link IpScan#ip}
     * @return 4 or 6 for a valid result
     */
    public static int version(long result) {
        return (result >>> V6_BIT & 1) != 0 ? 6 : 4;
    }

    private static long valid(boolean v6, boolean fragment, int payloadLength, int headerLength, int protocol) {
        return (v6 ? 1L << V6_BIT : 0) | (fragment ? 1L << FRAGMENT_BIT : 0) | (long) payloadLength << 28
                | (long) headerLength << 8 | protocol;
    }

    /** The auxiliary value of an extension header cut short: its type, whether a jumbogram, the bytes left. */
    private static long extension(int type, boolean jumbo, int available) {
        return type | (jumbo ? 0x100 : 0) | (long) available << 9;
    }

    private static long error(int code, int offset, long aux) {
        return INVALID | aux << 32 | (long) offset << 8 | code;
    }

    /**
     * The exception the decoders throw for an invalid result of a scan of the same bytes.
     * Offsets count from {@code index}.
     *
     * @param result an invalid result of {@link #ipv4}, {@link #ipv6} or {@link #ip} of the same arguments
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the exception, not thrown
     * @throws IllegalArgumentException if {@code result} is valid
     */
    public static MalformedPacketException exception(long result, ByteBuffer src, int index, int limit) {
        if (result >= 0) {
            throw new IllegalArgumentException("result: " + result + " (expected: an invalid result)");
        }
        int code = (int) result & 0xFF;
        int offset = (int) (result >>> 8) & 0xFF_FFFF;
        long aux = result >>> 32 & 0x7FFF_FFFFL;
        int available = limit - index;
        String v4 = Ipv4Header.PROTOCOL;
        String v6 = Ipv6Header.PROTOCOL;
        switch (code) {
            case V4_SHORT:
                return MalformedPacketException.truncated(v4, "Version", 0, Ipv4Layout.MIN_LENGTH, available);
            case V4_VERSION:
                return MalformedPacketException.invalid(v4, "Version", 0, Reason.UNSUPPORTED_VERSION,
                        Wire.u8(src, index) >>> 4, "4");
            case V4_IHL:
                return MalformedPacketException.invalid(v4, "IHL", 0, Reason.BAD_LENGTH, Wire.u8(src, index) & 0xF,
                        "at least 5");
            case V4_OPTIONS_TRUNCATED:
                return MalformedPacketException.truncated(v4, "Options", Ipv4Layout.MIN_LENGTH,
                        (Wire.u8(src, index) & 0xF) * 4 - Ipv4Layout.MIN_LENGTH, available - Ipv4Layout.MIN_LENGTH);
            case V4_TOTAL_LENGTH:
                return MalformedPacketException.invalid(v4, "Total Length", Ipv4Layout.TOTAL_LENGTH_OFFSET,
                        Reason.BAD_LENGTH, Wire.u16(src, index + Ipv4Layout.TOTAL_LENGTH_OFFSET),
                        "at least the header length, " + (Wire.u8(src, index) & 0xF) * 4);
            case V4_TOTAL_TRUNCATED:
                return MalformedPacketException.truncated(v4, "Total Length", 0,
                        Wire.u16(src, index + Ipv4Layout.TOTAL_LENGTH_OFFSET), available);
            case V6_SHORT:
                return MalformedPacketException.truncated(v6, "Version", 0, Ipv6Layout.LENGTH, available);
            case V6_VERSION:
                return MalformedPacketException.invalid(v6, "Version", 0, Reason.UNSUPPORTED_VERSION,
                        Wire.u8(src, index) >>> 4, "6");
            case V6_PAYLOAD_TRUNCATED:
                return MalformedPacketException.truncated(v6, "Payload Length", 0,
                        Ipv6Layout.LENGTH + Wire.u16(src, index + Ipv6Layout.PAYLOAD_LENGTH_OFFSET), available);
            case V6_TOO_MANY:
                return MalformedPacketException.invalid(v6, "Next Header", offset, Reason.LIMIT_EXCEEDED,
                        "more than " + Ipv6Layout.MAX_EXTENSION_HEADERS + " extension headers");
            case V6_EXT_SHORT:
                return MalformedPacketException.truncated(v6, extensionName((int) aux & 0xFF) + " Next Header", offset,
                        8, aux >>> 9, (aux & 0x100) != 0 ? JUMBO_BOUND : PAYLOAD_BOUND);
            case V6_EXT_LENGTH:
                return MalformedPacketException.truncated(v6, extensionName((int) aux & 0xFF) + " Hdr Ext Len", offset,
                        (Wire.u8(src, index + offset + 1) + 1) * 8, aux >>> 9,
                        (aux & 0x100) != 0 ? JUMBO_BOUND : PAYLOAD_BOUND);
            case V6_OPT_DATA_LEN_TRUNCATED:
                return MalformedPacketException.truncated(v6, "Opt Data Len", offset, 1, 0,
                        v6 + " " + extensionName((int) aux) + " Hdr Ext Len");
            case V6_OPTION_DATA_TRUNCATED:
                return MalformedPacketException.truncated(v6, "Option Data", offset,
                        Wire.u8(src, index + offset - 1), aux >>> 8,
                        v6 + " " + extensionName((int) aux & 0xFF) + " Hdr Ext Len");
            case V6_PAYLOAD_ZERO:
                return MalformedPacketException.invalid(v6, "Payload Length", Ipv6Layout.PAYLOAD_LENGTH_OFFSET,
                        Reason.BAD_LENGTH, 0, "not 0 without a Jumbo Payload option, RFC 2675 §3");
            case V6_PAYLOAD_WITH_JUMBO:
                return MalformedPacketException.invalid(v6, "Payload Length", Ipv6Layout.PAYLOAD_LENGTH_OFFSET,
                        Reason.BAD_LENGTH, Wire.u16(src, index + Ipv6Layout.PAYLOAD_LENGTH_OFFSET),
                        "0 with a Jumbo Payload option, RFC 2675 §3");
            case V6_JUMBO_SMALL:
                return MalformedPacketException.invalid(v6, "Jumbo Payload Length", offset, Reason.BAD_LENGTH,
                        Wire.u32(src, index + offset), "more than 65535, RFC 2675 §3");
            case V6_JUMBO_OPT_LEN:
                return MalformedPacketException.invalid(v6, "Opt Data Len", offset, Reason.BAD_LENGTH,
                        Wire.u8(src, index + offset), "4 for a Jumbo Payload option, RFC 2675 §2");
            case V6_JUMBO_FRAGMENT:
                return MalformedPacketException.invalid(v6, "Fragment Next Header", offset, Reason.BAD_VALUE,
                        "a Fragment header in a jumbogram (RFC 2675 §3)");
            case V6_JUMBO_TRUNCATED:
                return MalformedPacketException.truncated(v6, "Jumbo Payload Length", 0,
                        Ipv6Layout.LENGTH + Wire.u32(src, index + offset), available);
            case V6_HOP_BY_HOP_SHORT:
                return MalformedPacketException.truncated(v6, "Hop-by-Hop Options Next Header", offset, 8,
                        available - offset);
            case V6_HOP_BY_HOP_TRUNCATED:
                return MalformedPacketException.truncated(v6, "Hop-by-Hop Options Hdr Ext Len", offset,
                        (Wire.u8(src, index + offset + 1) + 1) * 8, available - offset);
            case V6_HAO_LENGTH:
                return MalformedPacketException.invalid(v6, "Home Address Option Length", offset, Reason.BAD_LENGTH,
                        Wire.u8(src, index + offset), "16, RFC 6275 §6.3");
            case V6_HAO_ADDRESS:
                return MalformedPacketException.invalid(v6, "Home Address", offset, Reason.BAD_VALUE,
                        "a unicast address, not multicast or unspecified, RFC 6275 §6.3");
            case V6_HAO_SECOND:
                return MalformedPacketException.invalid(v6, "Home Address Option Type", offset, Reason.BAD_VALUE,
                        Wire.u8(src, index + offset), "one Home Address option in a packet, RFC 6275 §6.3");
            case V6_RH2_LENGTH:
                return MalformedPacketException.invalid(v6, "Type 2 Routing Header Hdr Ext Len", offset,
                        Reason.BAD_LENGTH, Wire.u8(src, index + offset), "2, RFC 6275 §6.4");
            case V6_RH2_SEGMENTS_LEFT:
                return MalformedPacketException.invalid(v6, "Type 2 Routing Header Segments Left", offset,
                        Reason.BAD_VALUE, Wire.u8(src, index + offset), "1, RFC 6275 §6.4");
            case IP_EMPTY:
                return MalformedPacketException.truncated(ANY_VERSION, "Version", 0, 1, 0);
            case IP_VERSION:
                return MalformedPacketException.invalid(ANY_VERSION, "Version", 0, Reason.UNSUPPORTED_VERSION,
                        Wire.u8(src, index) >>> 4, "4 or 6");
            default:
                throw new IllegalArgumentException("result: " + result + " (expected: an invalid result)");
        }
    }

    /**
     * Returns the absolute index of the Home Address of the packet's Home Address option (RFC
     * 6275 §6.3), found in its Destination Options headers, or -1 if it has none. Allocates
     * nothing: the address is what upper layers take as the packet's source (a Mobility Header
     * or transport checksum's pseudo-header Source Address).
     *
     * @param src the buffer
     * @param index the absolute index of the IPv6 header's first byte
     * @param result a valid IPv6 result of {@link #ipv6} or {@link #ip} over the same bytes
     * @return the absolute index of the option's 16-byte address, or -1
     * @throws IllegalArgumentException if {@code result} is invalid or not IPv6
     */
    public static int homeAddressIndex(ByteBuffer src, int index, long result) {
        return mobileAddress(src, index, result, true);
    }

    /**
     * Returns the absolute index of the Home Address of the packet's Type 2 Routing Header (RFC
     * 6275 §6.4), or -1 if it has none. Allocates nothing: the address is the packet's final
     * destination, the pseudo-header Destination Address of a Mobility Header or transport
     * checksum (RFC 8200 §8.1).
     *
     * @param src the buffer
     * @param index the absolute index of the IPv6 header's first byte
     * @param result a valid IPv6 result of {@link #ipv6} or {@link #ip} over the same bytes
     * @return the absolute index of the header's 16-byte Home Address, or -1
     * @throws IllegalArgumentException if {@code result} is invalid or not IPv6
     */
    public static int type2HomeAddressIndex(ByteBuffer src, int index, long result) {
        return mobileAddress(src, index, result, false);
    }

    /** Walks the extension headers a valid scan walked, to a Home Address option or a Type 2 Routing Header. */
    private static int mobileAddress(ByteBuffer src, int index, long result, boolean option) {
        if (result < 0 || version(result) != 6) {
            throw new IllegalArgumentException("result: " + result + " (expected: a valid IPv6 result)");
        }
        int end = index + headerLength(result);
        int current = Wire.u8(src, index + Ipv6Layout.NEXT_HEADER_OFFSET);
        int at = index + Ipv6Layout.LENGTH;
        while (at < end) {
            int length = current == 44 ? 8 : (Wire.u8(src, at + 1) + 1) * 8;
            if (option && current == 60) {
                for (int i = at + 2; i < at + length; ) {
                    int type = Wire.u8(src, i);
                    if (type == Ipv6Layout.HOME_ADDRESS_OPTION) {
                        return i + 2;
                    }
                    i += type == 0 ? 1 : Wire.u8(src, i + 1) + 2;
                }
            } else if (!option && current == 43 && Wire.u8(src, at + 2) == Ipv6Layout.TYPE_2_ROUTING) {
                return at + Ipv6Layout.TYPE_2_ADDRESS_OFFSET;
            }
            current = Wire.u8(src, at);
            at += length;
        }
        return -1;
    }

    private static String extensionName(int type) {
        return switch (type) {
            case 0 -> "Hop-by-Hop Options";
            case 43 -> "Routing";
            case 44 -> "Fragment";
            default -> "Destination Options";
        };
    }
}
