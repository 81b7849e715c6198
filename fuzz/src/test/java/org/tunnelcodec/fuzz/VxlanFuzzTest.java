package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.vxlan.GeneveDecoder;
import org.tunnelcodec.vxlan.GeneveHeader;
import org.tunnelcodec.vxlan.GeneveOption;
import org.tunnelcodec.vxlan.GeneveView;
import org.tunnelcodec.vxlan.VxlanDecoder;
import org.tunnelcodec.vxlan.VxlanGpeDecoder;
import org.tunnelcodec.vxlan.VxlanGpeHeader;
import org.tunnelcodec.vxlan.VxlanHeader;
import org.tunnelcodec.vxlan.VxlanPolicy;
import org.tunnelcodec.vxlan.VxlanView;

/**
 * Fuzz tests of the VXLAN/Geneve module: the VXLAN, VXLAN-GPE and Geneve decoders with their
 * allocation-free checks and their peeks, {@link VxlanView} and {@link GeneveView}, and the
 * VXLAN receive policies. Each input is the bytes of one header and what follows it.
 */
class VxlanFuzzTest {
    /** One view of each kind for every input, reused as a data path reuses it. */
    private static final VxlanView VXLAN_VIEW = new VxlanView();
    private static final GeneveView GENEVE_VIEW = new GeneveView();

