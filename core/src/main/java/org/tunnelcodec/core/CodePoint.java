package org.tunnelcodec.core;

/**
 * An open code point: a protocol number, type or option code that may hold any value of
 * its field, with names for the values the project knows. An unknown value is just a value;
 * decoders never reject it for being unknown.
 */
public interface CodePoint {
    /**
     * Returns the value as it is on the wire.
     *
     * @return the value as it is on the wire
     */
    int value();

    /**
     * Returns whether the value has a name in this library.
     *
     * @return whether the value has a name in this library
     */
    boolean isKnown();

    /**
     * Returns the name of a known value, for example {@code "IPV4"}, or {@code null}.
     *
     * @return the name of a known value, for example {@code "IPV4"}, or {@code null}
     */
    String knownName();
}
