package org.tunnelcodec.core.dissect;

import java.util.Objects;

/**
 * A layer bound to the key that selects it.
 *
 * @param key   the key
 * @param layer the layer that decodes what the key selects
 */
public record LayerBinding(LayerKey key, ProtocolLayer<?> layer) {
    /**
     * Checks the components.
     *
     * @param key the key
     * @param layer the layer that decodes what the key selects
     */
    public LayerBinding {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(layer, "layer");
    }
}
