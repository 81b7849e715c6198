package org.tunnelcodec.lisp;

/**
 * A LISP control message (RFC 9301 §5): the type in the top four bits of the first octet
 * (read unsigned: type 8, the ECM, has the octet's sign bit set), then the type's layout.
 * {@link LispMessageDecoder} decodes one; {@link LispMessageEncoder} encodes one.
 */
public sealed interface LispMessage permits MapRequest, MapReply, MapRegister, MapNotify, MapNotifyAck,
        MapReferral, InfoMessage, EncapsulatedControlMessage, LispUnknownMessage {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    String PROTOCOL = LispControlLayout.PROTOCOL;

    /** The control-plane UDP port, 4342 (RFC 9301 §5.1). */
    int UDP_PORT = LispControlLayout.UDP_PORT;

    /**
     * Returns the message type (IANA "LISP Packet Types").
     *
     * @return the type, 0..15
     */
    int type();

    /**
     * Returns the message's length on the wire.
     *
     * @return the encoded length
     */
    int encodedLength();
}
