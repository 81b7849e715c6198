package org.tunnelcodec.gre.wccp.control;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes WCCP version 2 control messages, the UDP/2048 payload ([W01] 5, [R1] 4-6). Follows
 * the decoder contract of {@link org.tunnelcodec.core}: the header is the whole message,
 * {@code 8 + Length} octets, and the payload is empty (octets after the message in the
 * datagram are not part of it, [R1] 4.1).
 *
 * <h2>Receiver checks</h2>
 * <ul>
 *   <li>at least 8 octets and {@code 8 + Length} octets present: else {@code TRUNCATED};</li>
 *   <li>Type 7-9 (WCCP v1, {@link WccpV1MessageDecoder}) or a major version other than 2
 *       ([R1] 3.4: such a message is ignored): {@code UNSUPPORTED_VERSION}; any minor version
 *       and any other Type are decoded;</li>
 *   <li>every component header and body inside the message Length: else {@code TRUNCATED}
 *       with {@code boundedBy} "wccp-control Length";</li>
 *   <li>inside a component, every field of the drafts within the component Length: else
 *       {@code TRUNCATED} with {@code boundedBy} "wccp-control Component Length";</li>
 *   <li>the fields using the component Length up exactly, and the fixed sizes: else
 *       {@code BAD_LENGTH}, carrying the Length. Fixed sizes: Security Info 4 (none) or 20
 *       (MD5), Service Info 24, Router Query Info 16; the defined capability types and the
 *       SHUTDOWN commands have 4-octet values; an Alternate Assignment's Assignment Length
 *       equals its Length minus 4;</li>
 *   <li>a count that promises more elements than the Length can hold: {@code BAD_LENGTH};
 *       one within the Length but above its cap: {@code LIMIT_EXCEEDED}.</li>
 * </ul>
 * A component Length need not be a multiple of 4 ([R1] 4.1 says it is, but names no action):
 * all components built from defined elements are, and an odd one (an unknown component or
 * element of odd size) decodes, and encodes back, unchanged. Unknown component types,
 * capability types and command types, reserved flag bits and non-zero reserved fields are
 * kept. Semantic rules (required components per message type, Receive ID non-zero, bucket
 * index below the number of caches, Address Table indexes) are left to the caller.
 *
 * <h2>Caps</h2>
 * {@value #MAX_COMPONENTS} components per message; {@value #MAX_ROUTERS} routers and
 * {@value #MAX_WEB_CACHES} web-caches per list (a service group has at most 32 of each: the
 * bucket octet's cache index is 0-31, [V1] allows 32 caches, and Cisco documents 32 routers
 * and 32 caches per group); {@value #MAX_MASK_VALUE_SETS} Mask/Value Set Elements per
 * list; {@value #MAX_VALUE_ELEMENTS} Value Elements per set; {@value #MAX_ELEMENTS}
 * capability or command elements per component. Every list is walked iteratively within the
 * enclosing Length, whose 16 bits bound the work of a decode; nothing is allocated from a
 * count before the count has been checked against the octets that are left.
 */
public final class WccpMessageDecoder {
    /** The cap on components per message. */
    public static final int MAX_COMPONENTS = 64;
    /** The cap on routers per list: a service group has at most 32 routers (Cisco's limit). */
    public static final int MAX_ROUTERS = 32;
    /** The cap on web-caches per list: bucket octets index at most 32 caches (0-31). */
    public static final int MAX_WEB_CACHES = 32;
    /** The cap on Mask/Value Set Elements per Mask/Value Set List. */
    public static final int MAX_MASK_VALUE_SETS = 64;
    /** The cap on Value Elements per Mask/Value Set Element. */
    public static final int MAX_VALUE_ELEMENTS = WccpMaskValueSet.MAX_VALUES;
    /** The cap on Capability Elements or Command Elements per component. */
    public static final int MAX_ELEMENTS = 64;

    private static final String PROTOCOL = WccpMessage.PROTOCOL;

    private WccpMessageDecoder() {
    }

    /**
     * Decodes the message at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the message, its length ({@code 8 + Length}) and an empty payload after it
     * @throws MalformedPacketException if the bytes are not a valid WCCP v2 message
     */
    public static Decoded<WccpMessage> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the message at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the message, its length ({@code 8 + Length}) and an empty payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid WCCP v2 message
     */
    public static Decoded<WccpMessage> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int end = checkedEnd(src, index, limit);
        WccpMessageType type = WccpMessageType.of(Wire.i32(src, index));
        int version = Wire.u16(src, index + WccpControlLayout.VERSION_OFFSET);
        Reader r = new Reader(src, index, index + WccpMessage.HEADER_LENGTH, end);
        List<WccpComponent> components = new ArrayList<>();
        while (r.pos < end) {
            if (components.size() == MAX_COMPONENTS) {
                throw limit("Type", r.pos - index, "more than " + MAX_COMPONENTS + " components");
            }
            int at = r.pos;
            if (end - at < WccpControlLayout.COMPONENT_HEADER) {
                throw MalformedPacketException.truncated(PROTOCOL, "Type", at - index, WccpControlLayout.COMPONENT_HEADER,
                        end - at, WccpControlLayout.MESSAGE_LENGTH);
            }
            int componentType = r.u16();
            int componentLength = r.u16();
            if (componentLength > end - r.pos) {
                throw WccpControlLayout.componentPastMessage(componentType, r.pos - index, componentLength, end - r.pos);
            }
            r.limit = r.pos + componentLength;
            components.add(component(r, componentType, componentLength));
            if (r.pos != r.limit) {
                throw MalformedPacketException.invalid(PROTOCOL, "Length", at + 2 - index, Reason.BAD_LENGTH,
                        componentLength, (componentLength - (r.limit - r.pos)) + ", the octets of the fields of "
                                + WccpComponentType.nameOf(componentType));
            }
            r.limit = end;
        }
        WccpMessage message = new WccpMessage(type, version, components);
        return Decoded.of(message, end - index, src, end, 0);
    }

    /**
     * Checks the header of the message at {@code index} and that all {@code 8 + Length}
     * octets are there, without allocating.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @return the message's length, {@code 8 + Length}
     * @throws MalformedPacketException ({@code TRUNCATED}, {@code UNSUPPORTED_VERSION}) as {@link #decode} does
     */
    public static int checkedLength(ByteBuffer src, int index) {
        Objects.checkFromToIndex(index, src.limit(), src.limit());
        return checkedEnd(src, index, src.limit()) - index;
    }

    /**
     * Peeks at the Length field without further checks.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @return the octets after the 8-octet header, as the field says
     * @throws MalformedPacketException ({@code TRUNCATED}) if the 8-octet header is not all
     *     there: the error {@link #decode} throws for the same bytes
     */
    public static int length(ByteBuffer src, int index) {
        Wire.require(PROTOCOL, "Type", index, index, WccpMessage.HEADER_LENGTH, src.limit()); // as checkedEnd
        return Wire.u16(src, index + WccpControlLayout.LENGTH_OFFSET);
    }

    private static int checkedEnd(ByteBuffer src, int index, int limit) {
        Wire.require(PROTOCOL, "Type", index, index, WccpMessage.HEADER_LENGTH, limit);
        int type = Wire.i32(src, index);
        if (type >= 7 && type <= 9) {
            throw MalformedPacketException.invalid(PROTOCOL, "Type", 0, Reason.UNSUPPORTED_VERSION, type,
                    "a v2 Type, not 7 to 9, which are v1, for WccpV1MessageDecoder");
        }
        int version = Wire.u16(src, index + WccpControlLayout.VERSION_OFFSET);
        if (version >>> 8 != 2) {
            throw badVersion(version);
        }
        int length = Wire.u16(src, index + WccpControlLayout.LENGTH_OFFSET);
        if ((long) limit - index < WccpMessage.HEADER_LENGTH + length) {
            throw MalformedPacketException.truncated(PROTOCOL, "Length", 0, WccpMessage.HEADER_LENGTH + length,
                    limit - index);
        }
        return index + WccpMessage.HEADER_LENGTH + length;
    }

    private static WccpComponent component(Reader r, int type, int length) {
        WccpComponentType kind = WccpComponentType.of(type);
        if (kind == null || !kind.hasRecord()) {
            return new WccpComponent.UnknownComponent(type, r.bytes(length));
        }
        return switch (kind) {
            case SECURITY_INFO -> securityInfo(r, length);
            case SERVICE_INFO -> serviceInfo(r, length);
            case ROUTER_IDENTITY_INFO -> routerIdentityInfo(r);
            case WEB_CACHE_IDENTITY_INFO -> new WccpComponent.WebCacheIdentityInfo(webCacheIdentity(r));
            case ROUTER_VIEW_INFO -> routerViewInfo(r);
            case WEB_CACHE_VIEW_INFO -> webCacheViewInfo(r);
            case ASSIGNMENT_INFO -> assignmentInfo(r);
            case ROUTER_QUERY_INFO -> routerQueryInfo(r, length);
            case CAPABILITIES_INFO -> capabilitiesInfo(r);
            case ALTERNATE_ASSIGNMENT -> alternateAssignment(r);
            case ASSIGNMENT_MAP -> new WccpComponent.AssignmentMap(maskValueSetList(r));
            case COMMAND_EXTENSION -> commandExtension(r);
            case ALTERNATE_ASSIGNMENT_MAP, ADDRESS_TABLE ->
                    throw new IllegalStateException(kind + " has no record, yet reached the record dispatch");
        };
    }

    // [W01] 5.6.1, [R1] 5.1.1: Length 4 with option none, 20 with MD5.
    private static WccpComponent.SecurityInfo securityInfo(Reader r, int length) {
        int lengthField = r.pos - 2 - r.base;
        r.need("Security Option", 4);
        long option = r.u32();
        int rest = length - 4;
        if (option == WccpComponent.SecurityInfo.NONE && rest != 0
                || option == WccpComponent.SecurityInfo.MD5 && rest != WccpComponent.SecurityInfo.DIGEST_LENGTH) {
            throw badComponentLength(lengthField, "Security Info", length,
                    option == WccpComponent.SecurityInfo.NONE ? "4 with Security Option none" : "20 with Security Option MD5");
        }
        return new WccpComponent.SecurityInfo(option, r.bytes(rest));
    }

    // [W01] 5.6.2, [R1] 5.1.2: Length 24.
    private static WccpComponent.ServiceInfo serviceInfo(Reader r, int length) {
        if (length != WccpComponent.ServiceInfo.LENGTH) {
            throw badComponentLength(r.pos - 2 - r.base, "Service Info", length, "24");
        }
        int serviceType = r.u8();
        int serviceId = r.u8();
        int priority = r.u8();
        IpProtocol protocol = IpProtocol.of(r.u8());
        WccpServiceFlags flags = WccpServiceFlags.of(r.i32());
        Integer[] ports = new Integer[WccpComponent.ServiceInfo.PORT_COUNT];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = r.u16();
        }
        return new WccpComponent.ServiceInfo(serviceType, serviceId, priority, protocol, flags, List.of(ports));
    }

    // [W01] 5.6.3, [R1] 5.3.1.
    private static WccpComponent.RouterIdentityInfo routerIdentityInfo(Reader r) {
        r.need("Router Identity Element", 8);
        WccpRouterIdentity router = new WccpRouterIdentity(r.address(), r.u32());
        r.need("Sent To IP Address", 4);
        Ipv4Address sentTo = r.address();
        List<Ipv4Address> receivedFrom = addresses(r, "Number Received From", MAX_WEB_CACHES);
        return new WccpComponent.RouterIdentityInfo(router, sentTo, receivedFrom);
    }

    // [W01] 5.7.2, [W03], [R1] 6.4; the type bits select the assignment data.
    private static WccpWebCacheIdentity webCacheIdentity(Reader r) {
        r.need("Web-Cache Identity Element", WccpWebCacheIdentity.FIXED_LENGTH);
        Ipv4Address address = r.address();
        int hashRevision = r.u16();
        WccpWebCacheFlags flags = WccpWebCacheFlags.of(r.u16());
        WccpAssignmentData data;
        switch (flags.assignmentType()) {
            case WccpWebCacheFlags.TYPE_HASH:
                r.need("Hash Assignment Data", WccpAssignmentData.Hash.LENGTH);
                data = new WccpAssignmentData.Hash(r.bytes(WccpBuckets.VECTOR_LENGTH), r.u16(), r.u16());
                break;
            case WccpWebCacheFlags.TYPE_MASK_ASSIGNMENT:
                List<WccpMaskValueSet> sets = maskValueSetList(r);
                r.need("Assignment Weight", 4);
                data = new WccpAssignmentData.Mask(sets, r.u16(), r.u16());
                break;
            case WccpWebCacheFlags.TYPE_NONE:
                data = WccpAssignmentData.None.INSTANCE;
                break;
            default:
                r.need("Extended Assignment Data", 4);
                int extendedType = r.u16();
                int extendedLength = r.u16();
                r.need("Extended Assignment Data", extendedLength);
                data = new WccpAssignmentData.Extended(extendedType, r.bytes(extendedLength));
                break;
        }
        return new WccpWebCacheIdentity(address, hashRevision, flags, data);
    }

    // [W01] 5.6.5, [R1] 5.3.2.
    private static WccpComponent.RouterViewInfo routerViewInfo(Reader r) {
        r.need("Member Change Number", 4);
        long memberChangeNumber = r.u32();
        WccpAssignmentKey key = assignmentKey(r);
        List<Ipv4Address> routers = addresses(r, "Number of Routers", MAX_ROUTERS);
        int m = count(r, "Number of Web-Caches", WccpWebCacheIdentity.FIXED_LENGTH, MAX_WEB_CACHES);
        List<WccpWebCacheIdentity> caches = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            caches.add(webCacheIdentity(r));
        }
        return new WccpComponent.RouterViewInfo(memberChangeNumber, key, routers, caches);
    }

    // [W01] 5.6.6, [R1] 5.2.2.
    private static WccpComponent.WebCacheViewInfo webCacheViewInfo(Reader r) {
        r.need("Change Number", 4);
        long changeNumber = r.u32();
        int n = count(r, "Number of Routers", 8, MAX_ROUTERS);
        List<WccpRouterIdentity> routers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            routers.add(new WccpRouterIdentity(r.address(), r.u32()));
        }
        List<Ipv4Address> caches = addresses(r, "Number of Web-Caches", MAX_WEB_CACHES);
        return new WccpComponent.WebCacheViewInfo(changeNumber, routers, caches);
    }

    // [W01] 5.6.7, [R1] 5.4.1.
    private static WccpComponent.AssignmentInfo assignmentInfo(Reader r) {
        WccpAssignmentKey key = assignmentKey(r);
        List<WccpRouterAssignment> routers = routerAssignments(r);
        return new WccpComponent.AssignmentInfo(key, routers, hashBuckets(r));
    }

    // [W01] 5.6.8, [R1] 5.5.1: Length 16.
    private static WccpComponent.RouterQueryInfo routerQueryInfo(Reader r, int length) {
        if (length != WccpComponent.RouterQueryInfo.LENGTH) {
            throw badComponentLength(r.pos - 2 - r.base, "Router Query Info", length, "16");
        }
        WccpRouterIdentity router = new WccpRouterIdentity(r.address(), r.u32());
        return new WccpComponent.RouterQueryInfo(router, r.address(), r.address());
    }

    // [W01] 5.6.9 and 5.7.5, [R1] 5.1.3 and 6.11.
    private static WccpComponent.CapabilitiesInfo capabilitiesInfo(Reader r) {
        List<WccpCapability> capabilities = new ArrayList<>();
        while (r.pos < r.limit) {
            if (capabilities.size() == MAX_ELEMENTS) {
                throw limit("Capability Type", r.pos - r.base, "more than " + MAX_ELEMENTS + " capability elements");
            }
            r.need("Capability Type", 4);
            int type = r.u16();
            int length = r.u16();
            r.need("Capability Value", length);
            if (type >= WccpCapability.FORWARDING_METHOD && type <= WccpCapability.TIMER_SCALE) {
                if (length != 4) {
                    throw MalformedPacketException.invalid(PROTOCOL, "Capability Length", r.pos - 2 - r.base,
                            Reason.BAD_LENGTH, length, "4 for capability type " + type);
                }
                capabilities.add(capability(type, r.i32()));
            } else {
                capabilities.add(new WccpCapability.Unknown(type, r.bytes(length)));
            }
        }
        return new WccpComponent.CapabilitiesInfo(capabilities);
    }

    private static WccpCapability capability(int type, int value) {
        switch (type) {
            case WccpCapability.FORWARDING_METHOD:
                return new WccpCapability.ForwardingMethod(value);
            case WccpCapability.ASSIGNMENT_METHOD:
                return new WccpCapability.AssignmentMethod(value);
            case WccpCapability.PACKET_RETURN_METHOD:
                return new WccpCapability.PacketReturnMethod(value);
            case WccpCapability.TRANSMIT_T:
                return new WccpCapability.TransmitT(value >>> 16, value & 0xFFFF);
            default:
                return new WccpCapability.TimerScale(value >>> 24, value >>> 16 & 0xFF, value >>> 8 & 0xFF, value & 0xFF);
        }
    }

    // [W01] 5.6.10, [R1] 5.4.2.
    private static WccpComponent.AlternateAssignment alternateAssignment(Reader r) {
        r.need("Assignment Type", 4);
        int assignmentType = r.u16();
        int assignmentLength = r.u16();
        if (assignmentLength != r.limit - r.pos) {
            throw MalformedPacketException.invalid(PROTOCOL, "Assignment Length", r.pos - 2 - r.base, Reason.BAD_LENGTH,
                    assignmentLength, (r.limit - r.pos) + ", the component Length minus 4");
        }
        WccpAssignmentKey key = assignmentKey(r);
        List<WccpRouterAssignment> routers = routerAssignments(r);
        WccpAssignment assignment;
        switch (assignmentType) {
            case WccpAssignment.TYPE_HASH:
                assignment = hashBuckets(r);
                break;
            case WccpAssignment.TYPE_MASK:
                assignment = new WccpAssignment.MaskValueSets(maskValueSetList(r));
                break;
            default:
                assignment = new WccpAssignment.Unknown(assignmentType, r.bytes(r.limit - r.pos));
                break;
        }
        return new WccpComponent.AlternateAssignment(key, routers, assignment);
    }

    // [W01] 5.6.12, [R1] 5.1.4 and 6.12.
    private static WccpComponent.CommandExtension commandExtension(Reader r) {
        List<WccpCommand> commands = new ArrayList<>();
        while (r.pos < r.limit) {
            if (commands.size() == MAX_ELEMENTS) {
                throw limit("Command Type", r.pos - r.base, "more than " + MAX_ELEMENTS + " command elements");
            }
            r.need("Command Type", 4);
            int type = r.u16();
            int length = r.u16();
            r.need("Command Data", length);
            if (type == WccpCommand.SHUTDOWN || type == WccpCommand.SHUTDOWN_RESPONSE) {
                if (length != 4) {
                    throw MalformedPacketException.invalid(PROTOCOL, "Command Length", r.pos - 2 - r.base,
                            Reason.BAD_LENGTH, length, "4 for command type " + type);
                }
                Ipv4Address cache = r.address();
                commands.add(type == WccpCommand.SHUTDOWN ? new WccpCommand.Shutdown(cache)
                        : new WccpCommand.ShutdownResponse(cache));
            } else {
                commands.add(new WccpCommand.Unknown(type, r.bytes(length)));
            }
        }
        return new WccpComponent.CommandExtension(commands);
    }

    // [W01] 5.7.4, [R1] 6.3.
    private static WccpAssignmentKey assignmentKey(Reader r) {
        r.need("Assignment Key Element", 8);
        return new WccpAssignmentKey(r.address(), r.u32());
    }

    // n x Router Assignment Element ([R1] 6.2) after "Number of Routers".
    private static List<WccpRouterAssignment> routerAssignments(Reader r) {
        int n = count(r, "Number of Routers", 12, MAX_ROUTERS);
        List<WccpRouterAssignment> routers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            routers.add(new WccpRouterAssignment(r.address(), r.u32(), r.u32()));
        }
        return routers;
    }

    // Hash Buckets Assignment Element ([W01] 5.7.5, [R1] 6.5).
    private static WccpAssignment.HashBuckets hashBuckets(Reader r) {
        List<Ipv4Address> caches = addresses(r, "Number of Web-Caches", MAX_WEB_CACHES);
        r.need("Buckets", WccpBuckets.COUNT);
        return new WccpAssignment.HashBuckets(caches, r.bytes(WccpBuckets.COUNT));
    }

    // Mask/Value Set List ([W01] 5.7.6, [R1] 6.13-6.16).
    private static List<WccpMaskValueSet> maskValueSetList(Reader r) {
        int n = count(r, "Number of Elements", WccpMaskElement.LENGTH + 4, MAX_MASK_VALUE_SETS);
        List<WccpMaskValueSet> sets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            r.need("Mask Element", WccpMaskElement.LENGTH);
            WccpMaskElement mask = new WccpMaskElement(r.i32(), r.i32(), r.u16(), r.u16());
            int m = count(r, "Number of Value Elements", WccpValueElement.LENGTH, MAX_VALUE_ELEMENTS);
            List<WccpValueElement> values = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                values.add(new WccpValueElement(r.address(), r.address(), r.u16(), r.u16(), r.address()));
            }
            sets.add(new WccpMaskValueSet(mask, values));
        }
        return sets;
    }

    private static List<Ipv4Address> addresses(Reader r, String countField, int cap) {
        int n = count(r, countField, 4, cap);
        List<Ipv4Address> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(r.address());
        }
        return list;
    }

    /**
     * Reads a 32-bit count of elements of at least {@code elementLength} octets; checks it
     * against the octets left in the component ({@code BAD_LENGTH}) and then the cap
     * ({@code LIMIT_EXCEEDED}), so that nothing is allocated from a lying count.
     */
    private static int count(Reader r, String field, int elementLength, int cap) {
        r.need(field, 4);
        int at = r.pos;
        long n = r.u32();
        if (n * elementLength > r.limit - r.pos) {
            throw MalformedPacketException.invalid(PROTOCOL, field, at - r.base, Reason.BAD_LENGTH, n,
                    "at most " + (r.limit - r.pos) / elementLength + " elements of at least " + elementLength
                            + " octets in the rest of the component Length");
        }
        if (n > cap) {
            throw MalformedPacketException.invalid(PROTOCOL, field, at - r.base, Reason.LIMIT_EXCEEDED, n,
                    "at most " + cap);
        }
        return (int) n;
    }

    private static MalformedPacketException badVersion(int version) {
        return MalformedPacketException.invalid(PROTOCOL, "Version", WccpControlLayout.VERSION_OFFSET,
                Reason.UNSUPPORTED_VERSION, version, "major version 2, 0x0200 to 0x02ff");
    }

    private static MalformedPacketException badComponentLength(int offset, String component, int length,
                                                               String expected) {
        return MalformedPacketException.invalid(PROTOCOL, "Length", offset, Reason.BAD_LENGTH, length,
                expected + " for " + component);
    }

    private static MalformedPacketException limit(String field, int offset, String detail) {
        return MalformedPacketException.invalid(PROTOCOL, field, offset, Reason.LIMIT_EXCEEDED, detail);
    }

    /** A read cursor over one message; {@code limit} is the end of the current component. */
    private static final class Reader {
        final ByteBuffer src;
        final int base;
        int pos;
        int limit;

        Reader(ByteBuffer src, int base, int pos, int limit) {
            this.src = src;
            this.base = base;
            this.pos = pos;
            this.limit = limit;
        }

        /**
         * @throws MalformedPacketException ({@code TRUNCATED}, bounded by the component Length)
         *     unless {@code n} octets are left
         */
        void need(String field, int n) {
            if (n > limit - pos) {
                throw MalformedPacketException.truncated(PROTOCOL, field, pos - base, n, limit - pos,
                        WccpControlLayout.COMPONENT_LENGTH);
            }
        }

        int u8() {
            return Wire.u8(src, pos++);
        }

        int u16() {
            int v = Wire.u16(src, pos);
            pos += 2;
            return v;
        }

        int i32() {
            int v = Wire.i32(src, pos);
            pos += 4;
            return v;
        }

        long u32() {
            return Integer.toUnsignedLong(i32());
        }

        Ipv4Address address() {
            return Ipv4Address.of(i32());
        }

        ByteString bytes(int n) {
            ByteString b = ByteString.copyOf(src, pos, n);
            pos += n;
            return b;
        }
    }
}
