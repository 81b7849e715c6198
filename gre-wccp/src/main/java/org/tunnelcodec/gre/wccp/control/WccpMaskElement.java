package org.tunnelcodec.gre.wccp.control;

import org.tunnelcodec.core.internal.Check;

/**
 * A Mask Element ([W01] 5.7.7, [R1] 6.15): the bits of the packet's addresses and ports that
 * select a value element; 0 means "don't care".
 *
 * <pre>
 *  +------------------------------------------+
 *  | Source Address Mask (32)                 |
 *  +------------------------------------------+
 *  | Destination Address Mask (32)            |
 *  +---------------------+--------------------+
 *  | Source Port Mask(16)| Dest Port Mask (16)|
 *  +---------------------+--------------------+
 * </pre>
 *
 * <p>The address masks are kept as raw 32-bit values (a mask is not an address; Wireshark
 * prints them in hexadecimal too).
 *
 * @param sourceAddressMask      the Source Address Mask, any 32 bits
 * @param destinationAddressMask the Destination Address Mask, any 32 bits
 * @param sourcePortMask         the Source Port Mask, 0..65535
 * @param destinationPortMask    the Destination Port Mask, 0..65535
 */
public record WccpMaskElement(int sourceAddressMask, int destinationAddressMask, int sourcePortMask,
                              int destinationPortMask) {
    /** The encoded length in octets. */
    public static final int LENGTH = 12;

    /**
     * Checks the components.
     *
     * @param sourceAddressMask the Source Address Mask, any 32 bits
     * @param destinationAddressMask the Destination Address Mask, any 32 bits
     * @param sourcePortMask the Source Port Mask, 0..65535
     * @param destinationPortMask the Destination Port Mask, 0..65535
     */
    public WccpMaskElement {
        Check.inRange("sourcePortMask", sourcePortMask, 0, 0xFFFF);
        Check.inRange("destinationPortMask", destinationPortMask, 0, 0xFFFF);
    }
}
