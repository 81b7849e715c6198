package org.tunnelcodec.gre.wccp.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * {@link WccpSecurity} and {@link WccpPassword} ([W01] 5.6.1, [R1] 3.7). Expected digests are computed here with the JDK's MD5 over
 * the formula of the drafts, independently of {@link WccpSecurity}'s walk; vector W3 is in
 * {@link WccpSpecVectorGoldenTest}.
 */
class WccpSecurityTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final WccpPassword SECRET = WccpPassword.of("secret");

    private static WccpMessage signedMessage() {
        Ipv4Address cache = Ipv4Address.parse("192.0.2.10");
        return WccpMessage.hereIAm(WccpComponent.SecurityInfo.md5(), WccpComponent.ServiceInfo.standard(0),
                new WccpComponent.WebCacheIdentityInfo(WccpWebCacheIdentity.none(cache)),
                new WccpComponent.WebCacheViewInfo(3, List.of(), List.of(cache)));
    }

    private static byte[] encode(WccpMessage m) {
        byte[] out = new byte[m.encodedLength()];
        WccpMessageEncoder.encode(m, ByteBuffer.wrap(out));
        return out;
    }

    /** MD5(key || message with octets 16..31 zeroed), for a message whose first component is Security Info. */
    private static byte[] expectedDigest(byte[] message, byte[] key) throws Exception {
        byte[] zeroed = message.clone();
        Arrays.fill(zeroed, 16, 32, (byte) 0);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(key);
        md5.update(zeroed);
        return md5.digest();
    }

    @Test
    void shouldSignWithTheDraftsFormulaAndVerifyTheResult() throws Exception {
        byte[] m = encode(signedMessage());
        byte[] unsigned = m.clone();
        ByteString digest = WccpSecurity.sign(ByteBuffer.wrap(m), 0, SECRET);
        assertThat(digest.toByteArray()).isEqualTo(expectedDigest(unsigned, "secret\0\0".getBytes(StandardCharsets.US_ASCII)));
        assertThat(Arrays.copyOfRange(m, 16, 32)).isEqualTo(digest.toByteArray());
        // only the digest field changed
        assertThat(Arrays.copyOf(m, 16)).isEqualTo(Arrays.copyOf(unsigned, 16));
        assertThat(Arrays.copyOfRange(m, 32, m.length)).isEqualTo(Arrays.copyOfRange(unsigned, 32, m.length));
        assertThat(WccpSecurity.verify(ByteBuffer.wrap(m), 0, SECRET)).isTrue();
        // the decoded record carries the digest
        assertThat(WccpMessageDecoder.decode(ByteBuffer.wrap(m)).header().securityInfo().orElseThrow().implementation())
                .isEqualTo(digest);
    }

    @Test
    void shouldIgnoreWhateverTheDigestFieldHeldWhenSigning() {
        byte[] a = encode(signedMessage());
        byte[] b = a.clone();
        Arrays.fill(b, 16, 32, (byte) 0x5A);
        assertThat(WccpSecurity.sign(ByteBuffer.wrap(b), 0, SECRET)).isEqualTo(WccpSecurity.sign(ByteBuffer.wrap(a), 0, SECRET));
    }

    @Test
    void shouldVerifyWithoutChangingTheCallersBufferInAnyWay() {
        byte[] m = encode(signedMessage());
        WccpSecurity.sign(ByteBuffer.wrap(m), 0, SECRET);
        ByteBuffer buf = ByteBuffer.allocateDirect(m.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(4, m).position(4).limit(4 + m.length).mark();
        byte[] before = new byte[buf.capacity()];
        buf.duplicate().clear().get(before);
        assertThat(WccpSecurity.verify(buf, 4, SECRET)).isTrue();
        assertThat(WccpSecurity.verify(buf.asReadOnlyBuffer(), 4, SECRET)).isTrue();
        byte[] after = new byte[buf.capacity()];
        buf.duplicate().clear().get(after);
        assertThat(after).isEqualTo(before);
        assertThat(buf.position()).isEqualTo(4);
        assertThat(buf.limit()).isEqualTo(4 + m.length);
        assertThat(buf.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        buf.reset();
    }

    @Test
    void shouldFailVerificationForAnyChangedOctetOrAnotherPassword() {
        byte[] m = encode(signedMessage());
        WccpSecurity.sign(ByteBuffer.wrap(m), 0, SECRET);
        assertThat(WccpSecurity.verify(ByteBuffer.wrap(m), 0, WccpPassword.of("Secret"))).isFalse();
        for (int i = 0; i < m.length; i++) {
            if (i == 6 || i == 7) {
                continue; // the Length: a change there is a framing error, see below
            }
            byte[] t = m.clone();
            t[i] ^= 0x01;
            boolean ok;
            try {
                ok = WccpSecurity.verify(ByteBuffer.wrap(t), 0, SECRET);
            } catch (MalformedPacketException e) {
                ok = false;
            }
            assertThat(ok).as("octet %d changed", i).isFalse();
        }
    }

    @Test
    void shouldHashEightPlusLengthOctetsAndNotWhatFollowsTheMessage() {
        byte[] m = encode(signedMessage());
        WccpSecurity.sign(ByteBuffer.wrap(m), 0, SECRET);
        byte[] withTrailer = Arrays.copyOf(m, m.length + 3);
        withTrailer[m.length] = 1;
        assertThat(WccpSecurity.verify(ByteBuffer.wrap(withTrailer), 0, SECRET)).isTrue();
    }

    @Test
    void shouldReturnFalseWithoutAnMd5SecurityInfo() {
        byte[] none = encode(new WccpMessage(WccpMessageType.HERE_I_AM, 0x0200, List.of(WccpComponent.SecurityInfo.none())));
        assertThat(WccpSecurity.verify(ByteBuffer.wrap(none), 0, SECRET)).isFalse();
        byte[] missing = encode(new WccpMessage(WccpMessageType.HERE_I_AM, 0x0200, List.of(WccpComponent.ServiceInfo.standard(0))));
        assertThat(WccpSecurity.verify(ByteBuffer.wrap(missing), 0, SECRET)).isFalse();
        assertThat(WccpSecurity.verify(ByteBuffer.wrap(HEX.parseHex("0000000a02000000")), 0, SECRET)).isFalse();
    }

    @Test
    void shouldThrowOnlyMalformedPacketExceptionForAMessageThatIsNotFramed() {
        byte[] m = encode(signedMessage());
        // Length past the buffer
        MalformedPacketException cut = catchMalformed(Arrays.copyOf(m, m.length - 1));
        assertThat(cut.reason()).isEqualTo(Reason.TRUNCATED);
        // fewer than 8 octets, a v1 type, version 3
        assertThat(catchMalformed(new byte[5]).reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(catchMalformed(HEX.parseHex("0000000702000000")).reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(catchMalformed(HEX.parseHex("0000000a03000000")).reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        // a component running past the message, an MD5 Security Info with Length 4
        assertThat(catchMalformed(HEX.parseHex("0000000a02000004" + "00010008")).boundedBy()).isEqualTo("wccp-control Length");
        assertThat(catchMalformed(HEX.parseHex("0000000a02000008" + "0000000400000001")).reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(catchMalformed(HEX.parseHex("0000000a02000004" + "00000000")).reason()).isEqualTo(Reason.BAD_LENGTH);
    }

    private static MalformedPacketException catchMalformed(byte[] bytes) {
        try {
            WccpSecurity.verify(ByteBuffer.wrap(bytes), 0, SECRET);
        } catch (MalformedPacketException e) {
            return e;
        }
        throw new AssertionError("expected MalformedPacketException");
    }

    @Test
    void shouldRefuseToSignWithoutAnMd5SecurityInfoOrIntoAReadOnlyBuffer() {
        byte[] none = encode(new WccpMessage(WccpMessageType.HERE_I_AM, 0x0200, List.of(WccpComponent.SecurityInfo.none())));
        assertThatThrownBy(() -> WccpSecurity.sign(ByteBuffer.wrap(none), 0, SECRET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WccpSecurity.sign(ByteBuffer.wrap(new byte[4]), 0, SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] m = encode(signedMessage());
        assertThatThrownBy(() -> WccpSecurity.sign(ByteBuffer.wrap(m).asReadOnlyBuffer(), 0, SECRET))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> WccpSecurity.encodeSigned(WccpMessage.removalQuery(WccpComponent.SecurityInfo.none(),
                WccpComponent.ServiceInfo.standard(0), new WccpComponent.RouterQueryInfo(
                        new WccpRouterIdentity(Ipv4Address.ANY, 1), Ipv4Address.ANY, Ipv4Address.ANY)),
                SECRET, ByteBuffer.allocate(100))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEncodeAndSignInOneCallAtTheDestinationsPosition() {
        WccpMessage message = signedMessage();
        ByteBuffer dst = ByteBuffer.allocate(message.encodedLength() + 3);
        dst.position(3);
        assertThat(WccpSecurity.encodeSigned(message, SECRET, dst)).isEqualTo(message.encodedLength());
        assertThat(dst.position()).isEqualTo(3);
        assertThat(WccpSecurity.verify(dst, 3, SECRET)).isTrue();
    }

    @Test
    void shouldDeriveKeysByTheDraftRuleAndBySquidsRule() {
        assertThat(WccpPassword.of("secret").key()).isEqualTo("secret\0\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(WccpPassword.of("12345678").key()).isEqualTo("12345678".getBytes(StandardCharsets.US_ASCII));
        assertThat(WccpPassword.of("123456789")).isEqualTo(WccpPassword.of("12345678"));
        assertThat(WccpPassword.ofBytes(new byte[] {1, 2})).isEqualTo(WccpPassword.of("\u0001\u0002"));
        // Squid: memset + xstrncpy into 8 octets: 7 characters and a NUL
        assertThat(WccpPassword.squid("12345678").key()).isEqualTo("1234567\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(WccpPassword.squid("secret")).isEqualTo(WccpPassword.of("secret"));
        assertThat(WccpPassword.squid("1234567")).isEqualTo(WccpPassword.of("1234567"));
        assertThat(WccpPassword.squid("12345678")).isNotEqualTo(WccpPassword.of("12345678"));
        assertThat(WccpPassword.squid("ab\0cd").key()).isEqualTo(new byte[] {'a', 'b', 0, 0, 0, 0, 0, 0});
        assertThat(WccpPassword.of("secret")).hasToString("WccpPassword[redacted]");
        byte[] key = SECRET.key();
        key[0] = 0;
        assertThat(SECRET.key()[0]).isEqualTo((byte) 's');
    }
}
