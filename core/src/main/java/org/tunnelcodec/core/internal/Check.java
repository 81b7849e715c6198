package org.tunnelcodec.core.internal;

/**
 * Argument checks for record components, with messages of the form
 * {@code "label: 1048576 (expected: 0..1048575)"}. Not API.
 *
 * <p>Records run these on every decode, so the checks are one comparison each and the
 * messages are built out of line, only when a check fails.
 */
public final class Check {
    private Check() {
    }

    /** @throws IllegalArgumentException if {@code value} is outside {@code [min, max]} */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw outOfRange(name, value, min, max);
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is outside {@code [min, max]} */
    public static long inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw outOfRange(name, value, min, max);
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code condition} is false */
    public static void argument(boolean condition, String name, Object value, String expected) {
        if (!condition) {
            throw failed(name, value, expected);
        }
    }

    private static IllegalArgumentException outOfRange(String name, long value, long min, long max) {
        return new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
    }

    private static IllegalArgumentException failed(String name, Object value, String expected) {
        return new IllegalArgumentException(name + ": " + value + " (expected: " + expected + ")");
    }
}
