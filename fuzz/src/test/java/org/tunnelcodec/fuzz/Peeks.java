package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import java.util.function.ToLongFunction;

/** What every static peek must do, checked the same way for every module's peeks. */
final class Peeks {
    private Peeks() {
    }

    /**
     * A peek reads its own octets alone: with fewer than {@code octets} it refuses as decode does
     * (the same TRUNCATED message); otherwise it gives the field as the wire holds it, whether
     * decode accepts the rest or not, and the decoded header's field when decode accepts.
     *
     * @param data the input
     * @param decoded decode's outcome for the input
     * @param name the peek, for the message
     * @param octets how many octets from the start the peek reads
     * @param probe the peek
     * @param wire the field read from the input by hand
     * @param field the decoded header's field, or null when decode refused
     */
    static void peek(byte[] data, Object decoded, String name, int octets, Contract.Probe probe,
                     ToLongFunction<byte[]> wire, Long field) {
        Object peeked = Contract.outcome(data, probe);
        if (data.length < octets) {
            check(peeked.equals(decoded), name + " refuses a short header otherwise than decode", data,
                    peeked + " vs " + decoded);
            return;
        }
        check(peeked instanceof Number, name + " refuses octets it can read", data, String.valueOf(peeked));
        long value = wire.applyAsLong(data);
        check(((Number) peeked).longValue() == value, name + " does not read its own octets", data, peeked + " vs " + value);
        check(field == null || ((Number) peeked).longValue() == field, name + " disagrees with decode", data,
                peeked + " vs " + field);
    }

    /** The big-endian unsigned value of {@code octets} octets at {@code at}. */
    static long be(byte[] b, int at, int octets) {
        long v = 0;
        for (int i = 0; i < octets; i++) {
            v = v << 8 | b[at + i] & 0xFF;
        }
        return v;
    }
}
