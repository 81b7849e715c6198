package org.tunnelcodec.core.internal;

/**
 * Argument checks for record components, with messages of the form
 * {@code "label: 1048576 (expected: 0..1048575)"}. Not API.
 */
public final class Check {
    private Check() {
    }

    /** @throws IllegalArgumentException if {@code value} is outside {@code [min, max]} */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is outside {@code [min, max]} */
    public static long inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code condition} is false */
    public static void argument(boolean condition, String name, Object value, String expected) {
        if (!condition) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + expected + ")");
        }
    }
}
