package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * The static peeks on hostile input: they return or throw {@link MalformedPacketException} and
 * nothing else, leave the buffer alone, agree with {@link GreDecoder#decode} wherever it
 * accepts the header, and report truncation exactly as it does.
 */
class GrePeekPropertyTest {
    @Provide
    Arbitrary<byte[]> packets() {
        return GreArbitraries.packets();
    }

    /** The peeks by name, each reading the header at {@code index}. */
    private static List<Peek> peeks() {
        return List.of(new Peek("version", GreDecoder::version), new Peek("protocolType", GreDecoder::protocolType),
                new Peek("headerLength", GreDecoder::headerLength), new Peek("key", GreDecoder::key),
                new Peek("sequenceNumber", GreDecoder::sequenceNumber));
    }

    private record Peek(String name, IndexedPeek peek) {
    }

    @FunctionalInterface
    private interface IndexedPeek {
        long at(ByteBuffer src, int index);
    }

    @Property(tries = 3000)
    void shouldReturnOrThrowOnlyMalformedPacketAndAgreeWithDecode(@ForAll("packets") byte[] bytes,
                                                                  @ForAll @IntRange(max = 7) int at,
                                                                  @ForAll boolean littleEndian) {
        // The header sits at index `at` behind junk, and the buffer ends where the packet does.
        ByteBuffer src = ByteBuffer.allocate(at + bytes.length).order(littleEndian ? ByteOrder.LITTLE_ENDIAN
                : ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < at; i++) {
            src.put(i, (byte) 0xA5);
        }
        src.put(at, bytes);
        Decoded<GreHeader> d = null;
        MalformedPacketException refusal = null;
        try {
            d = GreDecoder.decode(src, at, src.limit());
        } catch (MalformedPacketException rejected) {
            // the peeks may still answer: each reads only what it needs
            refusal = rejected;
        }
        List<Long> expected = d == null ? null : expected(d);
        List<Peek> peeks = peeks();
        for (int i = 0; i < peeks.size(); i++) {
            Peek p = peeks.get(i);
            long value;
            try {
                value = p.peek().at(src, at);
            } catch (MalformedPacketException e) {
                assertThat(d).as(p.name() + " refused a header decode accepts: " + e.getMessage()).isNull();
                if (p.name().equals("headerLength")) {
                    // makes decode's checks up to the SRE list, so it fails as decode does
                    assertThat(e.getMessage()).as(p.name()).isEqualTo(refusal.getMessage());
                    continue;
                }
                assertThat(e.reason()).as(p.name()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
                if (refusal.reason() != MalformedPacketException.Reason.UNSUPPORTED_VERSION) {
                    // decode checks the version before the fixed part; otherwise the same error
                    assertThat(e.getMessage()).as(p.name() + " reports truncation as decode does")
                            .isEqualTo(refusal.getMessage());
                    assertThat(e.offset()).isEqualTo(refusal.offset());
                    assertThat(e.boundedBy()).isEqualTo(refusal.boundedBy());
                }
                continue;
            }
            if (expected != null) {
                assertThat(value).as(p.name()).isEqualTo(expected.get(i));
            }
        }
        assertThat(src.position()).isZero();
        assertThat(src.limit()).isEqualTo(at + bytes.length);
    }

    private static List<Long> expected(Decoded<GreHeader> d) {
        GreHeader h = d.header();
        List<Long> values = new ArrayList<>();
        values.add((long) h.version());
        values.add((long) h.protocolType().value());
        values.add((long) d.headerLength());
        values.add(h.key()); // GreHeader.ABSENT when K is clear, as the peek says
        values.add(h.sequenceNumber());
        return values;
    }

    @Property(tries = 200)
    void shouldTreatANegativeIndexAsACallerError(@ForAll("packets") byte[] bytes, @ForAll @IntRange(min = 1) int minus) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        for (Peek p : peeks()) {
            assertThatThrownBy(() -> p.peek().at(src, -minus)).as(p.name())
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
