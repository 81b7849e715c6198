package org.tunnelcodec.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * The contract every codec of tunnelcodec passes, as jqwik properties. A codec's property
 * test extends this class and names its codec and an arbitrary of valid headers:
 *
 * <pre>{@code
 * class UdpPropertyTest extends CodecContract<UdpHeader> {
 *     UdpPropertyTest() { super(CoreCodecs.UDP, CoreArbitraries.udpHeaders()); }
 * }
 * }</pre>
 *
 * <p>The properties, each run {@value #TRIES} times:
 * <ol>
 *   <li>encode then decode gives the header back, with {@code headerLength ==
 *       encodedLength(h)} and the payload the header's length fields bound;</li>
 *   <li>decode then encode gives the bytes back, for valid encodings and for any arbitrary or
 *       mutated bytes that decode (after {@link Codec#canonicalize});</li>
 *   <li>every strict prefix of a valid packet fails as {@code TRUNCATED}, at the place where
 *       the bytes ran out: the exception names a field, bounds it by the end of the bytes given
 *       ({@link MalformedPacketException#boundedBy()} is {@code null}: the packet's own length
 *       fields agree with it, only the buffer is short), and
 *       {@code offset() + available()} is the prefix's length while {@code required()} exceeds
 *       {@code available()};</li>
 *   <li>arbitrary and mutated bytes decode or throw {@link MalformedPacketException} and
 *       nothing else, and the input buffer (position, limit, order, content) is untouched;</li>
 *   <li>nothing is read past the limit: poison after the limit changes nothing;</li>
 *   <li>decoding ignores {@code src.order()};</li>
 *   <li>the encoder writes at the position without moving it, ignores {@code dst.order()},
 *       and refuses a destination too small before writing a byte.</li>
 * </ol>
 *
 * <p>The jqwik settings the project tests with come with the class
 * ({@link PropertyDefaults}): a subclass needs no {@code junit-platform.properties}.
 *
 * @param <H> the header type
 */
@PropertyDefaults(tries = CodecContract.TRIES, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.BOUNDED)
public abstract class CodecContract<H> {
    /** How many tries each property runs. */
    public static final int TRIES = 1000;

    private final Codec<H> codec;
    private final Arbitrary<H> headers;

    /**
     * The contract for one codec, with the headers to encode.
     *
     * @param codec   the codec under test
     * @param headers valid headers
     */
    protected CodecContract(Codec<H> codec, Arbitrary<H> headers) {
        this.codec = codec;
        this.headers = headers;
    }

    /**
     * Returns valid headers, as the properties draw them.
     *
     * @return valid headers, as the properties draw them
     */
    @Provide
    Arbitrary<Object> contractHeaders() {
        return headers.map(h -> h);
    }

    /**
     * Returns valid packets with random mutations: flipped bytes, cuts and extensions.
     *
     * @return valid packets with random mutations: flipped bytes, cuts and extensions
     */
    @Provide
    Arbitrary<byte[]> mutatedPackets() {
        Arbitrary<byte[]> valid = headers.flatMap(h -> payloads(h).map(p -> packet(h, p)));
        return valid.flatMap(bytes -> Arbitraries.integers().between(0, 8).list().ofMaxSize(6)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size())
                        .flatMap(values -> Arbitraries.integers().between(-8, 8).map(cut ->
                                mutate(bytes, positions, values, cut)))));
    }

    /**
     * Returns arbitrary bytes, mostly short.
     *
     * @return arbitrary bytes, mostly short
     */
    @Provide
    Arbitrary<byte[]> arbitraryBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(128);
    }

    @Property(tries = TRIES)
    void shouldDecodeWhatItEncodes(@ForAll("contractHeaders") Object header,
                                   @ForAll @IntRange(min = 0, max = 40) int extra) {
        H h = cast(header);
        OptionalInt bounded = codec.boundedPayloadLength(h);
        int payloadLength = bounded.orElse(extra);
        byte[] payload = pattern(payloadLength);
        byte[] packet = packet(h, payload);
        // Bytes after a bounded payload (link padding) are not payload.
        byte[] withTrailer = Arrays.copyOf(packet, packet.length + (bounded.isPresent() ? extra : 0));
        Decoded<H> d = codec.decode(ByteBuffer.wrap(withTrailer));
        assertThat(d.header()).isEqualTo(h);
        assertThat(d.headerLength()).isEqualTo(codec.encodedLength(h));
        byte[] decodedPayload = new byte[d.payloadLength()];
        d.payload().get(decodedPayload);
        assertThat(decodedPayload).isEqualTo(payload);
    }

    @Property(tries = TRIES)
    void shouldEncodeWhatItDecodes(@ForAll("mutatedPackets") byte[] bytes) {
        roundTripIfDecodable(bytes);
    }

    @Property(tries = TRIES)
    void shouldEncodeWhatItDecodesFromArbitraryBytes(@ForAll("arbitraryBytes") byte[] bytes) {
        roundTripIfDecodable(bytes);
    }

    @Property(tries = TRIES)
    void shouldRejectEveryStrictPrefixAsTruncated(@ForAll("contractHeaders") Object header,
                                                  @ForAll @IntRange(min = 0, max = 16) int extra) {
        H h = cast(header);
        OptionalInt bounded = codec.boundedPayloadLength(h);
        byte[] packet = packet(h, pattern(bounded.orElse(extra)));
        // Unbounded payloads may be cut anywhere; only the header's prefixes must fail.
        int mustFailBelow = bounded.isPresent() ? packet.length : codec.encodedLength(h);
        Random random = new Random(packet.length);
        for (int len = 0; len < mustFailBelow; len++) {
            if (len > 256 && len < mustFailBelow - 8 && random.nextInt(64) != 0) {
                continue; // long payloads: sample the middle, check both ends fully
            }
            byte[] prefix = Arrays.copyOf(packet, len);
            int cut = len;
            assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(prefix)))
                    .as("prefix of %d of %d bytes", cut, packet.length)
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertRanOutAt(e, cut));
        }
    }

    /**
     * A strict prefix of a valid packet is cut by the end of the bytes, and only by it: the
     * exception says which field did not fit and that it ran out exactly at {@code length}.
     */
    private static void assertRanOutAt(MalformedPacketException e, int length) {
        String m = e.getMessage();
        assertThat(e.reason()).as(m).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
        assertThat(e.field()).as(m).isNotBlank();
        assertThat(e.boundedBy()).as(m).isNull();
        assertThat(e.offset()).as(m).isBetween(0L, (long) length);
        assertThat(e.available()).as(m).isNotNegative();
        assertThat(e.offset() + e.available()).as(m + ": offset + available").isEqualTo(length);
        assertThat(e.required()).as(m).isGreaterThan(e.available());
    }

    @Property(tries = TRIES)
    void shouldThrowOnlyMalformedPacketExceptionAndLeaveTheInputUntouched(
            @ForAll("mutatedPackets") byte[] mutated, @ForAll("arbitraryBytes") byte[] random,
            @ForAll boolean direct, @ForAll @IntRange(min = 0, max = 7) int offset) {
        for (byte[] bytes : List.of(mutated, random)) {
            ByteBuffer src = place(bytes, offset, direct, false);
            src.mark();
            byte[] before = contentOf(src);
            int position = src.position();
            int limit = src.limit();
            try {
                codec.decode(src);
            } catch (MalformedPacketException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("decode threw " + e + " for " + java.util.HexFormat.of().formatHex(bytes), e);
            }
            assertThat(src.position()).isEqualTo(position);
            assertThat(src.limit()).isEqualTo(limit);
            assertThat(src.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
            assertThat(contentOf(src)).isEqualTo(before);
            src.reset(); // the mark survives
        }
    }

    @Property(tries = TRIES)
    void shouldNotReadPastTheLimit(@ForAll("mutatedPackets") byte[] bytes,
                                   @ForAll @IntRange(min = 0, max = 7) int offset,
                                   @ForAll @Size(min = 1, max = 64) byte[] poison) {
        Outcome exact = outcome(ByteBuffer.wrap(bytes.clone()));
        ByteBuffer writable = place(bytes, offset, false, false);
        ByteBuffer backing = writable.duplicate().clear();
        for (int i = writable.limit(); i < backing.capacity(); i++) {
            backing.put(i, poison[i % poison.length]);
        }
        ByteBuffer poisoned = writable.asReadOnlyBuffer();
        // Error offsets count from src.position(), so both outcomes compare as they are.
        assertThat(outcome(poisoned)).isEqualTo(exact);
        // The same through a heap buffer's own array, which decoders may read without the
        // buffer's checks: a slice whose array holds poison before and after it.
        byte[] framed = new byte[offset + bytes.length + poison.length];
        for (int i = 0; i < framed.length; i++) {
            framed[i] = poison[i % poison.length];
        }
        System.arraycopy(bytes, 0, framed, offset, bytes.length);
        ByteBuffer slice = ByteBuffer.wrap(framed, offset, bytes.length).slice();
        assertThat(slice.hasArray()).isTrue();
        assertThat(outcome(slice)).as("a slice at array offset " + offset).isEqualTo(exact);
    }

    @Property(tries = TRIES)
    void shouldIgnoreTheByteOrderOfTheSource(@ForAll("mutatedPackets") byte[] bytes, @ForAll boolean direct) {
        ByteBuffer big = place(bytes, 0, direct, false);
        ByteBuffer little = place(bytes, 0, direct, false).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(outcome(little)).isEqualTo(outcome(big));
        assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Property(tries = TRIES)
    void shouldEncodeAtThePositionWithoutMovingItAndRefuseASmallDestination(
            @ForAll("contractHeaders") Object header, @ForAll @IntRange(min = 0, max = 9) int position,
            @ForAll boolean littleEndian, @ForAll boolean direct) {
        H h = cast(header);
        int length = codec.encodedLength(h);
        byte[] expected = new byte[length];
        assertThat(codec.encode(h, ByteBuffer.wrap(expected))).isEqualTo(length);

        ByteBuffer dst = direct ? ByteBuffer.allocateDirect(position + length + 3) : ByteBuffer.allocate(position + length + 3);
        if (littleEndian) {
            dst.order(ByteOrder.LITTLE_ENDIAN);
        }
        dst.position(position);
        assertThat(codec.encode(h, dst)).isEqualTo(length);
        assertThat(dst.position()).isEqualTo(position);
        byte[] written = new byte[length];
        dst.get(position, written);
        assertThat(written).isEqualTo(expected);

        // A slice of a larger array: an encoder that writes through the array adds its offset
        // and writes nothing but the header.
        byte[] backing = new byte[position + length + 4];
        Arrays.fill(backing, (byte) 0x5A);
        ByteBuffer slice = ByteBuffer.wrap(backing, position + 1, length + 2).slice().position(1);
        assertThat(codec.encode(h, slice)).isEqualTo(length);
        byte[] around = new byte[backing.length];
        Arrays.fill(around, (byte) 0x5A);
        System.arraycopy(expected, 0, around, position + 2, length);
        assertThat(backing).as("a slice at array offset " + (position + 1)).isEqualTo(around);

        if (length > 0) {
            ByteBuffer small = ByteBuffer.allocate(length - 1 + position);
            small.position(position);
            assertThatThrownBy(() -> codec.encode(h, small)).isInstanceOf(IllegalArgumentException.class);
            assertThat(small.array()).as("nothing written").isEqualTo(new byte[small.capacity()]);
        }
    }

    private void roundTripIfDecodable(byte[] bytes) {
        Decoded<H> d;
        try {
            d = codec.decode(ByteBuffer.wrap(bytes.clone()));
        } catch (MalformedPacketException e) {
            return;
        }
        ByteBuffer canonical = ByteBuffer.wrap(bytes.clone());
        codec.canonicalize(canonical);
        byte[] encoded = new byte[codec.encodedLength(d.header())];
        codec.encode(d.header(), ByteBuffer.wrap(encoded));
        assertThat(encoded.length).isEqualTo(d.headerLength());
        assertThat(encoded).isEqualTo(Arrays.copyOf(canonical.array(), d.headerLength()));
        assertThat(codec.decode(ByteBuffer.wrap(bytes.clone())).header()).isEqualTo(d.header());
    }

    private Arbitrary<byte[]> payloads(H h) {
        OptionalInt bounded = codec.boundedPayloadLength(h);
        if (bounded.isPresent()) {
            return Arbitraries.just(pattern(bounded.getAsInt()));
        }
        return Arbitraries.integers().between(0, 24).map(CodecContract::pattern);
    }

    private byte[] packet(H h, byte[] payload) {
        int length = codec.encodedLength(h);
        byte[] packet = new byte[length + payload.length];
        codec.encode(h, ByteBuffer.wrap(packet));
        System.arraycopy(payload, 0, packet, length, payload.length);
        return packet;
    }

    private static byte[] mutate(byte[] bytes, List<Integer> positions, List<Byte> values, int cut) {
        byte[] m = Arrays.copyOf(bytes, Math.max(0, bytes.length + cut));
        for (int i = 0; i < positions.size() && m.length > 0; i++) {
            // spread the mutations over the packet, most of them in the header
            int at = (positions.get(i) * 7 + i * 13) % m.length;
            m[at] = values.get(i);
        }
        return m;
    }

    private static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (0xA5 ^ i * 31);
        }
        return b;
    }

    private static ByteBuffer place(byte[] bytes, int offset, boolean direct, boolean readOnly) {
        int capacity = offset + bytes.length + 64;
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        b.put(offset, bytes);
        b.position(offset).limit(offset + bytes.length);
        return readOnly ? b.asReadOnlyBuffer() : b;
    }

    private static byte[] contentOf(ByteBuffer b) {
        byte[] all = new byte[b.capacity()];
        b.duplicate().clear().get(0, all);
        return all;
    }

    private Outcome outcome(ByteBuffer src) {
        try {
            Decoded<H> d = codec.decode(src);
            byte[] payload = new byte[d.payloadLength()];
            d.payload().get(payload);
            return new Outcome(d.header(), d.headerLength(), Arrays.toString(payload), null);
        } catch (MalformedPacketException e) {
            return new Outcome(null, -1, null, e.getMessage());
        }
    }

    /** A decode's result in comparable form. */
    private record Outcome(Object header, int headerLength, String payload, String error) {
    }

    @SuppressWarnings("unchecked")
    private H cast(Object o) {
        return (H) o;
    }
}
