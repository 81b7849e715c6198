package org.tunnelcodec.mip6;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Check;

/**
 * A sub-option of the Flow Identification mobility option (RFC 6089 §4.2): the TLV framing
 * of mobility options in a type space of its own. Pad1 is the one octet 0; every other
 * sub-option has a Type, a Length (the data octets) and its data.
 *
 * <p>Records: Pad1 (0), PadN (1), BID Reference (2) and Traffic Selector (3, with its
 * selector as octets and, for the binary formats of RFC 6088, as an {@link Ipv4TrafficSelector}
 * or {@link Ipv6TrafficSelector}). Any other type, such as the Flow Binding Action and Target
 * Care-of Address of RFC 7109, is an {@link Unknown} sub-option with its data as it is.
 */
public sealed interface FlowSubOption {
    /**
     * Returns the Sub-option Type.
     *
     * @return the Sub-option Type, 0..255
     */
    int type();

    /**
     * Returns the sub-option's length on the wire: 1 for Pad1, else 2 plus the Sub-option Length.
     *
     * @return the octets the sub-option takes
     */
    int encodedLength();

    /**
     * Pad1 (RFC 6089 §4.2): one octet of padding, the octet 0.
     */
    record Pad1() implements FlowSubOption {
        @Override
        public int type() {
            return Mip6Layout.FLOW_PAD1;
        }

        @Override
        public int encodedLength() {
            return 1;
        }
    }

    /**
     * PadN (RFC 6089 §4.2): two or more octets of padding, the data kept as on the wire.
     *
     * @param data the padding data, 0..247 octets
     */
    record PadN(ByteString data) implements FlowSubOption {
        /**
         * Checks the component.
         *
         * @param data the padding data, 0..247 octets
         * @throws IllegalArgumentException if {@code data} is too long for a Flow Identification
         * @throws NullPointerException if {@code data} is null
         */
        public PadN {
            Objects.requireNonNull(data, "data");
            Check.inRange("data.length()", data.length(), 0, MAX_DATA);
        }

        @Override
        public int type() {
            return Mip6Layout.FLOW_PADN;
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + data.length();
        }
    }

    /**
     * BID Reference (RFC 6089 §4.2, sub-option 2): the Binding IDs (RFC 5648) of the
     * bindings the flow is bound to, 16 bits each.
     *
     * <pre>
     * | Sub-opt Type = 2 | Sub-opt Len = 2 x count | BID 1 (16) | ... | BID count (16) |
     * </pre>
     *
     * @param bindingIds the Binding IDs, 1..123 of them, each 0..65535
     */
    record BidReference(List<Integer> bindingIds) implements FlowSubOption {
        /**
         * Checks and copies the component.
         *
         * @param bindingIds the Binding IDs, 1..123 of them, each 0..65535
         * @throws IllegalArgumentException if there are none or too many, or one is out of range
         * @throws NullPointerException if {@code bindingIds} or one of them is null
         */
        public BidReference {
            bindingIds = List.copyOf(bindingIds);
            Check.inRange("bindingIds.size()", bindingIds.size(), 1, MAX_DATA / 2);
            for (int bid : bindingIds) {
                Check.inRange("bindingId", bid, 0, 0xFFFF);
            }
        }

        @Override
        public int type() {
            return Mip6Layout.FLOW_BID_REFERENCE;
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + 2 * bindingIds.size();
        }
    }

    /**
     * Traffic Selector (RFC 6089 §4.2, sub-option 3): the flow's description, in the format
     * TS Format names, as its octets. The binary formats of RFC 6088 (1, IPv4, §3.1; 2, IPv6,
     * §3.2) are checked when the record is made and read by {@link #binary()}; the octets of any
     * other format are kept as they are.
     *
     * <pre>
     * | Sub-opt Type = 3 | Sub-opt Len | TS Format (8) | Reserved (8) | Traffic Selector ... |
     * </pre>
     *
     * @param format   the TS Format, 0..255 (0 is reserved)
     * @param reserved the Reserved octet, 0..255 (0 when sent)
     * @param selector the traffic selector, 0..245 octets; for TS Format 1 and 2 a binary
     *                 selector ({@link TrafficSelectorDecoder}), its 4-octet flags word first
     */
    record TrafficSelector(int format, int reserved, ByteString selector) implements FlowSubOption {
        /** TS Format 1: IPv4 binary traffic selector (RFC 6088 §3.1). */
        public static final int IPV4_BINARY = Mip6Layout.TS_IPV4;
        /** TS Format 2: IPv6 binary traffic selector (RFC 6088 §3.2). */
        public static final int IPV6_BINARY = Mip6Layout.TS_IPV6;

