package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link GreDecoder#decode} allocates no {@link GreView} only because HotSpot inlines
 * {@code GreView.wrap} into it, after which escape analysis removes the view. HotSpot inlines a
 * hot call only when the callee's bytecode is at most {@code -XX:FreqInlineSize} octets, 325 by
 * default on x86-64 and AArch64. This test reads the bytecode length of {@code wrap} from
 * {@code GreView.class} with a small class-file reader (JVMS §4) and fails when a change makes
 * it larger.
 */
class GreViewInliningTest {
    /** HotSpot's default {@code FreqInlineSize}: the largest hot method it inlines. */
    static final int FREQ_INLINE_SIZE = 325;

    private static final String WRAP_DESCRIPTOR = "(Ljava/nio/ByteBuffer;II)Lorg/tunnelcodec/gre/GreView;";

    @Test
    void shouldKeepWrapSmallEnoughForHotSpotToInlineItIntoDecode() throws IOException {
        int length = codeLength(GreView.class, "wrap", WRAP_DESCRIPTOR);
        assertThat(length).as("GreView.wrap is %d bytecodes; above FreqInlineSize (%d) HotSpot stops inlining it"
                        + " into GreDecoder.decode, and every decode then allocates a GreView: move the new code"
                        + " into a helper that wrap calls", length, FREQ_INLINE_SIZE)
                .isPositive().isLessThanOrEqualTo(FREQ_INLINE_SIZE);
    }

    @Test
    void shouldReadTheBytecodeLengthOfAKnownMethod() throws IOException {
        // isWrapped() is aload_0 (1), getfield (3), ifnull (3), iconst_1 (1), goto (3), iconst_0 (1), ireturn (1)
        assertThat(codeLength(GreView.class, "isWrapped", "()Z")).isEqualTo(13);
        assertThatThrownBy(() -> codeLength(GreView.class, "wrap", "()V")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The {@code code_length} of a method's {@code Code} attribute (JVMS §4.7.3). */
    static int codeLength(Class<?> type, String name, String descriptor) throws IOException {
        try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
             DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalStateException(type + ": not a class file");
            }
            in.readUnsignedShort(); // minor_version
            in.readUnsignedShort(); // major_version
            String[] utf8 = constantPool(in);
            in.readUnsignedShort(); // access_flags
            in.readUnsignedShort(); // this_class
            in.readUnsignedShort(); // super_class
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort(); // access_flags
                boolean match = name.equals(utf8[in.readUnsignedShort()]) & descriptor.equals(utf8[in.readUnsignedShort()]);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int size = in.readInt();
                    if (match && attribute.equals("Code")) {
                        in.readUnsignedShort(); // max_stack
                        in.readUnsignedShort(); // max_locals
                        return in.readInt();
                    }
                    in.skipBytes(size);
                }
            }
        }
        throw new IllegalArgumentException(type + " has no method " + name + descriptor + " with code");
    }

    /** Reads the constant pool (JVMS §4.4), keeping the UTF-8 entries by index. */
    private static String[] constantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IllegalStateException("constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }
}
