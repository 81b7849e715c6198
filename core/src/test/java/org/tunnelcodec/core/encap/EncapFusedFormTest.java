package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tunnelcodec.core.MacAddress;

/**
 * The fused form of a program (one outer IPv4 header with at most a UDP length, a flow-hash
 * field and a next-protocol word, the shape of VXLAN, Geneve and GRE-over-IPv4 templates) writes
 * exactly the octets that the same program run instruction by instruction writes, on the random
 * chains and packets of {@link EncapPropertyTest} (whose field-by-field checks go through push,
 * and so through whichever form a template has).
 */
class EncapFusedFormTest {
    @Provide
    Arbitrary<EncapPropertyTest.Case> cases() {
        return Arbitraries.longs().map(EncapPropertyTest::generate);
    }

    @Property(tries = 3000)
    void shouldWriteWhatTheInterpreterWrites(@ForAll("cases") EncapPropertyTest.Case c) {
        EncapTemplate t = EncapTemplate.of(c.chain());
        int headroom = t.length() + c.extraHeadroom();
        int end = headroom + c.packet().length;
        ByteBuffer fused = EncapPackets.buffer(headroom, c.packet(), 5);
        ByteBuffer interpreted = EncapPackets.buffer(headroom, c.packet(), 5);
        boolean given = c.flowHash() != null;
        int hash = given ? c.flowHash() : 0;

        int start = t.program.run(copy(t, fused, headroom), headroom - t.length(), headroom, end, c.inner(), hash, given);
        t.program.runInterpreted(copy(t, interpreted, headroom), headroom - t.length(), headroom, end, c.inner(), hash,
                given);

        assertThat(start).isEqualTo(headroom - t.length());
        assertThat(fused.array()).as("%s, fused: %s", c, t.program.isFused()).isEqualTo(interpreted.array());
    }

    @Property(tries = 1000)
    void shouldWriteTheSameOctetsIntoASlicedHeapBufferAndADirectBuffer(@ForAll("cases") EncapPropertyTest.Case c) {
        // the fused form writes a heap buffer through its array, at the array's offset, and any
        // other buffer through the buffer: all three must hold the interpreter's octets
        EncapTemplate t = EncapTemplate.of(c.chain());
        int headroom = t.length() + c.extraHeadroom();
        int end = headroom + c.packet().length;
        boolean given = c.flowHash() != null;
        int hash = given ? c.flowHash() : 0;
        ByteBuffer interpreted = EncapPackets.buffer(headroom, c.packet(), 5);
        t.program.runInterpreted(copy(t, interpreted, headroom), headroom - t.length(), headroom, end, c.inner(), hash,
                given);

        ByteBuffer outer = EncapPackets.buffer(headroom + 9, c.packet(), 5 + 4);
        ByteBuffer sliced = outer.slice(9, interpreted.limit());
        ByteBuffer direct = ByteBuffer.allocateDirect(interpreted.limit()).put(EncapPackets.buffer(headroom, c.packet(), 5))
                .clear();
        for (ByteBuffer b : new ByteBuffer[] {sliced, direct}) {
            t.program.run(copy(t, b, headroom), headroom - t.length(), headroom, end, c.inner(), hash, given);
            byte[] octets = new byte[b.limit()];
            b.get(0, octets);
            assertThat(octets).as("%s, fused: %s, %s", c, t.program.isFused(), b).isEqualTo(interpreted.array());
        }
        assertThat(java.util.Arrays.copyOfRange(outer.array(), 0, 9)).as("before the slice")
                .containsOnly(EncapPackets.SENTINEL);
        assertThat(java.util.Arrays.copyOfRange(outer.array(), 9 + interpreted.limit(), outer.limit()))
                .as("after the slice").containsOnly(EncapPackets.SENTINEL);
    }

    @Example
    void shouldFuseTheVxlanShapeAndNotIpInIp() {
        EncapTemplate vxlan = EncapTemplate.of(EthernetTemplateHeader.of(MacAddress.of(2), MacAddress.of(4)),
                Ipv4TemplateHeader.of(EncapPackets.LOCAL4, EncapPackets.REMOTE4),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(5));
        EncapTemplate fixedPort = EncapTemplate.of(
                Ipv4TemplateHeader.of(EncapPackets.LOCAL4, EncapPackets.REMOTE4).withTimeToLive(Ipv4TemplateHeader.INHERIT)
                        .withDscp(Ipv4TemplateHeader.COPY),
                UdpTemplateHeader.fixed(4000, 6635, UdpChecksumMode.ZERO));
        // IP in IP sets the outer Protocol per packet, a change the fused form leaves to the interpreter.
        EncapTemplate ipInIp = EncapTemplate.of(Ipv4TemplateHeader.of(EncapPackets.LOCAL4, EncapPackets.REMOTE4));
        // A computed UDP checksum covers the packet: interpreted.
        EncapTemplate checksummed = EncapTemplate.of(Ipv4TemplateHeader.of(EncapPackets.LOCAL4, EncapPackets.REMOTE4),
                UdpTemplateHeader.fixed(4000, 6635, UdpChecksumMode.COMPUTE));

        assertThat(vxlan.program.isFused()).as("%s", vxlan).isTrue();
        assertThat(fixedPort.program.isFused()).as("%s", fixedPort).isTrue();
        assertThat(ipInIp.program.isFused()).as("%s", ipInIp).isFalse();
        assertThat(checksummed.program.isFused()).as("%s", checksummed).isFalse();
    }

    /** The template's octets copied into the headroom, as push copies them before it runs the program. */
    private static ByteBuffer copy(EncapTemplate t, ByteBuffer buf, int headroom) {
        buf.put(headroom - t.length(), t.bytes, 0, t.length());
        return buf;
    }
}
