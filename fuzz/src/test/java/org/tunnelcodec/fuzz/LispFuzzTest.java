package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.lisp.LispDecoder;
import org.tunnelcodec.lisp.LispGpeDecoder;
import org.tunnelcodec.lisp.LispGpeHeader;
import org.tunnelcodec.lisp.LispHeader;
import org.tunnelcodec.lisp.LispView;

/**
 * Fuzz tests of the LISP module's data plane: the LISP data header and LISP-GPE decoders with
 * their allocation-free checks and their peeks, and {@link LispView}. Each input is the bytes of
 * one header and what follows it.
 */
class LispFuzzTest {
    /** One view for every input, reused as a data path reuses it. */
    private static final LispView VIEW = new LispView();

    /** The decoder, its check, and the flags, Nonce, Instance ID and Locator-Status-Bits peeks. */
    @FuzzTest
    void lisp(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.LISP, Decoders.LISP_AT);
        Object checked = Scans.agree(data, decoded, Decoders.LISP_CHECKED);
        if (decoded instanceof Accepted a) {
            check(checked.equals(lengths(a)) && a.headerLength() == LispHeader.LENGTH
                    && a.payloadLength() == data.length - LispHeader.LENGTH, "LispDecoder.checked disagrees with decode",
                    data, checked + " vs " + a);
        }
        LispHeader h = decoded instanceof Accepted a ? (LispHeader) a.header() : null;
        boolean iid = data.length > 0 && (data[0] & LispHeader.FLAG_I) != 0;
        Peeks.peek(data, decoded, "LispDecoder.flags", 1, src -> LispDecoder.flags(src, src.position()),
                d -> Peeks.be(d, 0, 1), h == null ? null : (long) h.flags());
        Peeks.peek(data, decoded, "LispDecoder.nonce", 4, src -> LispDecoder.nonce(src, src.position()),
                d -> Peeks.be(d, 1, 3), h == null ? null : (long) h.nonce());
        Peeks.peek(data, decoded, "LispDecoder.instanceId", 8, src -> LispDecoder.instanceId(src, src.position()),
                d -> iid ? Peeks.be(d, 4, 3) : -1, h == null ? null : h.instanceIdPresent() ? (long) h.instanceId() : -1L);
        Peeks.peek(data, decoded, "LispDecoder.locatorStatusBits", 8,
                src -> LispDecoder.locatorStatusBits(src, src.position()), d -> iid ? Peeks.be(d, 7, 1) : Peeks.be(d, 4, 4),
                h == null ? null : h.locatorStatusBits());
    }

    /** The decoder (which refuses P clear), its check, and the Next Protocol peek (which does not look at P). */
    @FuzzTest
    void lispGpe(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.LISP_GPE, Decoders.LISP_GPE_AT);
        Object checked = Scans.agree(data, decoded, Decoders.LISP_GPE_CHECKED);
        if (decoded instanceof Accepted a) {
            check(checked.equals(lengths(a)) && a.headerLength() == LispGpeHeader.LENGTH
                    && a.payloadLength() == data.length - LispGpeHeader.LENGTH, "LispGpeDecoder.checked disagrees with"
                    + " decode", data, checked + " vs " + a);
            check((data[0] & LispGpeHeader.FLAG_P) != 0, "LispGpeDecoder accepted P clear", data, a.toString());
        }
        LispGpeHeader h = decoded instanceof Accepted a ? (LispGpeHeader) a.header() : null;
        Peeks.peek(data, decoded, "LispGpeDecoder.nextProtocol", 4, src -> LispGpeDecoder.nextProtocol(src, src.position()),
                d -> Peeks.be(d, 3, 1), h == null ? null : (long) h.nextProtocol().value());
    }

    /** The view agrees with the decoders, field for field, and is left unwrapped by a failed wrap. */
    @FuzzTest
    void lispView(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(Decoders.LISP_AT.decode(src, src.position(),
                src.limit()), src.position()));
        Object wrapped = Contract.outcome(data, src -> wrapped(data, () -> view(data, VIEW.wrap(src, src.position(),
                src.limit()), src)));
        Object wrappedAtPosition = Contract.outcome(data, src -> wrapped(data, () -> view(data, VIEW.wrap(src), src)));
        check(wrapped.equals(wrappedAtPosition), "LispView.wrap(src) disagrees with wrap(src, index, limit)", data,
                wrapped + " vs " + wrappedAtPosition);
        check(wrapped.equals(decoded), "LispView disagrees with LispDecoder", data, wrapped + " vs " + decoded);
    }

    private static Accepted view(byte[] data, LispView v, ByteBuffer src) {
        int start = src.position();
        check(v == VIEW && v.isWrapped(), "wrap returned another view, or left it unwrapped", data, "");
        LispHeader h = v.toHeader();
        boolean agree = v.flags() == h.flags() && v.nonce() == h.nonce() && v.noncePresent() == h.noncePresent()
                && v.echoNonceRequested() == h.echoNonceRequested() && v.mapVersionPresent() == h.mapVersionPresent()
                && v.sourceMapVersion() == h.sourceMapVersion() && v.destinationMapVersion() == h.destinationMapVersion()
                && v.instanceIdPresent() == h.instanceIdPresent()
                && v.instanceId() == (h.instanceIdPresent() ? h.instanceId() : -1)
                && v.locatorStatusBitsEnabled() == h.locatorStatusBitsEnabled()
                && v.locatorStatusBits() == h.locatorStatusBits() && v.keyId() == h.keyId()
                && v.nextProtocolPresent() == h.nextProtocolPresent() && v.reservedFlags() == h.reservedFlags()
                && v.source() == src && v.index() == start && v.headerLength() == LispHeader.LENGTH
                && v.payloadIndex() == start + LispHeader.LENGTH && v.payloadIndex() + v.payloadLength() == src.limit();
        check(agree, "LispView accessors disagree with toHeader", data, v + " vs " + h);
        if (v.nextProtocolPresent()) {
            LispGpeHeader g = LispGpeDecoder.decode(src, start, src.limit()).header();
            check(v.toGpeHeader().equals(g) && v.gpeNextProtocol() == g.nextProtocol().value(),
                    "LispView disagrees with LispGpeDecoder", data, v + " vs " + g);
        } else {
            check(v.gpeNextProtocol() == -1, "LispView gives a Next Protocol with P clear", data, v.toString());
        }
        return new Accepted(h, v.headerLength(), v.payloadIndex() - start, v.payloadLength());
    }

    /** What a wrap shows, as the decoder's outcome; a failed wrap must leave the view unwrapped. */
    private static Accepted wrapped(byte[] data, java.util.function.Supplier<Accepted> wrap) {
        try {
            return wrap.get();
        } catch (MalformedPacketException e) {
            check(!VIEW.isWrapped(), "a failed wrap leaves the view wrapped", data, "");
            throw e;
        }
    }

    /** A check's result for an accepted header: header length in the upper 32 bits, payload length in the lower. */
    private static long lengths(Accepted a) {
        return (long) a.headerLength() << 32 | a.payloadLength();
    }

}
