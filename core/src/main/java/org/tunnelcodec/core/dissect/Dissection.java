package org.tunnelcodec.core.dissect;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * The layers of one frame, and where and why the dissector stopped.
 *
 * @param layers         the decoded layers, outermost first
 * @param stopReason     why the walk ended
 * @param stopOffset     the offset where undecoded bytes begin (or the failing layer starts),
 *                       in the buffer of the last layer
 * @param remaining      the number of bytes from {@code stopOffset} that no layer decoded
 *                       (for a frame cut by the capture, counted as on the wire)
 * @param nextKeys       the keys the last layer offered when the reason is
 *                       {@link StopReason#NO_DECODER}, otherwise empty
 * @param failedLayer    the name of the layer whose decoder refused the bytes, or whose header
 *                       the capture cut, or {@code null}
 * @param error          the decoder's exception, offsets counted from the frame's start, or
 *                       {@code null}
 * @param limitedBy      when a layer ran out of bytes because a length field of the packet
 *                       ended them before the buffer did, that field with its protocol: the
 *                       failing layer's own ({@code error().boundedBy()}, for example
 *                       {@code "ipv6 Payload Length"}) or the enclosing layer's that ended its
 *                       range ({@code "gre Payload Length"}); otherwise {@code null}
 * @param capturedLength the bytes the capture holds
 * @param wireLength     the frame's length on the wire
 */
public record Dissection(List<DissectedLayer> layers, StopReason stopReason, int stopOffset, int remaining,
                         List<LayerKey> nextKeys, String failedLayer, MalformedPacketException error,
                         String limitedBy, int capturedLength, int wireLength) {
    /** Why the dissector stopped. */
    public enum StopReason {
        /** The last layer has no payload, or names nothing to decode it with. */
        COMPLETE,
        /** The last layer named keys for its payload, and none has a binding. */
        NO_DECODER,
        /** A decoder threw {@link MalformedPacketException}; see {@link #error()}. */
        MALFORMED,
        /** The capture's snap length cut the frame inside the next layer's header. */
        CAPTURE_CUT,
        /** The dissector's depth cap was reached. */
        DEPTH_LIMIT
    }

    /**
     * Checks the components and copies the lists.
     *
     * @param layers the decoded layers, outermost first
     * @param stopReason why the walk ended
     * @param stopOffset the offset where undecoded bytes begin (or the failing layer starts), in the buffer
     *     of the last layer
     * @param remaining the number of bytes from {@code stopOffset} that no layer decoded (for a frame cut
     *     by the capture, counted as on the wire)
     * @param nextKeys the keys the last layer offered when the reason is {@link StopReason#NO_DECODER},
     *     otherwise empty
     * @param failedLayer the name of the layer whose decoder refused the bytes, or whose header the capture
     *     cut, or {@code null}
     * @param error the decoder's exception, offsets counted from the frame's start, or {@code null}
     * @param limitedBy when a layer ran out of bytes because a length field of the packet ended them before
     *     the buffer did, that field with its protocol: the failing layer's own ({@code
     *     error().boundedBy()}, for example {@code "ipv6 Payload Length"}) or the enclosing layer's that
     *     ended its range ({@code "gre Payload Length"}); otherwise {@code null}
     * @param capturedLength the bytes the capture holds
     * @param wireLength the frame's length on the wire
     */
    public Dissection {
        layers = layers instanceof LayerList ? layers : List.copyOf(layers);
        Objects.requireNonNull(stopReason, "stopReason");
        nextKeys = List.copyOf(nextKeys);
        if ((stopReason == StopReason.MALFORMED) != (error != null)) {
            throw new IllegalArgumentException("error: must be present exactly when stopReason is MALFORMED");
        }
    }

    /**
     * Returns whether a decoder refused the bytes.
     *
     * @return whether a decoder refused the bytes
     */
    public boolean isMalformed() {
        return error != null;
    }

    /**
     * Returns whether the capture holds fewer bytes than the frame had on the wire.
     *
     * @return whether the capture holds fewer bytes than the frame had on the wire
     */
    public boolean isCutByCapture() {
        return capturedLength < wireLength;
    }
}
