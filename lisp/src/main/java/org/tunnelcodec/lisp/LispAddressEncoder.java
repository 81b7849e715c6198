package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes AFI-encoded addresses and LCAFs (see {@link LispAddress}, {@link LcafBody}). Every
 * LCAF Length is computed from the body that follows it and written as a full 16-bit value;
 * Key Count, JSON length and Key Length likewise come from the record.
 */
public final class LispAddressEncoder {
    private LispAddressEncoder() {
    }

    /**
     * Returns the exact encoded length, the AFI included.
     *
     * @param address the address
     * @return the encoded length
     */
    public static int encodedLength(LispAddress address) {
        return address.encodedLength();
    }

    /**
     * Writes the address at {@code dst.position()}.
     *
     * @param address the address
     * @param dst     the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small (nothing is written then)
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(LispAddress address, ByteBuffer dst) {
        int length = address.encodedLength();
        Wire.requireRoom(dst, length);
        write(dst, dst.position(), address);
        return length;
    }

    /** Writes the address at {@code at} and returns the index after it. */
    static int write(ByteBuffer dst, int at, LispAddress address) {
        Wire.put16(dst, at, address.afi());
        int a = at + 2;
        if (address instanceof LispAddress.None) {
            return a;
        } else if (address instanceof LispAddress.Ipv4 v4) {
            v4.address().write(dst, a);
            return a + 4;
        } else if (address instanceof LispAddress.Ipv6 v6) {
            v6.address().write(dst, a);
            return a + 16;
        } else if (address instanceof LispAddress.Mac mac) {
            mac.address().write(dst, a);
            return a + 6;
        } else if (address instanceof LispAddress.DistinguishedName dn) {
            a += dn.name().writeTo(dst, a);
            Wire.put8(dst, a, 0);
            return a + 1;
        }
        LispAddress.Lcaf lcaf = (LispAddress.Lcaf) address;
        LcafBody body = lcaf.body();
        Wire.put8(dst, a, lcaf.reserved1());
        Wire.put8(dst, a + 1, lcaf.flags());
        Wire.put8(dst, a + 2, body.type());
        Wire.put8(dst, a + 3, body.reserved2());
        Wire.put16(dst, a + 4, body.bodyLength());
        return writeBody(dst, a + 6, body);
    }

