package org.tunnelcodec.gre.wccp.control;

/**
 * The component Types of WCCP v2 that have a name ([W01] 5.6, [R1] 5): the one table of them.
 * The decoder's dispatch, the names in errors and which types {@link WccpComponent.UnknownComponent}
 * may hold are all derived from it.
 *
 * <p>A Type not listed here is still a valid component: it decodes to
 * {@link WccpComponent.UnknownComponent}, as do the listed types without a record of their own
 * ({@link #hasRecord()} false: the WCCP 2.01 Alternate Assignment Map and Address Table).
 */
public enum WccpComponentType {
    /** Type 0, Security Info ({@link WccpComponent.SecurityInfo}). */
    SECURITY_INFO(0, "Security Info", true),
    /** Type 1, Service Info ({@link WccpComponent.ServiceInfo}). */
    SERVICE_INFO(1, "Service Info", true),
    /** Type 2, Router Identity Info ({@link WccpComponent.RouterIdentityInfo}). */
    ROUTER_IDENTITY_INFO(2, "Router Identity Info", true),
    /** Type 3, Web-Cache Identity Info ({@link WccpComponent.WebCacheIdentityInfo}). */
    WEB_CACHE_IDENTITY_INFO(3, "Web-Cache Identity Info", true),
    /** Type 4, Router View Info ({@link WccpComponent.RouterViewInfo}). */
    ROUTER_VIEW_INFO(4, "Router View Info", true),
    /** Type 5, Web-Cache View Info ({@link WccpComponent.WebCacheViewInfo}). */
    WEB_CACHE_VIEW_INFO(5, "Web-Cache View Info", true),
    /** Type 6, Assignment Info, WCCP2_REDIRECT_ASSIGNMENT ({@link WccpComponent.AssignmentInfo}). */
    ASSIGNMENT_INFO(6, "Assignment Info", true),
    /** Type 7, Router Query Info ({@link WccpComponent.RouterQueryInfo}). */
    ROUTER_QUERY_INFO(7, "Router Query Info", true),
    /** Type 8, Capabilities Info ({@link WccpComponent.CapabilitiesInfo}). */
    CAPABILITIES_INFO(8, "Capabilities Info", true),
    /** Type 13, Alternate Assignment ({@link WccpComponent.AlternateAssignment}). */
    ALTERNATE_ASSIGNMENT(13, "Alternate Assignment", true),
    /** Type 14, Assignment Map ({@link WccpComponent.AssignmentMap}). */
    ASSIGNMENT_MAP(14, "Assignment Map", true),
    /** Type 15, Command Extension ({@link WccpComponent.CommandExtension}). */
    COMMAND_EXTENSION(15, "Command Extension", true),
    /** Type 16, Alternate Assignment Map (WCCP 2.01, [R1]): kept raw. */
    ALTERNATE_ASSIGNMENT_MAP(16, "Alternate Assignment Map", false),
    /** Type 17, Address Table (WCCP 2.01, [R1]): kept raw. */
    ADDRESS_TABLE(17, "Address Table", false);

    private static final WccpComponentType[] BY_CODE;

    static {
        int max = 0;
        for (WccpComponentType t : values()) {
            max = Math.max(max, t.code);
        }
        BY_CODE = new WccpComponentType[max + 1];
        for (WccpComponentType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String fieldName;
    private final boolean hasRecord;

    WccpComponentType(int code, String fieldName, boolean hasRecord) {
        this.code = code;
        this.fieldName = fieldName;
        this.hasRecord = hasRecord;
    }

    /**
     * The type of a component Type value.
     *
     * @param code a component Type, any int
     * @return its constant, or {@code null} for a Type without a name here
     */
    public static WccpComponentType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * Whether the decoder gives a component of this Type its own record.
     *
     * @param code a component Type, any int
     * @return {@code true} for the types whose constant {@link #hasRecord() has a record}
     */
    public static boolean isDecoded(int code) {
        WccpComponentType t = of(code);
        return t != null && t.hasRecord;
    }

    /**
     * The name of a component Type, for errors and summaries.
     *
     * @param code a component Type, any int
     * @return the name as the drafts spell it, or {@code "component type N"}
     */
    public static String nameOf(int code) {
        WccpComponentType t = of(code);
        return t != null ? t.fieldName : "component type " + code;
    }

    /**
     * Returns the component Type value on the wire, 0..65535.
     *
     * @return the component Type value on the wire, 0..65535
     */
    public int code() {
        return code;
    }

    /**
     * Returns the component's name as the drafts spell it, for example {@code "Security Info"}.
     *
     * @return the component's name as the drafts spell it, for example {@code "Security Info"}
     */
    public String fieldName() {
        return fieldName;
    }

    /**
     * Returns whether the component has a record of its own; {@code false} means it is kept as {@link
     * WccpComponent.UnknownComponent}.
     *
     * @return whether the component has a record of its own; {@code false} means it is kept as
     *     {@link WccpComponent.UnknownComponent}
     */
    public boolean hasRecord() {
        return hasRecord;
    }
}
