package org.tunnelcodec.core.dissect;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable layer list of a {@link Dissection} the dissector makes: the first {@code size}
 * entries of an array nobody else keeps, so that the record takes it without a copy. Equal to
 * any {@link java.util.List} of the same layers in the same order.
 */
final class LayerList extends AbstractList<DissectedLayer> implements RandomAccess {
    private final DissectedLayer[] layers;
    private final int size;

    LayerList(DissectedLayer[] layers, int size) {
        Objects.checkFromIndexSize(0, size, layers.length);
        this.layers = layers;
        this.size = size;
    }

    @Override
    public DissectedLayer get(int index) {
        Objects.checkIndex(index, size);
        return layers[index];
    }

    @Override
    public int size() {
        return size;
    }
}