    private static int writeBody(ByteBuffer dst, int b, LcafBody body) {
        if (body instanceof LcafBody.NullBody) {
            return b;
        } else if (body instanceof LcafBody.AfiList x) {
            return list(dst, b, x.addresses());
        } else if (body instanceof LcafBody.InstanceId x) {
            Wire.put32(dst, b, x.instanceId());
            return write(dst, b + 4, x.address());
        } else if (body instanceof LcafBody.AsNumber x) {
            Wire.put32(dst, b, x.asNumber());
            return write(dst, b + 4, x.address());
        } else if (body instanceof LcafBody.ApplicationData x) {
            Wire.put32(dst, b, (long) x.tosOrFlowLabel() << 8 | x.protocol());
            Wire.put16(dst, b + 4, x.localPortLow());
            Wire.put16(dst, b + 6, x.localPortHigh());
            Wire.put16(dst, b + 8, x.remotePortLow());
            Wire.put16(dst, b + 10, x.remotePortHigh());
            return write(dst, b + 12, x.address());
        } else if (body instanceof LcafBody.GeoCoordinates x) {
            Wire.put32(dst, b, (x.north() ? 0x8000_0000L : 0) | (long) x.latitudeDegrees() << 16
                    | x.latitudeMinutes() << 8 | x.latitudeSeconds());
            Wire.put32(dst, b + 4, (x.east() ? 0x8000_0000L : 0) | (long) x.longitudeDegrees() << 16
                    | x.longitudeMinutes() << 8 | x.longitudeSeconds());
            Wire.put32(dst, b + 8, x.altitude());
            return write(dst, b + 12, x.address());
        } else if (body instanceof LcafBody.GeoCoordinatesOther x) {
            return b + x.body().writeTo(dst, b);
        } else if (body instanceof LcafBody.OpaqueKey x) {
            Wire.put8(dst, b, x.keyFieldCount());
            Wire.put16(dst, b + 1, x.wildcardFields());
            return b + 3 + x.key().writeTo(dst, b + 3);
        } else if (body instanceof LcafBody.NatTraversal x) {
            Wire.put16(dst, b, x.msPort());
            Wire.put16(dst, b + 2, x.etrPort());
            int a = write(dst, b + 4, x.globalEtrRloc());
            a = write(dst, a, x.msRloc());
            a = write(dst, a, x.privateEtrRloc());
            return list(dst, a, x.rtrRlocs());
        } else if (body instanceof LcafBody.NonceLocator x) {
            Wire.put32(dst, b, (long) x.reserved() << 24 | x.nonce());
            return write(dst, b + 4, x.address());
        } else if (body instanceof LcafBody.MulticastInfo x) {
            Wire.put32(dst, b, x.instanceId());
            Wire.put16(dst, b + 4, x.reserved());
            Wire.put8(dst, b + 6, x.sourceMaskLength());
            Wire.put8(dst, b + 7, x.groupMaskLength());
            return write(dst, write(dst, b + 8, x.source()), x.group());
        } else if (body instanceof LcafBody.ExplicitLocatorPath x) {
            int a = b;
            for (LcafBody.ElpHop h : x.hops()) {
                Wire.put16(dst, a, h.reserved() << 3 | (h.lookup() ? 4 : 0) | (h.rlocProbe() ? 2 : 0) | (h.strict() ? 1 : 0));
                a = write(dst, a + 2, h.address());
            }
            return a;
        } else if (body instanceof LcafBody.SecurityKey x) {
            Wire.put8(dst, b, x.keys().size());
            Wire.put8(dst, b + 1, x.reserved3());
            Wire.put8(dst, b + 2, x.cipherSuite());
            Wire.put8(dst, b + 3, x.reserved4() << 1 | (x.rekey() ? 1 : 0));
            int a = b + 4;
            for (ByteString k : x.keys()) {
                Wire.put16(dst, a, k.length());
                a += 2 + k.writeTo(dst, a + 2);
            }
            return write(dst, a, x.address());
        } else if (body instanceof LcafBody.SourceDestKey x) {
            Wire.put16(dst, b, x.reserved());
            Wire.put8(dst, b + 2, x.sourceMaskLength());
            Wire.put8(dst, b + 3, x.destinationMaskLength());
            return write(dst, write(dst, b + 4, x.source()), x.destination());
        } else if (body instanceof LcafBody.ReplicationList x) {
            int a = b;
            for (LcafBody.RleEntry e : x.entries()) {
                Wire.put16(dst, a, e.reserved3());
                Wire.put8(dst, a + 2, e.reserved4());
                Wire.put8(dst, a + 3, e.level());
                a = write(dst, a + 4, e.address());
            }
            return a;
        } else if (body instanceof LcafBody.Json x) {
            Wire.put16(dst, b, x.json().length());
            return write(dst, b + 2 + x.json().writeTo(dst, b + 2), x.address());
        } else if (body instanceof LcafBody.KeyValue x) {
            return write(dst, write(dst, b, x.key()), x.value());
        } else if (body instanceof LcafBody.EncapsulationFormat x) {
            Wire.put32(dst, b, x.bits());
            return list(dst, b + 4, x.rlocs());
        } else if (body instanceof LcafBody.VendorSpecific x) {
            Wire.put32(dst, b, (long) x.reserved3() << 24 | x.oui());
            return b + 4 + x.data().writeTo(dst, b + 4);
        }
        LcafBody.Unknown x = (LcafBody.Unknown) body;
        return b + x.body().writeTo(dst, b);
    }

    private static int list(ByteBuffer dst, int a, List<LispAddress> addresses) {
        for (LispAddress x : addresses) {
            a = write(dst, a, x);
        }
        return a;
    }
}
