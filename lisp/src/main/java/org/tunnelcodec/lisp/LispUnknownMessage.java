package org.tunnelcodec.lisp;

import org.tunnelcodec.core.internal.Check;

/**
 * A control message of a type this module does not decode (0, 9-15): its first 32-bit word,
 * kept as it is; the decoder leaves the rest in the payload, so nothing is lost.
 *
 * @param firstWord the first four octets, the type in the top four bits
 */
public record LispUnknownMessage(int firstWord) implements LispMessage {
    /**
     * Checks the components.
     *
     * @param firstWord the first four octets, the type in the top four bits
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public LispUnknownMessage {
        int t = firstWord >>> 28;
        Check.argument(!LispMessageDecoder.isDecoded(t), "type", t, "a type without a record of its own");
    }

    @Override
    public int type() {
        return firstWord >>> 28;
    }

    @Override
    public int encodedLength() {
        return 4;
    }
}
