package org.tunnelcodec.core.transport;

/** What a transport checksum check found. */
public enum ChecksumStatus {
    /** The checksum field verifies. */
    VALID,
    /** The checksum field does not verify. */
    INVALID,
    /**
     * The UDP checksum field is zero: no checksum was computed (RFC 768). Acceptable over
     * IPv4; over IPv6 only where zero checksums are allowed for a tunnel (RFC 6935, RFC 6936).
     */
    ZERO
}
