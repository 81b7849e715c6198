package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.fuzz.Contract.Refused;
import org.tunnelcodec.testdata.Codec;

/** Checks that an allocation-free check or peek agrees with its decoder. */
final class Scans {
    private Scans() {
    }

    /** A valid {@link IpScan} result, unpacked. */
    record Ip(int version, int headerLength, int payloadLength, int protocol, boolean fragment) {
    }

    /**
     * Unpacks a scan result: a valid one as an {@link Ip}; an invalid one is thrown as the
     * exception {@link IpScan#exception} makes of it, which is what the decoder throws.
     */
    static Ip ipScan(long result, ByteBuffer src) {
        if (!IpScan.isValid(result)) {
            throw IpScan.exception(result, src, src.position(), src.limit());
        }
        return new Ip(IpScan.version(result), IpScan.headerLength(result), IpScan.payloadLength(result),
                IpScan.protocol(result), IpScan.isFragment(result));
    }

    /**
     * Runs the check on the input and requires it to refuse exactly what the decoder refused,
     * with the same message, and to accept what the decoder accepted.
     *
     * @param decoded the decoder's outcome
     * @return the check's outcome
     */
    static Object agree(byte[] data, Object decoded, Contract.Probe probe) {
        Object scan = Contract.outcome(data, probe);
        if (decoded instanceof Refused) {
            check(scan.equals(decoded), "the check accepts or refuses otherwise than the decoder", data,
                    scan + " vs " + decoded);
        } else {
            check(!(scan instanceof Refused), "the check refuses what the decoder accepts", data,
                    scan + " vs " + decoded);
        }
        return scan;
    }

    /** Requires a valid IP scan to give the decoder's lengths and protocol. */
    static void sameLayer(byte[] data, Accepted decoded, Ip scan, int protocol) {
        check(scan.headerLength() == decoded.headerLength() && scan.payloadLength() == decoded.payloadLength()
                && scan.protocol() == protocol, "IpScan disagrees with the decoder", data, scan + " vs " + decoded);
    }

    /**
     * Runs a decoder's contract, then its allocation-free check: the check must refuse exactly
     * what the decoder refused ({@link #agree}) and, on an accepted input, give the value
     * {@code expected} takes from the decoder's outcome.
     *
     * @param name the check's name, for the finding's message
     */
    static <H> void decoderAndCheck(byte[] data, Codec<H> codec, Contract.IndexDecoder<H> indexed,
                                    Contract.Probe check, String name, Function<Accepted, Object> expected) {
        Object decoded = Contract.decoder(data, codec, indexed);
        Object value = agree(data, decoded, check);
        if (decoded instanceof Accepted a) {
            Contract.check(value.equals(expected.apply(a)), name + " disagrees with decode", data, value.toString());
        }
    }
}