        /**
         * Checks the components.
         *
         * @param format the TS Format, 0..255
         * @param reserved the Reserved octet, 0..255
         * @param selector the traffic selector, 0..245 octets
         * @throws IllegalArgumentException if a component is out of range, or the selector of
         *     TS Format 1 or 2 is not one {@link TrafficSelectorDecoder} accepts
         * @throws NullPointerException if {@code selector} is null
         */
        public TrafficSelector {
            Check.inRange("format", format, 0, 0xFF);
            Check.inRange("reserved", reserved, 0, 0xFF);
            Objects.requireNonNull(selector, "selector");
            Check.inRange("selector.length()", selector.length(), 0, MAX_DATA - Mip6Layout.TS_HEADER_LENGTH);
            if (TrafficSelectorDecoder.isBinary(format)) {
                try {
                    TrafficSelectorDecoder.checked(format, selector.asReadOnlyBuffer(), 0, selector.length());
                } catch (MalformedPacketException e) {
                    throw new IllegalArgumentException("selector: " + e.getMessage(), e);
                }
            }
        }

        /**
         * Returns a Traffic Selector sub-option carrying a binary selector, Reserved 0.
         *
         * @param selector the selector
         * @return the sub-option, TS Format 1 for IPv4, 2 for IPv6
         * @throws NullPointerException if {@code selector} is null
         */
        public static TrafficSelector of(BinaryTrafficSelector selector) {
            return new TrafficSelector(selector.format(), 0, TrafficSelectorEncoder.toBytes(selector));
        }

        /**
         * Returns the binary selector of TS Format 1 or 2, decoded from the octets (a new
         * object each call: keep it to match many packets).
         *
         * @return the {@link Ipv4TrafficSelector} or {@link Ipv6TrafficSelector}, or empty for
         *     another TS Format
         */
        public Optional<BinaryTrafficSelector> binary() {
            if (!TrafficSelectorDecoder.isBinary(format)) {
                return Optional.empty();
            }
            return Optional.of(TrafficSelectorDecoder.decode(format, selector.asReadOnlyBuffer(), 0, selector.length()));
        }

        @Override
        public int type() {
            return Mip6Layout.FLOW_TRAFFIC_SELECTOR;
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + Mip6Layout.TS_HEADER_LENGTH + selector.length();
        }
    }

    /**
     * A sub-option of a type without a record here, with its data as it is.
     *
     * @param type the Sub-option Type, 4..255
     * @param data the Sub-option Data, 0..247 octets
     */
    record Unknown(int type, ByteString data) implements FlowSubOption {
        /**
         * Checks the components.
         *
         * @param type the Sub-option Type, 4..255
         * @param data the Sub-option Data, 0..247 octets
         * @throws IllegalArgumentException if {@code type} has a record or is out of range, or
         *     {@code data} is too long
         * @throws NullPointerException if {@code data} is null
         */
        public Unknown {
            Check.inRange("type", type, Mip6Layout.FLOW_TRAFFIC_SELECTOR + 1, 0xFF);
            Objects.requireNonNull(data, "data");
            Check.inRange("data.length()", data.length(), 0, MAX_DATA);
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + data.length();
        }
    }

    /**
     * The most data a sub-option carries: a Flow Identification holds at most 255 octets, 6 of
     * them before its sub-options, and the sub-option's Type and Length take 2.
     */
    int MAX_DATA = Mip6Layout.MAX_OPTION_DATA - Mip6Layout.FLOW_FIXED_LENGTH - Mip6Layout.OPTION_HEADER_LENGTH;
}
