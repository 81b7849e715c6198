package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.stt.SttTestSupport.hex;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.transport.TcpDecoder;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;

/**
 * Vectors S1 and S2, the first three frames of testdata's {@code stt-segments.pcap} (see the
 * captures README), each decoded field for field by tshark 4.0.17 (its STT dissector and its
 * TCP checksum check); the expected values are tshark's. Then what draft-davie-stt-08 makes a
 * receiver refuse, with the exceptions' fields.
 */
class SttDecoderTest {
    static final String S1 = "45000068111140004006a57bc0000201c0000202"
            + "d4311d2f00400000000000015018000067 1a0000".replace(" ", "")
            + "000100000000b06400000000000000640000"
            + "020000000b02020000000b010800"
            + "4500002000010000400166da0a0000010a000002080021041234000161626364";
    static final String S2A = "4500008c2220400040069448c0000201c0000202"
            + "c1f01d2f00ac00002a0000015010ffff43a50000"
            + "000e220005a800000000000000abcdef0000"
            + "020000000b02020000000b010800"
            + "4500008c00074000400626630a0000010a000002"
            + "9c400050000003e8000007d0501802001481 0000".replace(" ", "")
            + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b";
    static final String S2B = "450000702221400040069463c0000201c0000202"
            + "c1f01d2f00ac00642a0000015018ffff3c470000"
            + "1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b"
            + "3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f60616263";

    @Test
    void shouldDecodeTheSegmentAndFrameHeadersOfVectorS1() {
        ByteBuffer b = hex(S1);
        Decoded<SttSegmentHeader> seg = SttSegmentDecoder.decode(b, 20, b.limit());
        SttSegmentHeader s = seg.header();
        assertThat(s.sourcePort()).isEqualTo(54321);
        assertThat(s.destinationPort()).isEqualTo(7471);
        assertThat(s.frameLength()).isEqualTo(64);
        assertThat(s.segmentOffset()).isZero();
        assertThat(s.frameIdentifier()).isEqualTo(1);
        assertThat(s.flags().ack()).isTrue();
        assertThat(s.flags().psh()).isTrue();
        assertThat(s.window()).isZero();
        assertThat(s.checksum()).isEqualTo(0x671a);
        assertThat(TcpDecoder.verifyChecksum(b, 20, 84, InternetChecksum.ipv4PseudoHeaderSum(
                Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("192.0.2.2"), 6, 84))).isTrue();
        SttFrameHeader f = SttFrameDecoder.decode(b, 40, b.limit()).header();
        assertThat(f.version()).isZero();
        assertThat(f.flags().checksumVerified()).isTrue();
        assertThat(f.flags().checksumPartial()).isFalse();
        assertThat(f.l4Offset()).isZero();
        assertThat(f.maxSegmentSize()).isZero();
        assertThat(f.priority()).isEqualTo(5);
        assertThat(f.vlanPresent()).isTrue();
        assertThat(f.vlanId()).isEqualTo(100);
        assertThat(f.contextId()).isEqualTo(0x64);
        assertThat(SttFrameDecoder.decode(b, 40, b.limit()).payloadLength()).isEqualTo(46);
    }

