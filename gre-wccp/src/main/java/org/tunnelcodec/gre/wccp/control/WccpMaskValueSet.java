package org.tunnelcodec.gre.wccp.control;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * A Mask/Value Set Element ([W01] 5.7.6, [R1] 6.14): one mask and the value elements that
 * share it. A Mask/Value Set List ([R1] 6.13) is a 32-bit count followed by these elements;
 * this library holds such a list as a {@code List<WccpMaskValueSet>}.
 *
 * <pre>
 *  +------------------------------------------+
 *  | Mask Element (12 octets)                 |
 *  +------------------------------------------+
 *  | Number of Value Elements (32)            |
 *  +------------------------------------------+
 *  | Value Element 0..n-1 (16 octets each)    |
 *  +------------------------------------------+
 * </pre>
 *
 * @param mask   the Mask Element
 * @param values the Value Elements, at most {@value #MAX_VALUES}
 */
public record WccpMaskValueSet(WccpMaskElement mask, List<WccpValueElement> values) {
    /**
     * The cap on value elements per set: 256, every value of a mask with up to 8 set bits
     * (Squid uses a 6-bit mask, 64 values); more is {@code LIMIT_EXCEEDED} when decoding.
     */
    public static final int MAX_VALUES = 256;

    /**
     * Checks the components and copies the list.
     *
     * @param mask the Mask Element
     * @param values the Value Elements, at most {@value #MAX_VALUES}
     */
    public WccpMaskValueSet {
        Objects.requireNonNull(mask, "mask");
        values = List.copyOf(values);
        Check.inRange("values.size()", values.size(), 0, MAX_VALUES);
    }

    /**
     * Returns the encoded length in octets: 16 + 16 per value element.
     *
     * @return the encoded length in octets: 16 + 16 per value element
     */
    public int encodedLength() {
        return WccpMaskElement.LENGTH + 4 + WccpValueElement.LENGTH * values.size();
    }
}
