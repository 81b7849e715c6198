package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.lisp.LispAddress;
import org.tunnelcodec.lisp.LispMessage;
import org.tunnelcodec.lisp.LispMessageDecoder;

/**
 * Fuzz tests of the LISP module's control plane: the control message decoder (every message
 * type, Encapsulated Control Messages with their inner IPv4 or IPv6 and UDP headers, nested
 * LCAF addresses) and the address decoder (every AFI and LCAF type), each with its index-based
 * entry, its allocation-free check and the round trip through its encoder. Each input of
 * {@code lispMessage} is a UDP 4342 payload; each input of {@code lispAddress} is an AFI and
 * what follows it.
 */
class LispControlFuzzTest {
    /** The decoder, its check, and the Type peek. */
    @FuzzTest
    void lispMessage(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.LISP_MESSAGE, Decoders.LISP_MESSAGE_AT);
        Object checked = Scans.agree(data, decoded, Decoders.LISP_MESSAGE_CHECKED);
        if (decoded instanceof Accepted a) {
            check(checked.equals(lengths(a)) && a.payloadOffset() == a.headerLength()
                    && a.payloadLength() == data.length - a.headerLength(), "LispMessageDecoder.checked disagrees"
                    + " with decode", data, checked + " vs " + a);
            int type = ((LispMessage) a.header()).type();
            check(type == (data[0] & 0xFF) >>> 4, "the message's type is not the first four bits", data,
                    type + " vs " + a.header());
        }
        if (data.length > 0) {
            Object peeked = Contract.outcome(data, src -> LispMessageDecoder.type(src, src.position()));
            check(peeked.equals((data[0] & 0xFF) >>> 4), "LispMessageDecoder.type does not read the first four bits",
                    data, String.valueOf(peeked));
        }
    }

    /** The decoder and its check. */
    @FuzzTest
    void lispAddress(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.LISP_ADDRESS, Decoders.LISP_ADDRESS_AT);
        Object checked = Scans.agree(data, decoded, Decoders.LISP_ADDRESS_CHECKED);
        if (decoded instanceof Accepted a) {
            check(checked.equals(lengths(a)) && a.payloadOffset() == a.headerLength()
                    && a.payloadLength() == data.length - a.headerLength(), "LispAddressDecoder.checked disagrees"
                    + " with decode", data, checked + " vs " + a);
            int afi = ((LispAddress) a.header()).afi();
            check(afi == Peeks.be(data, 0, 2), "the address's AFI is not its first two octets", data,
                    afi + " vs " + a.header());
        }
    }

    /** A check's result for an accepted input: its length in the upper 32 bits, the rest in the lower. */
    private static long lengths(Accepted a) {
        return (long) a.headerLength() << 32 | a.payloadLength();
    }
}
