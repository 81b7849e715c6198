package org.example.tunnels;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.gre.GreDecoder;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.GreLayers;

/** Names the layers of a frame, and reads the key of a GRE header. */
public final class TunnelSummary {
    private static final Dissector DISSECTOR = Dissector.builder()
            .add(CoreLayers.bindings())
            .add(GreLayers.bindings())
            .build();

    private TunnelSummary() {
    }

    /**
     * The layers of a frame, outermost first.
     *
     * @param linkType the frame's link type
     * @param frame    the frame's bytes
     * @return each layer's name, for example {@code [ethernet, ipv4, gre, ipv4, udp]}
     */
    public static List<String> layers(LinkType linkType, ByteBuffer frame) {
        Dissection d = DISSECTOR.dissect(linkType, frame);
        return d.layers().stream().map(DissectedLayer::name).toList();
    }

    /**
     * The Key of a GRE header.
     *
     * @param gre the bytes of the GRE header and its payload
     * @return the key, or {@link GreHeader#ABSENT} when the header has none
     * @throws org.tunnelcodec.core.MalformedPacketException if the bytes are not a valid GRE header
     */
    public static long greKey(ByteBuffer gre) {
        return GreDecoder.decode(gre).header().key();
    }
}
