package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.gre.GreDecoder;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.GreView;
import org.tunnelcodec.gre.wccp.WccpDecapsulation;
import org.tunnelcodec.gre.wccp.WccpDecapsulator;
import org.tunnelcodec.gre.wccp.control.WccpMessageDecoder;
import org.tunnelcodec.gre.wccp.WccpRedirectHeader;
import org.tunnelcodec.gre.wccp.WccpRouter;
import org.tunnelcodec.gre.wccp.WccpVersion;

/**
 * Fuzz tests of the GRE/WCCP module: the decoders, {@link GreView}, the GRE peeks and
 * {@link WccpDecapsulator}. Each input is the bytes of one header and what follows it (for the
 * decapsulator, an outer IP packet).
 */
class GreFuzzTest {
    /** One view for every input, reused as a data path reuses it. */
    private static final GreView VIEW = new GreView();

    /** The routers of the spec vectors and the generated captures, one per configured version. */
    private static final WccpDecapsulator DECAPSULATOR = new WccpDecapsulator(List.of(
            router("c00002fe", WccpVersion.V2), router("c0000201", WccpVersion.V1),
            router("c6336401", WccpVersion.AUTO), router("20010db8000000000000000000000001", WccpVersion.V2),
            router("20010db8000000000000000000000002", WccpVersion.AUTO)));
    private static final WccpDecapsulation DECAPSULATION = new WccpDecapsulation();

    @FuzzTest
    void gre(byte[] data) {
        Contract.decoder(data, Decoders.GRE, Decoders.GRE_AT);
    }

