package org.tunnelcodec.gre.wccp.control;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * A component (information element) of a WCCP v2 message: a TLV of a 16-bit Type, a 16-bit
 * Length counting the octets after these four, and a body ([W01] 5.6, [R1] 4.1 and 5).
 *
 * <pre>
 *  +--------------------+--------------------+
 *  | Type (16)          | Length (16)        |
 *  +--------------------+--------------------+
 *  | body (Length octets)                    |
 *  +-----------------------------------------+
 * </pre>
 *
 * <p>One record per component this library decodes ({@link WccpComponentType} lists them);
 * {@link UnknownComponent} keeps any other type (including the WCCP 2.01 Alternate Assignment
 * Map, 16, and Address Table, 17) raw.
 * The Length is derived from the record ({@link #length()}); every record refuses contents
 * that would not fit the 16-bit Length.
 */
public sealed interface WccpComponent {
    /**
     * Returns the component Type, 0..65535.
     *
     * @return the component Type, 0..65535
     */
    int type();

    /**
     * Returns the component Length: the octets of the body, 0..65535.
     *
     * @return the component Length: the octets of the body, 0..65535
     */
    int length();

    /**
     * Security Info, type 0 ([W01] 5.6.1, [R1] 5.1.1).
     *
     * <pre>
     *  | Type = 0 | Length = 4 or 20 | Security Option (32) | Security Implementation (16 octets, MD5 only) |
     * </pre>
     *
     * <p>Option 0 (none) has no implementation octets (Length 4) and option 1 (MD5) a 16-octet
     * digest (Length 20); any other option keeps whatever octets follow it, raw.
     *
     * @param option         the Security Option, 0..2^32-1
     * @param implementation the Security Implementation: empty for none, the MD5 digest for MD5
     */
    record SecurityInfo(long option, ByteString implementation) implements WccpComponent {
        /** Security Option 0, WCCP2_NO_SECURITY. */
        public static final long NONE = 0;
        /** Security Option 1, WCCP2_MD5_SECURITY. */
        public static final long MD5 = 1;
        /** The octets of an MD5 digest. */
        public static final int DIGEST_LENGTH = 16;

        private static final ByteString ZERO_DIGEST = ByteString.of(new byte[DIGEST_LENGTH]);

        /**
         * Checks the components.
         *
         * @param option the Security Option, 0..2^32-1
         * @param implementation the Security Implementation: empty for none, the MD5 digest for MD5
         */
        public SecurityInfo {
            Check.inRange("option", option, 0, 0xFFFF_FFFFL);
            Objects.requireNonNull(implementation, "implementation");
            if (option == NONE) {
                Check.argument(implementation.isEmpty(), "implementation.length()", implementation.length(),
                        "0 with Security Option none");
            } else if (option == MD5) {
                Check.argument(implementation.length() == DIGEST_LENGTH, "implementation.length()",
                        implementation.length(), "16 with Security Option MD5");
            } else {
                Check.inRange("implementation.length()", implementation.length(), 0, 0xFFFF - 4);
            }
        }

        /**
         * Returns Security Info with option none.
         *
         * @return Security Info with option none
         */
        public static SecurityInfo none() {
            return new SecurityInfo(NONE, ByteString.EMPTY);
        }

        /**
         * Returns Security Info with option MD5 and an all-zero digest, to be filled by {@link
         * WccpSecurity#sign} after encoding.
         *
         * @return Security Info with option MD5 and an all-zero digest, to be filled by
         *     {@link WccpSecurity#sign} after encoding
         */
        public static SecurityInfo md5() {
            return new SecurityInfo(MD5, ZERO_DIGEST);
        }

        /**
         * Returns Security Info with option MD5 and this digest.
         *
         * @param digest the 16-octet digest
         * @return Security Info with option MD5 and this digest
         */
        public static SecurityInfo md5(ByteString digest) {
            return new SecurityInfo(MD5, digest);
        }

        /**
         * Returns whether the option is MD5.
         *
         * @return whether the option is MD5
         */
        public boolean isMd5() {
            return option == MD5;
        }

        @Override
        public int type() {
            return WccpComponentType.SECURITY_INFO.code();
        }

        @Override
        public int length() {
            return 4 + implementation.length();
        }
    }

    /**
     * Service Info, type 1 ([W01] 5.6.2, [R1] 5.1.2), Length 24.
     *
     * <pre>
     *  | Service Type (8) | Service ID (8) | Priority (8) | Protocol (8) |
     *  | Service Flags (32)                                             |
     *  | Port 0 (16) | Port 1 (16) | ... | Port 7 (16)                   |
     * </pre>
     *
     * <p>A well-known service has Service Type 0, only its Service ID meaningful and every
     * other field 0 ([W01] "must", [R1] "should"); the decoder keeps whatever is there.
     *
     * @param serviceType the Service Type: 0 standard (well-known), 1 dynamic; any 0..255 kept
     * @param serviceId   the Service ID, 0..255 (standard 0 = HTTP)
     * @param priority    the Priority, 0..255
     * @param protocol    the IP Protocol (0 = all protocols)
     * @param flags       the Service Flags
     * @param ports       exactly 8 Port fields, each 0..65535; the list ends at the first 0
     */
    record ServiceInfo(int serviceType, int serviceId, int priority, IpProtocol protocol, WccpServiceFlags flags,
                       List<Integer> ports) implements WccpComponent {
        /** Service Type 0, a standard (well-known) service. */
        public static final int STANDARD = 0;
        /** Service Type 1, a dynamic service. */
        public static final int DYNAMIC = 1;
        /** The number of Port fields. */
        public static final int PORT_COUNT = 8;
        /** The component Length. */
        public static final int LENGTH = 24;

        /**
         * Checks the components and copies the list.
         *
         * @param serviceType the Service Type: 0 standard (well-known), 1 dynamic; any 0..255 kept
         * @param serviceId the Service ID, 0..255 (standard 0 = HTTP)
         * @param priority the Priority, 0..255
         * @param protocol the IP Protocol (0 = all protocols)
         * @param flags the Service Flags
         * @param ports exactly 8 Port fields, each 0..65535; the list ends at the first 0
         */
        public ServiceInfo {
            Check.inRange("serviceType", serviceType, 0, 0xFF);
            Check.inRange("serviceId", serviceId, 0, 0xFF);
            Check.inRange("priority", priority, 0, 0xFF);
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(flags, "flags");
            ports = List.copyOf(ports);
            Check.argument(ports.size() == PORT_COUNT, "ports.size()", ports.size(), "8");
            for (Integer p : ports) {
                Check.inRange("port", p, 0, 0xFFFF);
            }
        }

        /**
         * Returns a standard service, every other field 0.
         *
         * @param serviceId the well-known Service ID (0 = HTTP)
         * @return a standard service, every other field 0
         */
        public static ServiceInfo standard(int serviceId) {
            return new ServiceInfo(STANDARD, serviceId, 0, IpProtocol.HOPOPT, WccpServiceFlags.NONE,
                    List.of(0, 0, 0, 0, 0, 0, 0, 0));
        }

        /**
         * A dynamic service; the ports fill the Port fields from the first, the rest are 0.
         *
         * @param serviceId the Service ID, 0..255
         * @param priority  the Priority, 0..255
         * @param protocol  the IP protocol
         * @param flags     the Service Flags
         * @param ports     at most 8 ports, each 1..65535
         * @return the Service Info
         */
        public static ServiceInfo dynamic(int serviceId, int priority, IpProtocol protocol, WccpServiceFlags flags,
                                          int... ports) {
            Check.inRange("ports.length", ports.length, 0, PORT_COUNT);
            Integer[] all = new Integer[PORT_COUNT];
            Arrays.fill(all, 0);
            for (int i = 0; i < ports.length; i++) {
                all[i] = Check.inRange("port", ports[i], 1, 0xFFFF);
            }
            return new ServiceInfo(DYNAMIC, serviceId, priority, protocol, flags, Arrays.asList(all));
        }

        /**
         * Returns whether the Service Type is standard (well-known).
         *
         * @return whether the Service Type is standard (well-known)
         */
        public boolean isStandard() {
            return serviceType == STANDARD;
        }

        /**
         * Returns the ports before the first 0 Port field.
         *
         * @return the ports before the first 0 Port field
         */
        public List<Integer> definedPorts() {
            int n = ports.indexOf(0);
            return n < 0 ? ports : ports.subList(0, n);
        }

        @Override
        public int type() {
            return WccpComponentType.SERVICE_INFO.code();
        }

        @Override
        public int length() {
            return LENGTH;
        }
    }

    /**
     * Router Identity Info, type 2 ([W01] 5.6.3, [R1] 5.3.1).
     *
     * <pre>
     *  | Router Identity Element (64)           |
     *  | Sent To IP Address (address element)   |
     *  | Number Received From n (32)            |
     *  | Received From IP Address 0..n-1 (32)   |
     * </pre>
     *
     * @param router       the router's identity and Receive ID
     * @param sentTo       where the cache sent the HERE_I_AM being answered (a multicast group if multicast)
     * @param receivedFrom the caches this I_SEE_YOU is aimed at, at most {@value WccpMessageDecoder#MAX_WEB_CACHES}
     */
    record RouterIdentityInfo(WccpRouterIdentity router, Ipv4Address sentTo, List<Ipv4Address> receivedFrom)
            implements WccpComponent {
        /**
         * Checks the components and copies the list.
         *
         * @param router the router's identity and Receive ID
         * @param sentTo where the cache sent the HERE_I_AM being answered (a multicast group if multicast)
         * @param receivedFrom the caches this I_SEE_YOU is aimed at, at most {@value WccpMessageDecoder#MAX_WEB_CACHES}
         */
        public RouterIdentityInfo {
            Objects.requireNonNull(router, "router");
            Objects.requireNonNull(sentTo, "sentTo");
            receivedFrom = List.copyOf(receivedFrom);
            Check.inRange("receivedFrom.size()", receivedFrom.size(), 0, WccpMessageDecoder.MAX_WEB_CACHES);
        }

        @Override
        public int type() {
            return WccpComponentType.ROUTER_IDENTITY_INFO.code();
        }

        @Override
        public int length() {
            return 16 + 4 * receivedFrom.size();
        }
    }

    /**
     * Web-Cache Identity Info, type 3 ([W01] 5.6.4, [R1] 5.2.1): one Web-Cache Identity Element.
     *
     * @param webCache the element
     */
    record WebCacheIdentityInfo(WccpWebCacheIdentity webCache) implements WccpComponent {
        /**
         * Checks the component.
         *
         * @param webCache the element
         */
        public WebCacheIdentityInfo {
            Objects.requireNonNull(webCache, "webCache");
            WccpControlLayout.checkComponentLength("webCache", webCache.encodedLength());
        }

        @Override
        public int type() {
            return WccpComponentType.WEB_CACHE_IDENTITY_INFO.code();
        }

        @Override
        public int length() {
            return webCache.encodedLength();
        }
    }

    /**
     * Router View Info, type 4 ([W01] 5.6.5, [R1] 5.3.2).
     *
     * <pre>
     *  | Member Change Number (32)                         |
     *  | Assignment Key Element (64)                       |
     *  | Number of Routers n (32) | n router address elements |
     *  | Number of Web-Caches m (32) | m Web-Cache Identity Elements (variable) |
     * </pre>
     *
     * @param memberChangeNumber the Member Change Number, 0..2^32-1
     * @param assignmentKey      the Assignment Key Element
     * @param routers            the routers' address elements, at most {@value WccpMessageDecoder#MAX_ROUTERS}
     * @param webCaches          the caches, at most {@value WccpMessageDecoder#MAX_WEB_CACHES}
     */
    record RouterViewInfo(long memberChangeNumber, WccpAssignmentKey assignmentKey, List<Ipv4Address> routers,
                          List<WccpWebCacheIdentity> webCaches) implements WccpComponent {
        /**
         * Checks the components and copies the lists.
         *
         * @param memberChangeNumber the Member Change Number, 0..2^32-1
         * @param assignmentKey the Assignment Key Element
         * @param routers the routers' address elements, at most {@value WccpMessageDecoder#MAX_ROUTERS}
         * @param webCaches the caches, at most {@value WccpMessageDecoder#MAX_WEB_CACHES}
         */
        public RouterViewInfo {
            Check.inRange("memberChangeNumber", memberChangeNumber, 0, 0xFFFF_FFFFL);
            Objects.requireNonNull(assignmentKey, "assignmentKey");
            routers = List.copyOf(routers);
            Check.inRange("routers.size()", routers.size(), 0, WccpMessageDecoder.MAX_ROUTERS);
            webCaches = List.copyOf(webCaches);
            Check.inRange("webCaches.size()", webCaches.size(), 0, WccpMessageDecoder.MAX_WEB_CACHES);
            WccpControlLayout.checkComponentLength("webCaches", length(routers, webCaches));
        }

        private static long length(List<Ipv4Address> routers, List<WccpWebCacheIdentity> webCaches) {
            long n = 20 + 4L * routers.size();
            for (WccpWebCacheIdentity w : webCaches) {
                n += w.encodedLength();
            }
            return n;
        }

        @Override
        public int type() {
            return WccpComponentType.ROUTER_VIEW_INFO.code();
        }

        @Override
        public int length() {
            return (int) length(routers, webCaches);
        }
    }

    /**
     * Web-Cache View Info, type 5 ([W01] 5.6.6, [R1] 5.2.2).
     *
     * <pre>
     *  | Change Number (32)                                           |
     *  | Number of Routers n (32) | n Router Identity Elements (64)   |
     *  | Number of Web-Caches m (32) | m web-cache address elements   |
     * </pre>
     *
     * @param changeNumber the Change Number, 0..2^32-1
     * @param routers      the routers and the last Receive ID heard from each, at most {@value WccpMessageDecoder#MAX_ROUTERS}
     * @param webCaches    the caches' address elements, at most {@value WccpMessageDecoder#MAX_WEB_CACHES}
     */
    record WebCacheViewInfo(long changeNumber, List<WccpRouterIdentity> routers, List<Ipv4Address> webCaches)
            implements WccpComponent {
        /**
         * Checks the components and copies the lists.
         *
         * @param changeNumber the Change Number, 0..2^32-1
         * @param routers the routers and the last Receive ID heard from each, at most {@value WccpMessageDecoder#MAX_ROUTERS}
         * @param webCaches the caches' address elements, at most {@value WccpMessageDecoder#MAX_WEB_CACHES}
         */
        public WebCacheViewInfo {
            Check.inRange("changeNumber", changeNumber, 0, 0xFFFF_FFFFL);
            routers = List.copyOf(routers);
            Check.inRange("routers.size()", routers.size(), 0, WccpMessageDecoder.MAX_ROUTERS);
            webCaches = List.copyOf(webCaches);
            Check.inRange("webCaches.size()", webCaches.size(), 0, WccpMessageDecoder.MAX_WEB_CACHES);
        }

        @Override
        public int type() {
            return WccpComponentType.WEB_CACHE_VIEW_INFO.code();
        }

        @Override
        public int length() {
            return 12 + 8 * routers.size() + 4 * webCaches.size();
        }
    }

    /**
     * Assignment Info, type 6 ([W01] 5.6.7 "WCCP2_REDIRECT_ASSIGNMENT", [R1] 5.4.1): a hash
     * assignment.
     *
     * <pre>
     *  | Assignment Key Element (64)                                |
     *  | Number of Routers n (32) | n Router Assignment Elements (96) |
     *  | Hash Buckets Assignment Element (32 + 32m + 2048 bits)     |
     * </pre>
     *
     * @param assignmentKey the Assignment Key Element
     * @param routers       the routers, at most {@value WccpMessageDecoder#MAX_ROUTERS}
     * @param assignment    the caches and the 256 bucket octets
     */
    record AssignmentInfo(WccpAssignmentKey assignmentKey, List<WccpRouterAssignment> routers,
                          WccpAssignment.HashBuckets assignment) implements WccpComponent {
        /**
         * Checks the components and copies the list.
         *
         * @param assignmentKey the Assignment Key Element
         * @param routers the routers, at most {@value WccpMessageDecoder#MAX_ROUTERS}
         * @param assignment the caches and the 256 bucket octets
         */
        public AssignmentInfo {
            Objects.requireNonNull(assignmentKey, "assignmentKey");
            routers = List.copyOf(routers);
            Check.inRange("routers.size()", routers.size(), 0, WccpMessageDecoder.MAX_ROUTERS);
            Objects.requireNonNull(assignment, "assignment");
        }

        @Override
        public int type() {
            return WccpComponentType.ASSIGNMENT_INFO.code();
        }

        @Override
        public int length() {
            return 12 + 12 * routers.size() + assignment.encodedLength();
        }
    }

    /**
     * Router Query Info, type 7 ([W01] 5.6.8, [R1] 5.5.1), Length 16.
     *
     * <pre>
     *  | Router ID (32) | Receive ID (32) | Sent To IP Address (32) | Target IP Address (32) |
     * </pre>
     *
     * @param router the router and the Receive ID it expects
     * @param sentTo where the cache sent its last HERE_I_AM
     * @param target the cache being queried
     */
    record RouterQueryInfo(WccpRouterIdentity router, Ipv4Address sentTo, Ipv4Address target)
            implements WccpComponent {
        /** The component Length. */
        public static final int LENGTH = 16;

        /**
         * Checks the components.
         *
         * @param router the router and the Receive ID it expects
         * @param sentTo where the cache sent its last HERE_I_AM
         * @param target the cache being queried
         */
        public RouterQueryInfo {
            Objects.requireNonNull(router, "router");
            Objects.requireNonNull(sentTo, "sentTo");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public int type() {
            return WccpComponentType.ROUTER_QUERY_INFO.code();
        }

        @Override
        public int length() {
            return LENGTH;
        }
    }

    /**
     * Capabilities Info, type 8 ([W01] 5.6.9, [R1] 5.1.3): a list of Capability Elements.
     *
     * @param capabilities the elements in wire order, at most {@value WccpMessageDecoder#MAX_ELEMENTS}
     */
    record CapabilitiesInfo(List<WccpCapability> capabilities) implements WccpComponent {
        /**
         * Checks the components and copies the list.
         *
         * @param capabilities the elements in wire order, at most {@value WccpMessageDecoder#MAX_ELEMENTS}
         */
        public CapabilitiesInfo {
            capabilities = List.copyOf(capabilities);
            Check.inRange("capabilities.size()", capabilities.size(), 0, WccpMessageDecoder.MAX_ELEMENTS);
            WccpControlLayout.checkComponentLength("capabilities", length(capabilities));
        }

        /**
         * Returns the component.
         *
         * @param capabilities the elements
         * @return the component
         */
        public static CapabilitiesInfo of(WccpCapability... capabilities) {
            return new CapabilitiesInfo(Arrays.asList(capabilities));
        }

        private static long length(List<WccpCapability> capabilities) {
            long n = 0;
            for (WccpCapability c : capabilities) {
                n += 4 + c.valueLength();
            }
            return n;
        }

        /**
         * Returns the first element of that type ([R1] 4.1: a repeated element, keep the first), or
         * null.
         *
         * @param type a Capability Type
         * @return the first element of that type ([R1] 4.1: a repeated element, keep the first), or null
         */
        public WccpCapability capability(int type) {
            for (WccpCapability c : capabilities) {
                if (c.type() == type) {
                    return c;
                }
            }
            return null;
        }

        @Override
        public int type() {
            return WccpComponentType.CAPABILITIES_INFO.code();
        }

        @Override
        public int length() {
            return (int) length(capabilities);
        }
    }

    /**
     * Alternate Assignment, type 13 ([W01] 5.6.10, [R1] 5.4.2).
     *
     * <pre>
     *  | Assignment Type (16) | Assignment Length (16)                    |
     *  | Assignment Key Element (64)                                      |
     *  | Number of Routers n (32) | n Router Assignment Elements (96)     |
     *  | Assignment Body: hash buckets element, mask/value set list, ...  |
     * </pre>
     *
     * <p>The Assignment Type comes from the variant of {@code assignment}; Assignment Length
     * (the octets after it) is derived and must equal the component Length minus 4 when
     * decoding (Squid computes it so; [W01] words the same octets as "type, length, body").
     *
     * @param assignmentKey the Assignment Key Element
     * @param routers       the routers, at most {@value WccpMessageDecoder#MAX_ROUTERS}
     * @param assignment    the assignment body
     */
    record AlternateAssignment(WccpAssignmentKey assignmentKey, List<WccpRouterAssignment> routers,
                               WccpAssignment assignment) implements WccpComponent {
        /**
         * Checks the components and copies the list.
         *
         * @param assignmentKey the Assignment Key Element
         * @param routers the routers, at most {@value WccpMessageDecoder#MAX_ROUTERS}
         * @param assignment the assignment body
         */
        public AlternateAssignment {
            Objects.requireNonNull(assignmentKey, "assignmentKey");
            routers = List.copyOf(routers);
            Check.inRange("routers.size()", routers.size(), 0, WccpMessageDecoder.MAX_ROUTERS);
            Objects.requireNonNull(assignment, "assignment");
            WccpControlLayout.checkComponentLength("assignment", 16L + 12L * routers.size() + assignment.encodedLength());
        }

        /**
         * Returns the Assignment Length field: the octets after it.
         *
         * @return the Assignment Length field: the octets after it
         */
        public int assignmentLength() {
            return length() - 4;
        }

        @Override
        public int type() {
            return WccpComponentType.ALTERNATE_ASSIGNMENT.code();
        }

        @Override
        public int length() {
            return 16 + 12 * routers.size() + assignment.encodedLength();
        }
    }

    /**
     * Assignment Map, type 14 ([W01] 5.6.11, [R1] 5.3.3): a Mask/Value Set List.
     *
     * @param sets the Mask/Value Set Elements, at most {@value WccpMessageDecoder#MAX_MASK_VALUE_SETS}
     */
    record AssignmentMap(List<WccpMaskValueSet> sets) implements WccpComponent {
        /**
         * Checks the components and copies the list.
         *
         * @param sets the Mask/Value Set Elements, at most {@value WccpMessageDecoder#MAX_MASK_VALUE_SETS}
         */
        public AssignmentMap {
            sets = List.copyOf(sets);
            Check.inRange("sets.size()", sets.size(), 0, WccpMessageDecoder.MAX_MASK_VALUE_SETS);
            WccpControlLayout.checkComponentLength("sets", WccpControlLayout.maskValueSetListLength(sets));
        }

        @Override
        public int type() {
            return WccpComponentType.ASSIGNMENT_MAP.code();
        }

        @Override
        public int length() {
            return WccpControlLayout.maskValueSetListLength(sets);
        }
    }

    /**
     * Command Extension, type 15 ([W01] 5.6.12, [R1] 5.1.4): a list of Command Elements.
     *
     * @param commands the elements in wire order, at most {@value WccpMessageDecoder#MAX_ELEMENTS}
     */
    record CommandExtension(List<WccpCommand> commands) implements WccpComponent {
        /**
         * Checks the components and copies the list.
         *
         * @param commands the elements in wire order, at most {@value WccpMessageDecoder#MAX_ELEMENTS}
         */
        public CommandExtension {
            commands = List.copyOf(commands);
            Check.inRange("commands.size()", commands.size(), 0, WccpMessageDecoder.MAX_ELEMENTS);
            WccpControlLayout.checkComponentLength("commands", length(commands));
        }

        /**
         * Returns the component.
         *
         * @param commands the elements
         * @return the component
         */
        public static CommandExtension of(WccpCommand... commands) {
            return new CommandExtension(Arrays.asList(commands));
        }

        private static long length(List<WccpCommand> commands) {
            long n = 0;
            for (WccpCommand c : commands) {
                n += 4 + c.dataLength();
            }
            return n;
        }

        @Override
        public int type() {
            return WccpComponentType.COMMAND_EXTENSION.code();
        }

        @Override
        public int length() {
            return (int) length(commands);
        }
    }

    /**
     * A component type this library keeps raw: any type without a record of its own in
     * {@link WccpComponentType}, including the WCCP 2.01 Alternate Assignment Map (16) and
     * Address Table (17).
     *
     * @param type the component Type, 0..65535, not one {@link WccpComponentType#isDecoded decoded} into a record
     * @param body the body, at most 65535 octets
     */
    record UnknownComponent(int type, ByteString body) implements WccpComponent {
        /**
         * Checks the components.
         *
         * @param type the component Type, 0..65535, not one {@link WccpComponentType#isDecoded decoded} into a record
         * @param body the body, at most 65535 octets
         */
        public UnknownComponent {
            Check.inRange("type", type, 0, 0xFFFF);
            Check.argument(!WccpComponentType.isDecoded(type), "type", type, "a type without its own record");
            Objects.requireNonNull(body, "body");
            Check.inRange("body.length()", body.length(), 0, 0xFFFF);
        }

        @Override
        public int length() {
            return body.length();
        }
    }
}
