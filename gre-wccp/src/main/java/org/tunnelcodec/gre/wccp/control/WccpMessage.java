package org.tunnelcodec.gre.wccp.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tunnelcodec.core.internal.Check;

/**
 * A WCCP version 2 control message ([W01] 5.5, [R1] 4.6): the header and its components in
 * wire order.
 *
 * <pre>
 *  0                   1                   2                   3
 *  +---------------------------------------------------------------+
 *  |                           Type (32)                           |
 *  +-------------------------------+-------------------------------+
 *  |          Version (16)         |          Length (16)          |
 *  +-------------------------------+-------------------------------+
 *  |  components ... (Length octets)                               |
 * </pre>
 *
 * <p>The Length is derived ({@link #length()}). The record keeps any order of components,
 * repeated ones and unknown ones, exactly as they were on the wire; [R1] 4.1 says a receiver
 * uses the first of a repeated component, which is what {@link #component(Class)} returns.
 * Which components a message type must carry ([R1] 4.2-4.5) is not enforced here: the
 * factories build the drafts' layouts, the record accepts any.
 *
 * @param type       the message Type; any value but the WCCP v1 types 7-9
 * @param version    the Version, 0x0200..0x02FF ({@link #VERSION_2_00}, {@link #VERSION_2_01})
 * @param components the components in wire order, at most {@value WccpMessageDecoder#MAX_COMPONENTS}
 */
public record WccpMessage(WccpMessageType type, int version, List<WccpComponent> components) {
    /**
     * The protocol's name, for v1 and v2 control messages alike: the dissector's layer name and
     * {@link org.tunnelcodec.core.MalformedPacketException#protocol()}.
     */
    public static final String PROTOCOL = "wccp-control";

    /** Version 2.00 ([W01]: the single 16-bit value 0x0200). */
    public static final int VERSION_2_00 = 0x0200;
    /** Version 2.01 ([R1]: major 2, minor 1). */
    public static final int VERSION_2_01 = 0x0201;
    /** The octets of the message header. */
    public static final int HEADER_LENGTH = 8;

    /**
     * Checks the components and copies the list.
     *
     * @param type the message Type; any value but the WCCP v1 types 7-9
     * @param version the Version, 0x0200..0x02FF ({@link #VERSION_2_00}, {@link #VERSION_2_01})
     * @param components the components in wire order, at most {@value WccpMessageDecoder#MAX_COMPONENTS}
     */
    public WccpMessage {
        Objects.requireNonNull(type, "type");
        Check.argument(!type.isV1(), "type", type, "not a WCCP v1 type 7..9 (see WccpV1Message)");
        Check.inRange("version", version, 0x0200, 0x02FF);
        components = List.copyOf(components);
        Check.inRange("components.size()", components.size(), 0, WccpMessageDecoder.MAX_COMPONENTS);
        long length = 0;
        for (WccpComponent c : components) {
            length += 4 + c.length();
        }
        Check.inRange("length", length, 0, 0xFFFF);
    }

    /**
     * A HERE_I_AM ([R1] 4.2): Security Info, Service Info, Web-Cache Identity Info, Web-Cache
     * View Info, then the optional ones (Capabilities Info, Command Extension, ...) in the
     * order given. Version 2.00.
     *
     * @param security Security Info
     * @param service  Service Info
     * @param identity Web-Cache Identity Info
     * @param view     Web-Cache View Info
     * @param optional further components, in wire order
     * @return the message
     */
    public static WccpMessage hereIAm(WccpComponent.SecurityInfo security, WccpComponent.ServiceInfo service,
                                      WccpComponent.WebCacheIdentityInfo identity, WccpComponent.WebCacheViewInfo view,
                                      WccpComponent... optional) {
        return of(WccpMessageType.HERE_I_AM, optional, security, service, identity, view);
    }

    /**
     * An I_SEE_YOU ([R1] 4.3): Security Info, Service Info, Router Identity Info, Router View
     * Info, then the optional ones (Assignment Map or Alternate Assignment Map, Capabilities
     * Info, Command Extension, ...) in the order given. Version 2.00.
     *
     * @param security Security Info
     * @param service  Service Info
     * @param identity Router Identity Info
     * @param view     Router View Info
     * @param optional further components, in wire order
     * @return the message
     */
    public static WccpMessage iSeeYou(WccpComponent.SecurityInfo security, WccpComponent.ServiceInfo service,
                                      WccpComponent.RouterIdentityInfo identity, WccpComponent.RouterViewInfo view,
                                      WccpComponent... optional) {
        return of(WccpMessageType.I_SEE_YOU, optional, security, service, identity, view);
    }

