package org.tunnelcodec.gre.wccp.control;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes WCCP version 2 control messages ([W01] 5, [R1] 4-6), computing the message Length,
 * every component Length, the element counts, Assignment Length and the assignment-type
 * flag bits. Follows the encoder contract of {@link org.tunnelcodec.core}.
 *
 * <p>Components are written in the record's order, each exactly as its record says; nothing
 * is padded or reordered. An MD5 digest is not computed here: encode a message whose Security
 * Info is {@link WccpComponent.SecurityInfo#md5()}, then call {@link WccpSecurity#sign}, or use
 * {@link WccpSecurity#encodeSigned}.
 */
public final class WccpMessageEncoder {
    private WccpMessageEncoder() {
    }

    /**
     * Returns the exact encoded length: 8 + the message Length.
     *
     * @param message the message
     * @return the exact encoded length: 8 + the message Length
     */
    public static int encodedLength(WccpMessage message) {
        return message.encodedLength();
    }

    /**
     * Writes the message at {@code dst.position()}.
     *
     * @param message the message
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(WccpMessage message, ByteBuffer dst) {
        int length = message.encodedLength();
        Wire.requireRoom(dst, length);
        Writer w = new Writer(dst, dst.position());
        w.i32(message.type().value());
        w.u16(message.version());
        w.u16(length - WccpMessage.HEADER_LENGTH);
        for (WccpComponent c : message.components()) {
            w.u16(c.type());
            w.u16(c.length());
            component(w, c);
        }
        return length;
    }

    private static void component(Writer w, WccpComponent c) {
        if (c instanceof WccpComponent.SecurityInfo s) {
            w.u32(s.option());
            w.bytes(s.implementation());
        } else if (c instanceof WccpComponent.ServiceInfo s) {
            w.u8(s.serviceType());
            w.u8(s.serviceId());
            w.u8(s.priority());
            w.u8(s.protocol().value());
            w.i32(s.flags().bits());
            for (int port : s.ports()) {
                w.u16(port);
            }
        } else if (c instanceof WccpComponent.RouterIdentityInfo s) {
            routerIdentity(w, s.router());
            w.address(s.sentTo());
            addresses(w, s.receivedFrom());
        } else if (c instanceof WccpComponent.WebCacheIdentityInfo s) {
            webCacheIdentity(w, s.webCache());
        } else if (c instanceof WccpComponent.RouterViewInfo s) {
            w.u32(s.memberChangeNumber());
            assignmentKey(w, s.assignmentKey());
            addresses(w, s.routers());
            w.u32(s.webCaches().size());
            for (WccpWebCacheIdentity cache : s.webCaches()) {
                webCacheIdentity(w, cache);
            }
        } else if (c instanceof WccpComponent.WebCacheViewInfo s) {
            w.u32(s.changeNumber());
            w.u32(s.routers().size());
            for (WccpRouterIdentity router : s.routers()) {
                routerIdentity(w, router);
            }
            addresses(w, s.webCaches());
        } else if (c instanceof WccpComponent.AssignmentInfo s) {
            assignmentKey(w, s.assignmentKey());
            routerAssignments(w, s.routers());
            assignment(w, s.assignment());
        } else if (c instanceof WccpComponent.RouterQueryInfo s) {
            routerIdentity(w, s.router());
            w.address(s.sentTo());
            w.address(s.target());
        } else if (c instanceof WccpComponent.CapabilitiesInfo s) {
            for (WccpCapability capability : s.capabilities()) {
                capability(w, capability);
            }
        } else if (c instanceof WccpComponent.AlternateAssignment s) {
            w.u16(s.assignment().type());
            w.u16(s.assignmentLength());
            assignmentKey(w, s.assignmentKey());
            routerAssignments(w, s.routers());
            assignment(w, s.assignment());
        } else if (c instanceof WccpComponent.AssignmentMap s) {
            maskValueSetList(w, s.sets());
        } else if (c instanceof WccpComponent.CommandExtension s) {
            for (WccpCommand command : s.commands()) {
                command(w, command);
            }
        } else {
            w.bytes(((WccpComponent.UnknownComponent) c).body());
        }
    }

    private static void routerIdentity(Writer w, WccpRouterIdentity r) {
        w.address(r.address());
        w.u32(r.receiveId());
    }

    private static void assignmentKey(Writer w, WccpAssignmentKey key) {
        w.address(key.address());
        w.u32(key.changeNumber());
    }

    private static void routerAssignments(Writer w, List<WccpRouterAssignment> routers) {
        w.u32(routers.size());
        for (WccpRouterAssignment r : routers) {
            w.address(r.address());
            w.u32(r.receiveId());
            w.u32(r.changeNumber());
        }
    }

    private static void addresses(Writer w, List<Ipv4Address> addresses) {
        w.u32(addresses.size());
        for (Ipv4Address a : addresses) {
            w.address(a);
        }
    }

    private static void webCacheIdentity(Writer w, WccpWebCacheIdentity cache) {
        w.address(cache.address());
        w.u16(cache.hashRevision());
        w.u16(cache.flags().bits());
        WccpAssignmentData data = cache.assignmentData();
        if (data instanceof WccpAssignmentData.Hash h) {
            w.bytes(h.buckets());
            w.u16(h.weight());
            w.u16(h.status());
        } else if (data instanceof WccpAssignmentData.Mask m) {
            maskValueSetList(w, m.sets());
            w.u16(m.weight());
            w.u16(m.status());
        } else if (data instanceof WccpAssignmentData.Extended e) {
            w.u16(e.extendedType());
            w.u16(e.data().length());
            w.bytes(e.data());
        }
        // WccpAssignmentData.None: nothing follows.
    }

    private static void assignment(Writer w, WccpAssignment assignment) {
        if (assignment instanceof WccpAssignment.HashBuckets h) {
            addresses(w, h.webCaches());
            w.bytes(h.buckets());
        } else if (assignment instanceof WccpAssignment.MaskValueSets m) {
            maskValueSetList(w, m.sets());
        } else {
            w.bytes(((WccpAssignment.Unknown) assignment).body());
        }
    }

    private static void maskValueSetList(Writer w, List<WccpMaskValueSet> sets) {
        w.u32(sets.size());
        for (WccpMaskValueSet set : sets) {
            WccpMaskElement m = set.mask();
            w.i32(m.sourceAddressMask());
            w.i32(m.destinationAddressMask());
            w.u16(m.sourcePortMask());
            w.u16(m.destinationPortMask());
            w.u32(set.values().size());
            for (WccpValueElement v : set.values()) {
                w.address(v.sourceAddress());
                w.address(v.destinationAddress());
                w.u16(v.sourcePort());
                w.u16(v.destinationPort());
                w.address(v.webCache());
            }
        }
    }

    private static void capability(Writer w, WccpCapability c) {
        w.u16(c.type());
        w.u16(c.valueLength());
        if (c instanceof WccpCapability.ForwardingMethod f) {
            w.i32(f.methods());
        } else if (c instanceof WccpCapability.AssignmentMethod a) {
            w.i32(a.methods());
        } else if (c instanceof WccpCapability.PacketReturnMethod p) {
            w.i32(p.methods());
        } else if (c instanceof WccpCapability.TransmitT t) {
            w.u16(t.upper());
            w.u16(t.lower());
        } else if (c instanceof WccpCapability.TimerScale t) {
            w.u8(t.timeoutUpper());
            w.u8(t.timeoutLower());
            w.u8(t.raTimerUpper());
            w.u8(t.raTimerLower());
        } else {
            w.bytes(((WccpCapability.Unknown) c).value());
        }
    }

    private static void command(Writer w, WccpCommand c) {
        w.u16(c.type());
        w.u16(c.dataLength());
        if (c instanceof WccpCommand.Shutdown s) {
            w.address(s.webCache());
        } else if (c instanceof WccpCommand.ShutdownResponse s) {
            w.address(s.webCache());
        } else {
            w.bytes(((WccpCommand.Unknown) c).data());
        }
    }

    /** A write cursor; absolute puts, the buffer's position never moves. */
    private static final class Writer {
        private final ByteBuffer dst;
        private int pos;

        Writer(ByteBuffer dst, int pos) {
            this.dst = dst;
            this.pos = pos;
        }

        void u8(int v) {
            Wire.put8(dst, pos++, v);
        }

        void u16(int v) {
            Wire.put16(dst, pos, v);
            pos += 2;
        }

        void i32(int v) {
            Wire.put32(dst, pos, v);
            pos += 4;
        }

        void u32(long v) {
            Wire.put32(dst, pos, v);
            pos += 4;
        }

        void address(Ipv4Address a) {
            a.write(dst, pos);
            pos += 4;
        }

        void bytes(ByteString b) {
            pos += b.writeTo(dst, pos);
        }
    }
}