    /** The decoder, its check, and the Flags, Group Policy ID and VNI peeks. */
    @FuzzTest
    void vxlan(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.VXLAN, Decoders.VXLAN_AT);
        Object checked = Scans.agree(data, decoded, Decoders.VXLAN_CHECKED);
        if (decoded instanceof Accepted a) {
            check(checked.equals(lengths(a)) && a.headerLength() == VxlanHeader.LENGTH
                    && a.payloadLength() == data.length - VxlanHeader.LENGTH, "VxlanDecoder.checked disagrees with"
                    + " decode", data, checked + " vs " + a);
        }
        VxlanHeader h = decoded instanceof Accepted a ? (VxlanHeader) a.header() : null;
        Peeks.peek(data, decoded, "VxlanDecoder.flags", 2, src -> VxlanDecoder.flags(src, src.position()),
                d -> Peeks.be(d, 0, 2), h == null ? null : (long) h.flags());
        Peeks.peek(data, decoded, "VxlanDecoder.groupPolicyId", 4, src -> VxlanDecoder.groupPolicyId(src, src.position()),
                d -> Peeks.be(d, 2, 2), h == null ? null : (long) h.groupPolicyId());
        Peeks.peek(data, decoded, "VxlanDecoder.vni", 8, src -> VxlanDecoder.vni(src, src.position()),
                d -> Peeks.be(d, 4, 3), h == null ? null : (long) h.vni());
    }

    /** The decoder, its check, and the flags, Next Protocol and VNI peeks (which do not look at Ver). */
    @FuzzTest
    void vxlanGpe(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.VXLAN_GPE, Decoders.VXLAN_GPE_AT);
        Object checked = Scans.agree(data, decoded, Decoders.VXLAN_GPE_CHECKED);
        if (decoded instanceof Accepted a) {
            check(checked.equals(lengths(a)) && a.headerLength() == VxlanGpeHeader.LENGTH
                    && a.payloadLength() == data.length - VxlanGpeHeader.LENGTH, "VxlanGpeDecoder.checked disagrees"
                    + " with decode", data, checked + " vs " + a);
            check((data[0] & 0x30) == 0, "VxlanGpeDecoder accepted a Ver other than 0", data, a.toString());
        }
        VxlanGpeHeader h = decoded instanceof Accepted a ? (VxlanGpeHeader) a.header() : null;
        Peeks.peek(data, decoded, "VxlanGpeDecoder.flags", 1, src -> VxlanGpeDecoder.flags(src, src.position()),
                d -> Peeks.be(d, 0, 1), h == null ? null : (long) h.flags());
        Peeks.peek(data, decoded, "VxlanGpeDecoder.nextProtocol", 4, src -> VxlanGpeDecoder.nextProtocol(src,
                src.position()), d -> Peeks.be(d, 3, 1), h == null ? null : (long) h.nextProtocol().value());
        Peeks.peek(data, decoded, "VxlanGpeDecoder.vni", 8, src -> VxlanGpeDecoder.vni(src, src.position()),
                d -> Peeks.be(d, 4, 3), h == null ? null : (long) h.vni());
    }

    /** The decoder, its check, and the Ver, Opt Len, Protocol Type and VNI peeks (which do not look at the options). */
    @FuzzTest
    void geneve(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.GENEVE, Decoders.GENEVE_AT);
        Object checked = Scans.agree(data, decoded, Decoders.GENEVE_CHECKED);
        GeneveHeader h = decoded instanceof Accepted a ? (GeneveHeader) a.header() : null;
        if (decoded instanceof Accepted a) {
            check(checked.equals(lengths(a)) && a.headerLength() == h.headerLength()
                    && a.headerLength() == GeneveHeader.MIN_LENGTH + 4 * (data[0] & 0x3F)
                    && a.payloadLength() == data.length - a.headerLength(), "GeneveDecoder.checked disagrees with"
                    + " decode", data, checked + " vs " + a);
        }
        Peeks.peek(data, decoded, "GeneveDecoder.version", 1, src -> GeneveDecoder.version(src, src.position()),
                d -> Peeks.be(d, 0, 1) >>> 6, h == null ? null : (long) GeneveHeader.VERSION);
        Peeks.peek(data, decoded, "GeneveDecoder.optionsLength", 1, src -> GeneveDecoder.optionsLength(src, src.position()),
                d -> 4 * (Peeks.be(d, 0, 1) & 0x3F), h == null ? null : (long) h.optionsLength());
        Peeks.peek(data, decoded, "GeneveDecoder.protocolType", 4, src -> GeneveDecoder.protocolType(src, src.position()),
                d -> Peeks.be(d, 2, 2), h == null ? null : (long) h.protocolType().value());
        Peeks.peek(data, decoded, "GeneveDecoder.vni", 8, src -> GeneveDecoder.vni(src, src.position()),
                d -> Peeks.be(d, 4, 3), h == null ? null : (long) h.vni());
    }

    /** A check's result for an accepted header: header length in the upper 32 bits, payload length in the lower. */
    private static long lengths(Accepted a) {
        return (long) a.headerLength() << 32 | a.payloadLength();
    }

    /** The view agrees with the decoder, field for field, and is left unwrapped by a failed wrap. */
    @FuzzTest
    void vxlanView(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(Decoders.VXLAN_AT.decode(src, src.position(),
                src.limit()), src.position()));
        Object wrapped = Contract.outcome(data, src -> wrapped(data, VXLAN_VIEW::isWrapped,
                () -> vxlanView(data, VXLAN_VIEW.wrap(src, src.position(), src.limit()), src)));
        Object wrappedAtPosition = Contract.outcome(data, src -> wrapped(data, VXLAN_VIEW::isWrapped,
                () -> vxlanView(data, VXLAN_VIEW.wrap(src), src)));
        check(wrapped.equals(wrappedAtPosition), "VxlanView.wrap(src) disagrees with wrap(src, index, limit)", data,
                wrapped + " vs " + wrappedAtPosition);
        check(wrapped.equals(decoded), "VxlanView disagrees with VxlanDecoder", data, wrapped + " vs " + decoded);
    }

    /** Every accessor of the view agrees with {@code toHeader}; the outcome compares that header with decode's. */
    private static Accepted vxlanView(byte[] data, VxlanView v, ByteBuffer src) {
        int start = src.position();
        check(v == VXLAN_VIEW && v.isWrapped(), "wrap returned another view, or left it unwrapped", data, "");
        VxlanHeader h = v.toHeader();
        boolean agree = v.flags() == h.flags() && v.groupPolicyId() == h.groupPolicyId() && v.vni() == h.vni()
                && v.reservedOctet() == h.reservedOctet() && v.vniValid() == h.vniValid()
                && v.groupPolicy() == h.groupPolicy() && v.dontLearn() == h.dontLearn()
                && v.policyApplied() == h.policyApplied() && v.reservedFlags() == h.reservedFlags()
                && v.source() == src && v.index() == start && v.headerLength() == VxlanHeader.LENGTH
                && v.payloadIndex() == start + VxlanHeader.LENGTH && v.payloadIndex() + v.payloadLength() == src.limit();
        check(agree, "VxlanView accessors disagree with toHeader", data, v + " vs " + h);
        return new Accepted(h, v.headerLength(), v.payloadIndex() - start, v.payloadLength());
    }

    /**
     * The view agrees with the decoder, field for field and option for option (through the
     * view's option accessors and its own reads of the option data), and is left unwrapped by a
     * failed wrap.
     */
    @FuzzTest
    void geneveView(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(Decoders.GENEVE_AT.decode(src, src.position(),
                src.limit()), src.position()));
        Object wrapped = Contract.outcome(data, src -> wrapped(data, GENEVE_VIEW::isWrapped,
                () -> geneveView(data, GENEVE_VIEW.wrap(src, src.position(), src.limit()), src)));
        Object wrappedAtPosition = Contract.outcome(data, src -> wrapped(data, GENEVE_VIEW::isWrapped,
                () -> geneveView(data, GENEVE_VIEW.wrap(src), src)));
        check(wrapped.equals(wrappedAtPosition), "GeneveView.wrap(src) disagrees with wrap(src, index, limit)", data,
                wrapped + " vs " + wrappedAtPosition);
        check(wrapped.equals(decoded), "GeneveView disagrees with GeneveDecoder", data, wrapped + " vs " + decoded);
    }

    /**
     * Every accessor of the view agrees with the decoder's header for the same range (which
     * {@code toHeader} must equal), option accessors included; the outcome compares that header
     * with decode's.
     */
    private static Accepted geneveView(byte[] data, GeneveView v, ByteBuffer src) {
        int start = src.position();
        check(v == GENEVE_VIEW && v.isWrapped(), "wrap returned another view, or left it unwrapped", data, "");
        GeneveHeader h = GeneveDecoder.decode(src, start, src.limit()).header();
        check(v.toHeader().equals(h), "GeneveView.toHeader disagrees with GeneveDecoder", data, v + " vs " + h);
        boolean agree = v.optionsLength() == h.optionsLength() && v.controlPacket() == h.controlPacket()
                && v.criticalOptionsPresent() == h.criticalOptionsPresent() && v.reservedFlags() == h.reservedFlags()
                && v.protocolType() == h.protocolType().value() && v.vni() == h.vni()
                && v.reservedOctet() == h.reservedOctet() && v.optionCount() == h.options().size()
                && v.hasCriticalOption() == h.hasCriticalOption() && v.source() == src && v.index() == start
                && v.headerLength() == h.headerLength() && v.payloadIndex() == start + h.headerLength()
                && v.payloadIndex() + v.payloadLength() == src.limit();
        check(agree, "GeneveView accessors disagree with GeneveDecoder", data, v + " vs " + h);
        List<GeneveOption> options = h.options();
        int next = start + GeneveHeader.MIN_LENGTH;
        for (int i = 0; i < options.size(); i++) {
            GeneveOption o = options.get(i);
            int dataIndex = v.optionDataIndex(i);
            int length = v.optionDataLength(i);
            boolean optionAgrees = v.optionClass(i) == o.optionClass() && v.optionType(i) == o.type()
                    && v.optionCritical(i) == o.critical() && v.optionReserved(i) == o.reserved()
                    && dataIndex == next + 4 && length == o.data().length()
                    && ByteString.copyOf(src, dataIndex, length).equals(o.data())
                    && v.findOption(o.optionClass(), o.type()) == firstOption(options, o.optionClass(), o.type());
            check(optionAgrees, "GeneveView disagrees with GeneveDecoder on option " + i, data, v + " vs " + o);
            next = dataIndex + length;
        }
        check(next == v.payloadIndex(), "the view's options do not end where the header does", data, v.toString());
        // A query that may or may not name an option: the first match, or -1.
        int queryClass = v.protocolType();
        int queryType = v.reservedOctet();
        check(v.findOption(queryClass, queryType) == firstOption(options, queryClass, queryType),
                "GeneveView.findOption disagrees with the options", data, v.toString());
        for (int outside : new int[] {-1, options.size()}) {
            try {
                v.optionClass(outside);
                check(false, "GeneveView.optionClass accepts an index outside the options", data, "" + outside);
            } catch (IndexOutOfBoundsException expected) {
                // the caller's mistake
            }
        }
        return new Accepted(h, v.headerLength(), v.payloadIndex() - start, v.payloadLength());
    }

    private static int firstOption(List<GeneveOption> options, int optionClass, int type) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).optionClass() == optionClass && options.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }

    /** What a wrap shows, as the decoder's outcome; a failed wrap must leave the view unwrapped. */
    private static Accepted wrapped(byte[] data, Supplier<Boolean> isWrapped, Supplier<Accepted> wrap) {
        try {
            return wrap.get();
        } catch (MalformedPacketException e) {
            check(!isWrapped.get(), "a failed wrap leaves the view wrapped", data, "");
            throw e;
        }
    }

    /**
     * The receive policies never throw for a header that decodes (but {@link VxlanPolicy#check},
     * which throws exactly when {@code accepts} is false), answer alike for the {@link VxlanHeader}
     * and the {@link VxlanView} of the same bytes, and answer what their rule says: RFC 7348
     * wants I; Linux exactly I and every other bit 0; Linux with the Group Policy extension I,
     * no reserved flag (0x7700) and the Reserved octet 0.
     */
    @FuzzTest
    void vxlanPolicy(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(VxlanDecoder.decode(src), src.position()));
        if (!(decoded instanceof Accepted a)) {
            return;
        }
        VxlanHeader h = (VxlanHeader) a.header();
        Object answers = Contract.outcome(data, src -> {
            List<Object> out = new ArrayList<>();
            VxlanView v = VXLAN_VIEW.wrap(src);
            for (VxlanPolicy p : VxlanPolicy.values()) {
                boolean accepts = p.accepts(h);
                check(p.accepts(v) == accepts, p + " answers otherwise for the view than for the header", data,
                        h.toString());
                check(accepts == rule(p, h), p + " answers otherwise than its rule", data, h + ": " + accepts);
                String refusal = null;
                try {
                    p.check(h);
                } catch (MalformedPacketException e) {
                    refusal = e.getMessage();
                }
                check((refusal == null) == accepts, p + ".check disagrees with accepts", data, h + ": " + refusal);
                out.add(refusal == null ? Boolean.TRUE : refusal);
            }
            return out;
        });
        check(answers instanceof List, "a policy threw for a header that decodes", data, answers.toString());
    }

    private static boolean rule(VxlanPolicy p, VxlanHeader h) {
        boolean i = (h.flags() & VxlanHeader.FLAG_I) != 0;
        return switch (p) {
            case RFC_7348 -> i;
            case LINUX -> h.flags() == VxlanHeader.FLAG_I && h.groupPolicyId() == 0 && h.reservedOctet() == 0;
            case LINUX_GBP -> i && (h.flags() & 0x7700) == 0 && h.reservedOctet() == 0;
        };
    }

    /** {@code octets} octets from {@code at}, big-endian. */
}
