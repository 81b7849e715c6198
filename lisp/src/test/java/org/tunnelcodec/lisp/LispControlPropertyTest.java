package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/**
 * The shared codec contract for LISP control messages: every message type (Map-Request with
 * and without its Map-Reply record, Map-Reply, Map-Register and Map-Notify with and without the
 * xTR-ID trailer, Map-Notify-Ack, Map-Referral, Info-Request and Info-Reply (AFI 0, any address or a NAT-Traversal
 * LCAF after the EID-prefix), ECM over IPv4 and IPv6, unknown types), records
 * with every LCAF type one level deep (deeper nesting is LispAddressPropertyTest's), and runs of 20
 * to 60 records (the vector tests pin 200 and 255).
 * The payload is what the message's
 * fields leave: the rest of the bytes.
 */
class LispControlPropertyTest extends CodecContract<LispMessage> {
    /** An ECM's inner IPv4 Header Checksum is derived: the encoder computes it. */
    static final Codec<LispMessage> CONTROL = Codec.<LispMessage>of(LispMessageDecoder::decode,
            LispMessageEncoder::encodedLength, LispMessageEncoder::encode, null).withCanonicalizer(LispControlPropertyTest::canonicalize);

    LispControlPropertyTest() {
        super(CONTROL, LispControlArbitraries.messages());
    }

    static void canonicalize(ByteBuffer b) {
        int p = b.position();
        if ((b.get(p) & 0xF0) == 0x80 && (b.get(p + 4) & 0xF0) == 0x40) {
            int ihl = (b.get(p + 4) & 0x0F) * 4;
            b.putShort(p + 14, (short) 0);
            b.putShort(p + 14, (short) InternetChecksum.checksum(b, p + 4, ihl, 0));
        }
    }
}