    /**
     * A REDIRECT_ASSIGN ([R1] 4.4): Security Info, Service Info, and an Assignment Info or an
     * Alternate Assignment, then the optional ones in the order given. Version 2.00.
     *
     * @param security   Security Info
     * @param service    Service Info
     * @param assignment an {@link WccpComponent.AssignmentInfo} or {@link WccpComponent.AlternateAssignment}
     * @param optional   further components, in wire order
     * @return the message
     */
    public static WccpMessage redirectAssign(WccpComponent.SecurityInfo security, WccpComponent.ServiceInfo service,
                                             WccpComponent assignment, WccpComponent... optional) {
        Check.argument(assignment instanceof WccpComponent.AssignmentInfo
                        || assignment instanceof WccpComponent.AlternateAssignment, "assignment",
                assignment == null ? null : assignment.getClass().getSimpleName(),
                "AssignmentInfo or AlternateAssignment");
        return of(WccpMessageType.REDIRECT_ASSIGN, optional, security, service, assignment);
    }

    /**
     * A REMOVAL_QUERY ([R1] 4.5): Security Info, Service Info, Router Query Info, then the
     * optional ones in the order given. Version 2.00.
     *
     * @param security Security Info
     * @param service  Service Info
     * @param query    Router Query Info
     * @param optional further components, in wire order
     * @return the message
     */
    public static WccpMessage removalQuery(WccpComponent.SecurityInfo security, WccpComponent.ServiceInfo service,
                                           WccpComponent.RouterQueryInfo query, WccpComponent... optional) {
        return of(WccpMessageType.REMOVAL_QUERY, optional, security, service, query);
    }

    private static WccpMessage of(WccpMessageType type, WccpComponent[] optional, WccpComponent... required) {
        List<WccpComponent> all = new ArrayList<>(required.length + optional.length);
        for (WccpComponent c : required) {
            all.add(Objects.requireNonNull(c, "component"));
        }
        all.addAll(Arrays.asList(optional));
        return new WccpMessage(type, VERSION_2_00, all);
    }

    /**
     * Returns the Length field: the octets of all components with their headers.
     *
     * @return the Length field: the octets of all components with their headers
     */
    public int length() {
        int n = 0;
        for (WccpComponent c : components) {
            n += 4 + c.length();
        }
        return n;
    }

    /**
     * Returns the message's encoded length: 8 + {@link #length()}.
     *
     * @return the message's encoded length: 8 + {@link #length()}
     */
    public int encodedLength() {
        return HEADER_LENGTH + length();
    }

    /**
     * Returns the major version, the Version's high octet (2).
     *
     * @return the major version, the Version's high octet (2)
     */
    public int majorVersion() {
        return version >>> 8;
    }

    /**
     * Returns the minor version, the Version's low octet (0 or 1).
     *
     * @return the minor version, the Version's low octet (0 or 1)
     */
    public int minorVersion() {
        return version & 0xFF;
    }

    /**
     * The first component of a kind ([R1] 4.1: a receiver keeps the first of a repeated component).
     *
     * @param kind the record class, for example {@code WccpComponent.ServiceInfo.class}
     * @param <T>  the component type
     * @return the first such component, if any
     */
    public <T extends WccpComponent> Optional<T> component(Class<T> kind) {
        for (WccpComponent c : components) {
            if (kind.isInstance(c)) {
                return Optional.of(kind.cast(c));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the first Security Info, if any.
     *
     * @return the first Security Info, if any
     */
    public Optional<WccpComponent.SecurityInfo> securityInfo() {
        return component(WccpComponent.SecurityInfo.class);
    }

    /**
     * Returns the first Service Info, if any.
     *
     * @return the first Service Info, if any
     */
    public Optional<WccpComponent.ServiceInfo> serviceInfo() {
        return component(WccpComponent.ServiceInfo.class);
    }

    /**
     * Returns a copy with another Version.
     *
     * @param newVersion 0x0200..0x02FF
     * @return a copy with another Version
     */
    public WccpMessage withVersion(int newVersion) {
        return new WccpMessage(type, newVersion, components);
    }
}