    @Test
    void shouldDecodeTheOffloadFlagsOfVectorS2AndCompleteItsPartialChecksum() {
        ByteBuffer a = hex(S2A);
        ByteBuffer b = hex(S2B);
        SttSegmentHeader first = SttSegmentDecoder.decode(a, 20, a.limit()).header();
        SttSegmentHeader second = SttSegmentDecoder.decode(b, 20, b.limit()).header();
        assertThat(first.frameLength()).isEqualTo(172);
        assertThat(second.segmentOffset()).isEqualTo(100);
        assertThat(first.frameIdentifier()).isEqualTo(second.frameIdentifier()).isEqualTo(0x2a000001L);
        assertThat(first.window()).isEqualTo(0xffff);
        assertThat(first.flags().psh()).isFalse();
        assertThat(second.flags().psh()).isTrue();

        SttReassembler r = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly done = new SttReassembly();
        assertThat(r.offer(a, 0, done)).isEqualTo(SttReassembler.Verdict.INCOMPLETE);
        assertThat(r.offer(b, 1, done)).isEqualTo(SttReassembler.Verdict.COMPLETE);
        SttFrameHeader h = done.header();
        assertThat(h.flags().bits()).isEqualTo(0x0e);
        assertThat(h.flags().checksumPartial()).isTrue();
        assertThat(h.flags().ipv4()).isTrue();
        assertThat(h.flags().tcp()).isTrue();
        assertThat(h.l4Offset()).isEqualTo(34);
        assertThat(h.maxSegmentSize()).isEqualTo(1448);
        assertThat(h.contextId()).isEqualTo(0xabcdefL);
        assertThat(done.frame().remaining()).isEqualTo(172);
        assertThat(done.innerFrame().remaining()).isEqualTo(154);
        assertThat(done.segments()).isEqualTo(2);
        // The partial sum 0x1481 completes to 0x5550, as testdata/scripts/make-captures.py computed it
        // independently (its pseudo_header_sum) when it made the vector.
        ByteBuffer frame = done.frame();
        int at = frame.position();
        assertThat(frame.getShort(at + 18 + 34 + 16) & 0xFFFF).isEqualTo(0x1481);
        assertThat(SttChecksumOffload.completePartialChecksum(frame, at, 172, h)).isEqualTo(0x5550);
        assertThat(frame.getShort(at + 18 + 34 + 16) & 0xFFFF).isEqualTo(0x5550);
        r.release(done);
    }

    @Test
    void shouldRefuseWhatTheDraftForbidsNamingTheFieldAndItsValue() {
        assertThatThrownBy(() -> SttFrameDecoder.decode(hex("01000000000000000000000000000000" + "0000")))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.protocol()).isEqualTo(SttFrameHeader.PROTOCOL).isEqualTo("stt");
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
                    assertThat(e.value()).isEqualTo(1);
                    assertThat(e.getMessage())
                            .isEqualTo("stt Version UNSUPPORTED_VERSION at offset 0: 1 (expected: 0, draft-davie-stt-08 §3.1)");
                });
        assertThatThrownBy(() -> SttFrameDecoder.decode(hex("00030000000000000000000000000000" + "0000")))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
                    assertThat(e.field()).isEqualTo("Flags");
                    assertThat(e.value()).isEqualTo(3);
                });
        assertThatThrownBy(() -> SttSegmentDecoder.decode(hex("d4311d2f004000000000000160180000671a0000")))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.protocol()).isEqualTo(SttSegmentHeader.PROTOCOL).isEqualTo("stt-segment");
                    assertThat(e.field()).isEqualTo("Data Offset");
                    assertThat(e.value()).isEqualTo(6);
                    assertThat(e.getMessage()).startsWith("stt-segment Data Offset BAD_LENGTH at offset 12: 6 (expected: 5");
                });
        assertThatThrownBy(() -> SttSegmentDecoder.decode(hex("d4311d2f001000000000000150180000671a0000")))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.field()).isEqualTo("Frame Length");
                    assertThat(e.value()).isEqualTo(16);
                });
        assertThatThrownBy(() -> SttSegmentDecoder.decode(hex("d4311d2f004000400000000150180000671a0000")))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.field()).isEqualTo("Segment Offset");
                    assertThat(e.value()).isEqualTo(64);
                    assertThat(e.detail()).isEqualTo("below the Frame Length 64");
                });
        SttSegmentHeader h = SttSegmentDecoder.decode(hex(S1), 20, 104).header();
        assertThatThrownBy(() -> SttSegmentDecoder.checkPayload(h, 65)).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> {
                    assertThat(e.field()).isEqualTo("Frame Length");
                    assertThat(e.value()).isEqualTo(64);
                    assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
                });
        assertThatThrownBy(() -> SttSegmentDecoder.checkPayload(h, 0)).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> assertThat(e.value()).isZero());
        SttSegmentDecoder.checkPayload(h, 64);
    }
}