    /** The view agrees with the decoder, field for field, and is left empty by a failed wrap. */
    @FuzzTest
    void greView(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(Decoders.GRE_AT.decode(src, src.position(),
                src.limit()), src.position()));
        Object wrapped = Contract.outcome(data, src -> {
            try {
                return view(VIEW.wrap(src, src.position(), src.limit()), src.position());
            } catch (org.tunnelcodec.core.MalformedPacketException e) {
                check(!VIEW.isWrapped(), "a failed wrap leaves the view wrapped", data, "");
                throw e;
            }
        });
        Object wrappedAtPosition = Contract.outcome(data, src -> view(VIEW.wrap(src), src.position()));
        check(wrapped.equals(wrappedAtPosition), "GreView.wrap(src) disagrees with wrap(src, index, limit)", data,
                wrapped + " vs " + wrappedAtPosition);
        if (decoded instanceof Accepted a) {
            check(wrapped.equals(a), "GreView disagrees with GreDecoder", data, wrapped + " vs " + a);
        } else {
            check(wrapped.equals(decoded), "GreView refuses otherwise than GreDecoder", data, wrapped + " vs " + decoded);
        }
    }

    /** What the view shows, as the decoder's outcome; every accessor must agree with {@code toHeader}. */
    private static Accepted view(GreView v, int start) {
        GreHeader h = v.toHeader();
        boolean fieldsAgree = v.version() == h.version() && v.checksumPresent() == h.checksumPresent()
                && v.routingPresent() == h.routingPresent() && v.protocolType() == h.protocolType().value()
                && v.key() == h.key() && v.sequenceNumber() == h.sequenceNumber()
                && v.acknowledgmentNumber() == h.acknowledgmentNumber() && v.flagsAndVersion() == h.flagsAndVersion()
                && (!h.checksumPresent() && !h.routingPresent() || v.checksum() == h.checksum() && v.offset() == h.offset())
                && v.index() == start && v.payloadIndex() == start + v.headerLength();
        if (!fieldsAgree) {
            throw new AssertionError("GreView accessors disagree with toHeader: " + v + " vs " + h);
        }
        return new Accepted(h, v.headerLength(), v.payloadIndex() - start, v.payloadLength());
    }

    /**
     * The static peeks throw nothing but the decoder's exception, agree with the decoder on what
     * it accepts, and refuse nothing it accepts. A peek reads only its own field, so it may
     * answer for a header whose decode fails later (a payload shorter than PPTP's Payload
     * Length, say).
     */
    @FuzzTest
    void grePeeks(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(GreDecoder.decode(src), src.position()));
        List<Object> peeks = List.of(Contract.outcome(data, src -> GreDecoder.version(src, src.position())),
                Contract.outcome(data, src -> GreDecoder.protocolType(src, src.position())),
                Contract.outcome(data, src -> GreDecoder.headerLength(src, src.position())),
                Contract.outcome(data, src -> GreDecoder.key(src, src.position())),
                Contract.outcome(data, src -> GreDecoder.sequenceNumber(src, src.position())));
        if (decoded instanceof Accepted a) {
            GreHeader h = (GreHeader) a.header();
            check(peeks.equals(List.of(h.version(), h.protocolType().value(), a.headerLength(), h.key(),
                    h.sequenceNumber())), "GreDecoder peeks disagree with decode", data, peeks + " vs " + h);
        }
    }

    @FuzzTest
    void ppp(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.PPP, Decoders.PPP_AT);
        Object scan = Scans.agree(data, decoded, Decoders.PPP_SCAN);
        if (decoded instanceof Accepted a) {
            check(((Integer) scan) >>> 24 == a.headerLength(), "PPP scan disagrees with decode", data, scan.toString());
        }
    }

    @FuzzTest
    void wccpRedirect(byte[] data) {
        Contract.decoder(data, Decoders.WCCP_REDIRECT, Decoders.WCCP_REDIRECT_AT);
    }

    @FuzzTest
    void wccpMessage(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.WCCP_MESSAGE, Decoders.WCCP_MESSAGE_AT);
        Object checked = Contract.outcome(data, src -> WccpMessageDecoder.checkedLength(src, src.position()));
        if (decoded instanceof Accepted a) {
            check(checked.equals(a.headerLength()), "WccpMessageDecoder.checkedLength disagrees with decode", data,
                    checked.toString());
            Object length = Contract.outcome(data, src -> WccpMessageDecoder.length(src, src.position()));
            check(length.equals(a.headerLength() - 8), "WccpMessageDecoder.length disagrees with decode", data,
                    length.toString());
        }
    }

    @FuzzTest
    void wccpV1Message(byte[] data) {
        Contract.decoder(data, Decoders.WCCP_V1_MESSAGE, Decoders.WCCP_V1_MESSAGE_AT);
    }

    /** What one decapsulation gave, relative to the packet's start. */
    record Decapsulated(WccpDecapsulator.Verdict verdict, int innerOffset, int innerLength, WccpRouter router,
                        WccpRedirectHeader redirect, boolean congestion) {
    }

    /**
     * The decapsulator never throws, counts every verdict, leaves the holder alone unless it
     * accepts, and accepts only a whole inner IP packet from a configured router.
     */
    @FuzzTest
    void wccpDecapsulator(byte[] data) {
        Contract.outcome(data, src -> {
            Decapsulated before = snapshot(WccpDecapsulator.Verdict.ACCEPTED, 0);
            int start = src.position();
            long[] counts = counts();
            WccpDecapsulator.Verdict v = DECAPSULATOR.decapsulate(src, start, src.limit(), DECAPSULATION);
            long[] after = counts();
            counts[v.ordinal()]++;
            check(java.util.Arrays.equals(counts, after), "the verdict was not counted once", data, v.toString());
            if (v != WccpDecapsulator.Verdict.ACCEPTED) {
                check(snapshot(WccpDecapsulator.Verdict.ACCEPTED, 0).equals(before),
                        "a refused packet changed the holder", data, v.toString());
                return snapshot(v, start);
            }
            Decapsulated d = snapshot(v, start);
            ByteBuffer inner = DECAPSULATION.packet();
            check(d.innerOffset() >= 0 && DECAPSULATION.innerIndex() + d.innerLength() <= src.limit()
                    && inner.position() == DECAPSULATION.innerIndex() && inner.remaining() == d.innerLength(),
                    "the inner packet is not within the outer one", data, d.toString());
            // The inner check is a framing check: a version nibble of 4 or 6, and the packet's own
            // length field within the GRE payload; the packet ends at that length.
            int i = DECAPSULATION.innerIndex();
            int innerVersion = (src.get(i) & 0xFF) >>> 4;
            int ownLength = innerVersion == 4 ? u16(src, i + 2) : 40 + u16(src, i + 4);
            check((innerVersion == 4 || innerVersion == 6) && ownLength == d.innerLength(),
                    "the inner packet is not an IP packet ending at its own length", data, d.toString());
            byte[] source = IpScan.version(IpScan.ip(src, start, src.limit())) == 4 ? bytes(src, start + 12, 4)
                    : bytes(src, start + 8, 16);
            check(java.util.Arrays.equals(d.router().address().getAddress(), source),
                    "the router is not the outer source", data, d.toString());
            return d;
        });
    }

    private static Decapsulated snapshot(WccpDecapsulator.Verdict v, int start) {
        WccpDecapsulation o = DECAPSULATION;
        return new Decapsulated(v, o.innerIndex() - start, o.innerLength(), o.router(), o.redirectHeader(),
                o.outerCongestionExperienced());
    }

    /** A router from its address in hex (192.0.2.254, 192.0.2.1, 198.51.100.1, 2001:db8::1, 2001:db8::2). */
    private static WccpRouter router(String address, WccpVersion version) {
        try {
            return new WccpRouter(java.net.InetAddress.getByAddress(java.util.HexFormat.of().parseHex(address)), version);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    private static long[] counts() {
        WccpDecapsulator.Verdict[] all = WccpDecapsulator.Verdict.values();
        long[] counts = new long[all.length];
        for (WccpDecapsulator.Verdict v : all) {
            counts[v.ordinal()] = DECAPSULATOR.count(v);
        }
        return counts;
    }

    /** Big-endian whatever the buffer's order. */
    private static int u16(ByteBuffer src, int index) {
        return (src.get(index) & 0xFF) << 8 | src.get(index + 1) & 0xFF;
    }

    private static byte[] bytes(ByteBuffer src, int index, int length) {
        byte[] b = new byte[length];
        src.get(index, b);
        return b;
    }
}
