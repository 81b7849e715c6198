package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A header of fixed octets that carries only Ethernet and is announced by a UDP port: a
 * stand-in for VXLAN (RFC 7348 §5: 8 octets, UDP 4789, an Ethernet frame after it) while the
 * VXLAN module is not there, and a way to test what core does with a module's header.
 */
record OpaqueHeader(byte[] octets, int udpPort) implements TemplateHeader {
    /** VXLAN with the I flag and this VNI (RFC 7348 §5). */
    static OpaqueHeader vxlan(int vni) {
        byte[] b = new byte[8];
        b[0] = 0x08;
        b[4] = (byte) (vni >>> 16);
        b[5] = (byte) (vni >>> 8);
        b[6] = (byte) vni;
        return new OpaqueHeader(b, 4789);
    }

    /** Fixed octets of any length, for tests of lengths. */
    static OpaqueHeader ofLength(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return new OpaqueHeader(b, 4789);
    }

    @Override
    public int length() {
        return octets.length;
    }

    @Override
    public void write(ByteBuffer dst, int index) {
        dst.put(index, octets);
    }

    @Override
    public void fixups(Fixups out, int offset) {
        out.carriesOnly(0x6558);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueHeader h && Arrays.equals(h.octets, octets) && h.udpPort == udpPort;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets) * 31 + udpPort;
    }

    @Override
    public String toString() {
        return "OpaqueHeader[" + HexFormat.of().formatHex(octets) + "]";
    }
}
