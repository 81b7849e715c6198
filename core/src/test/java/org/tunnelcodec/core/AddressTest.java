package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AddressTest {
    @Test
    void shouldWriteIpv6TextAsRfc5952Section4Says() throws Exception {
        // RFC 5952 §4.2.1 (longest run of zeros shortened), §4.2.2 (a single 16-bit 0 is not
        // shortened), §4.2.3 (the first of equal runs), §4.3 (lower case).
        assertThat(Ipv6Address.parse("2001:0db8:0000:0000:0000:0000:0000:0001")).hasToString("2001:db8::1");
        assertThat(Ipv6Address.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
        assertThat(Ipv6Address.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
        assertThat(Ipv6Address.parse("2001:DB8::AB")).hasToString("2001:db8::ab");
        assertThat(Ipv6Address.parse("::")).hasToString("::");
        assertThat(Ipv6Address.parse("::ffff:192.0.2.1")).isEqualTo(Ipv6Address.parse("::ffff:c000:201"));
        assertThat(Ipv6Address.parse("fe80::")).hasToString("fe80::");
    }

    @Test
    void shouldRefuseMalformedText() {
        for (String bad : new String[] {"", ":", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "g::", "1:2:3:4:5:6:7:8::",
                "fe80::1%eth0", "1:"}) {
            assertThatThrownBy(() -> Ipv6Address.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : new String[] {"1.2.3", "1.2.3.256", "a.b.c.d", "1.2.3.4.5", "01234.1.1.1", ""}) {
            assertThatThrownBy(() -> Ipv4Address.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> MacAddress.parse("00:11:22:33:44")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void shouldConvertIpv6ToAndFromInetAddressAndText(@ForAll long high, @ForAll long low) throws Exception {
        Ipv6Address a = Ipv6Address.of(high, low);
        assertThat(Ipv6Address.parse(a.toString())).isEqualTo(a);
        assertThat(Ipv6Address.of(a.toInetAddress())).isEqualTo(a);
        assertThat(InetAddress.getByName(a.toString()).getAddress()).isEqualTo(a.toByteArray());
    }

    @Property
    void shouldConvertIpv4ToAndFromInetAddressAndText(@ForAll int bits) throws Exception {
        Ipv4Address a = Ipv4Address.of(bits);
        assertThat(Ipv4Address.parse(a.toString())).isEqualTo(a);
        assertThat(Ipv4Address.of(a.toInetAddress())).isEqualTo(a);
        assertThat(InetAddress.getByName(a.toString()).getHostAddress()).isEqualTo(a.toString());
    }

    @Test
    void shouldWriteMacAddressesInLowerCaseWithColons() {
        assertThat(MacAddress.parse("00-1B-21-3A-4F-5E")).hasToString("00:1b:21:3a:4f:5e");
        assertThat(MacAddress.BROADCAST.isMulticast()).isTrue();
        assertThatThrownBy(() -> MacAddress.of(1L << 48)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bits: 281474976710656 (expected: 0..281474976710655)");
    }

    @Test
    void shouldNameKnownCodePointsAndKeepUnknownOnes() {
        assertThat(EtherType.of(0x0800)).isEqualTo(EtherType.IPV4).hasToString("IPV4(0x0800)");
        assertThat(EtherType.of(0x1234)).hasToString("0x1234").matches(t -> !t.isKnown());
        assertThat(IpProtocol.of(47)).hasToString("GRE(47)");
        assertThat(IpProtocol.of(135).isIpv6ExtensionHeader()).isTrue();
        assertThatThrownBy(() -> EtherType.of(0x10000)).hasMessage("value: 65536 (expected: 0..65535)");
    }
}
