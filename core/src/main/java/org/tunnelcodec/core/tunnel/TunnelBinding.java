package org.tunnelcodec.core.tunnel;

import java.util.Objects;
import org.tunnelcodec.core.dissect.LayerKey;

/**
 * Binds a {@link TunnelExtractor} to the key that leads to its header, in the dissector's key
 * spaces and with the same values as the module's dissector bindings: for example
 * {@code LayerKey.ipProtocol(47)} for GRE, {@code LayerKey.udpPort(4754)} for GRE-in-UDP,
 * {@code LayerKey.etherType(0x8847)} for MPLS (which GRE Protocol Types reach too, by the
 * {@link org.tunnelcodec.core.dissect.KeySpace#GRE_PROTOCOL} fallback), or
 * {@code LayerKey.greProtocol(0x883E)} for WCCP. A UDP or TCP port key is matched against the
 * destination port only (the source port of a tunnel packet is flow entropy).
 *
 * @param key the key; its value 0..65535
 * @param extractor the extractor of the header the key leads to
 */
public record TunnelBinding(LayerKey key, TunnelExtractor extractor) {
    /**
     * Checks the components.
     *
     * @param key the key; its value 0..65535
     * @param extractor the extractor of the header the key leads to
     * @throws IllegalArgumentException if the key's value is out of range
     */
    public TunnelBinding {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(extractor, "extractor");
        if (key.value() < 0 || key.value() > 0xFFFF) {
            throw new IllegalArgumentException("key: " + key + " (expected: a value 0..65535)");
        }
    }
}
