package org.tunnelcodec.tunneldump;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.CodePoint;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.transport.TcpFlags;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.stt.SttLayers;
import org.tunnelcodec.stt.SttReassembler;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.stt.SttReassembly;
import org.tunnelcodec.stt.SttSegmentHeader;

/**
 * The {@code --json} form: one object per frame,
 * {@code {"frame":N,"time":"...","length":L,"captured":C,"layers":[{"layer":"ipv4","offset":14,
 * "length":20,"payloadLength":40,"fields":{...},"checksum":"good"}],"stop":"COMPLETE",...}}.
 *
 * <p>{@code fields} holds the header record's components by name. The record components are
 * read through {@link Class#getRecordComponents()}: this tool renders the records of any
 * module's layers without the libraries carrying rendering code, and the library modules
 * themselves use no reflection. Every field has one format: numbers are JSON numbers in
 * decimal (as the text form prints them, except checksums and keys that it prints in
 * hexadecimal), code points {@code {"value":n,"name":"..."}}, addresses text, byte strings
 * hexadecimal, TCP flags {@code "SYN|ACK"}, absent optional fields {@code null}. A layer in a
 * reassembled buffer has {@code "buffer":1}; {@code "next"} is an array of keys.
 */
final class Json {
    private Json() {
    }

    static void frame(StringBuilder sb, CapturedFrame frame, Dissection d, Checksums.Verdict[] checksums,
                      SttLayers.Reassembly reassembly, Tunnels tunnels) {
        sb.append("{\"frame\":").append(frame.number()).append(",\"time\":\"").append(TunnelDump.time(frame.timestamp()))
                .append("\",\"length\":").append(frame.originalLength())
                .append(",\"captured\":").append(frame.capturedLength()).append(",\"layers\":[");
        List<DissectedLayer> layers = d.layers();
        for (int i = 0; i < layers.size(); i++) {
            DissectedLayer l = layers.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"layer\":");
            string(sb, l.name());
            sb.append(",\"offset\":").append(l.offset()).append(",\"length\":").append(l.length())
                    .append(",\"payloadLength\":").append(l.payloadLength()).append(",\"fields\":");
            value(sb, l.header());
            if (l.buffer() != 0) {
                sb.append(",\"buffer\":").append(l.buffer());
            }
            if (checksums[i] != null) {
                sb.append(",\"checksum\":\"").append(checksums[i].label()).append('"');
            }
            if (l.name().equals(SttSegmentHeader.PROTOCOL) && reassembly != null) {
                sb.append(",\"reassembly\":");
                reassembly(sb, reassembly);
            }
            sb.append('}');
        }
        sb.append("],\"stop\":");
        string(sb, d.stopReason().name());
        sb.append(",\"remaining\":").append(d.remaining());
        if (!d.nextKeys().isEmpty()) {
            sb.append(",\"next\":[");
            for (int i = 0; i < d.nextKeys().size(); i++) {
                LayerKey k = d.nextKeys().get(i);
                sb.append(i > 0 ? "," : "").append("{\"space\":");
                string(sb, k.space().name());
                sb.append(",\"value\":").append(k.value()).append('}');
            }
            sb.append(']');
        }
        if (d.stopReason() == Dissection.StopReason.CAPTURE_CUT) {
            sb.append(",\"cutAt\":{\"layer\":");
            string(sb, d.failedLayer());
            sb.append(",\"offset\":").append(d.stopOffset()).append('}');
        }
        sb.append(",\"error\":");
        MalformedPacketException e = d.error();
        if (e == null) {
            sb.append("null");
        } else {
            sb.append("{\"layer\":");
            string(sb, d.failedLayer());
            sb.append(",\"protocol\":");
            string(sb, e.protocol());
            sb.append(",\"field\":");
            string(sb, e.field());
            sb.append(",\"offset\":").append(e.offset()).append(",\"reason\":");
            string(sb, e.reason().name());
            if (e.reason() == MalformedPacketException.Reason.TRUNCATED) {
                sb.append(",\"required\":").append(e.required()).append(",\"available\":").append(e.available());
            }
            if (d.limitedBy() != null) {
                sb.append(",\"boundedBy\":");
                string(sb, d.limitedBy());
            }
            sb.append(",\"message\":");
            string(sb, e.getMessage());
            sb.append('}');
        }
        if (tunnels.count() > 0) {
            sb.append(",\"tunnels\":[");
            for (int i = 0; i < tunnels.count(); i++) {
                sb.append(i > 0 ? "," : "");
                Tunnels.json(sb, tunnels.level(i));
            }
            sb.append(']');
        }
        sb.append('}');
    }

    private static void reassembly(StringBuilder sb, SttLayers.Reassembly r) {
        SttReassembler.Verdict v = r.lastVerdict();
        if (v == SttReassembler.Verdict.COMPLETE) {
            SttReassembly c = r.lastFrame();
            sb.append("{\"result\":\"complete\",\"segments\":").append(c.segments()).append(",\"frameLength\":")
                    .append(c.frameLength()).append(",\"congestionExperienced\":").append(c.congestionExperienced())
                    .append('}');
        } else if (v.rejected()) {
            sb.append("{\"result\":\"rejected\",\"reason\":");
            string(sb, v.name());
            sb.append('}');
        } else {
            sb.append(v == SttReassembler.Verdict.DUPLICATE ? "{\"result\":\"duplicate\"}" : "{\"result\":\"incomplete\"}");
        }
    }

    static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte) {
            sb.append(v);
        } else if (v instanceof CodePoint c) {
            sb.append("{\"value\":").append(c.value()).append(",\"name\":");
            string(sb, c.knownName());
            sb.append('}');
        } else if (v instanceof Ipv4Address || v instanceof Ipv6Address || v instanceof MacAddress
                || v instanceof TcpFlags || v instanceof Enum<?>) {
            string(sb, v.toString());
        } else if (v instanceof ByteString b) {
            string(sb, b.toHex());
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(sb, list.get(i));
            }
            sb.append(']');
        } else if (v instanceof Record r) {
            record(sb, r);
        } else {
            string(sb, v.toString());
        }
    }

    private static void record(StringBuilder sb, Record r) {
        sb.append('{');
        boolean first = true;
        if (r.getClass().isMemberClass() && r.getClass().getEnclosingClass().isSealed()) {
            sb.append("\"kind\":");
            string(sb, r.getClass().getSimpleName());
            first = false;
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, c.getName());
            sb.append(':');
            try {
                Object v = c.getAccessor().invoke(r);
                // GRE's optional 32-bit fields hold GreHeader.ABSENT when not on the wire.
                value(sb, r instanceof GreHeader && v instanceof Long l && l == GreHeader.ABSENT ? null : v);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
            }
        }
        sb.append('}');
    }

    static void string(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
