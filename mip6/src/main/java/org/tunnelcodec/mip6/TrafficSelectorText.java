package org.tunnelcodec.mip6;

/** The text of the binary traffic selectors' {@code toString}: the fields present, ranges as {@code a..b}. */
final class TrafficSelectorText {
    private TrafficSelectorText() {
    }

    /** Appends {@code name=start} or {@code name=start..end} as the flags of the pair say, nothing if absent. */
    static void range(StringBuilder sb, int flags, int startFlag, String name, Object start, Object end) {
        if ((flags & startFlag) == 0) {
            return;
        }
        field(sb, name, start);
        if ((flags & startFlag >>> 1) != 0) {
            sb.append("..").append(end);
        }
    }

    /** Appends {@code name=value}, after a comma unless it is the first field. */
    static void field(StringBuilder sb, String name, Object value) {
        if (sb.charAt(sb.length() - 1) != '[') {
            sb.append(", ");
        }
        sb.append(name).append('=').append(value);
    }
}
