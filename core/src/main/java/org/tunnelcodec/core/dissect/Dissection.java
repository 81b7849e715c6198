package org.tunnelcodec.core.dissect;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * The layers of one frame, and where and why the dissector stopped.
 *
 * @param layers     the decoded layers, outermost first
 * @param stopReason why the walk ended
 * @param stopOffset the offset in the frame where undecoded bytes begin (or the failing layer
 *                   starts)
 * @param remaining  the number of bytes from {@code stopOffset} that no layer decoded
 * @param nextKeys   the keys the last layer offered when the reason is
 *                   {@link StopReason#NO_DECODER}, otherwise empty
 * @param failedLayer the name of the layer whose decoder refused the bytes, or {@code null}
 * @param error      the decoder's exception, offsets counted from the frame's start, or
 *                   {@code null}
 */
public record Dissection(List<DissectedLayer> layers, StopReason stopReason, int stopOffset, int remaining,
                         List<LayerKey> nextKeys, String failedLayer, MalformedPacketException error) {
    /** Why the dissector stopped. */
    public enum StopReason {
        /** The last layer has no payload, or names nothing to decode it with. */
        COMPLETE,
        /** The last layer named keys for its payload, and none has a binding. */
        NO_DECODER,
        /** A decoder threw {@link MalformedPacketException}; see {@link #error()}. */
        MALFORMED,
        /** The dissector's depth cap was reached. */
        DEPTH_LIMIT
    }

    /** Checks the components and copies the lists. */
    public Dissection {
        layers = List.copyOf(layers);
        Objects.requireNonNull(stopReason, "stopReason");
        nextKeys = List.copyOf(nextKeys);
        if ((stopReason == StopReason.MALFORMED) != (error != null)) {
            throw new IllegalArgumentException("error: must be present exactly when stopReason is MALFORMED");
        }
    }

    /** @return whether a decoder refused the bytes */
    public boolean isMalformed() {
        return error != null;
    }
}
