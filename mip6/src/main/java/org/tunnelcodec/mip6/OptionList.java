package org.tunnelcodec.mip6;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.tunnelcodec.core.internal.Check;

/**
 * The immutable option list a {@link MobilityHeader} holds: checked once when it is made, with
 * the octets its options take on the wire kept, so that the record's constructor and
 * {@link MobilityHeader#length()} do not walk the options again. The decoder makes one from
 * options its walk has already checked; any other list is copied and checked by {@link #of}.
 * Equal to any {@link List} with the same options in the same order.
 */
final class OptionList extends AbstractList<MobilityOption> implements RandomAccess {
    static final OptionList EMPTY = new OptionList(new MobilityOption[0], 0, 0);

    private final MobilityOption[] options;
    private final int size;
    /** The octets the options take on the wire. */
    final int encodedLength;

    private OptionList(MobilityOption[] options, int size, int encodedLength) {
        this.options = options;
        this.size = size;
        this.encodedLength = encodedLength;
    }

    /**
     * Options the decoder read from octets it checked ({@link MobilityHeaderDecoder#checked}),
     * the first {@code size} entries of an array nobody else keeps.
     */
    static OptionList decoded(MobilityOption[] options, int size, int encodedLength) {
        return size == 0 ? EMPTY : new OptionList(options, size, encodedLength);
    }

    /**
     * Copies a caller's list and checks the rules the record's constructor states, the ones
     * the decoder's walk enforces: no null, at most one Binding Refresh Advice, Alternate
     * Care-of Address, Nonce Indices and Binding Authorization Data, and only padding after
     * Binding Authorization Data or Mobility Message Authentication (RFC 6275 §6.2.4-§6.2.7,
     * RFC 4285 §5); no more options than a 2048-octet header holds.
     */
    static OptionList of(List<? extends MobilityOption> list) {
        if (list instanceof OptionList o) {
            return o;
        }
        // Copied again: a list's toArray may hand out an array it keeps.
        Object[] given = list.toArray();
        Check.inRange("options.size()", given.length, 0, Mip6Layout.MAX_LENGTH);
        MobilityOption[] copy = new MobilityOption[given.length];
        int length = 0;
        int seen = 0;
        boolean afterAuthorization = false;
        for (int i = 0; i < given.length; i++) {
            MobilityOption o = (MobilityOption) Objects.requireNonNull(given[i], "option");
            copy[i] = o;
            int type = o.type();
            if (afterAuthorization) {
                Check.argument(type <= Mip6Layout.PADN, "options", type, "only padding after Binding Authorization Data"
                        + " or Mobility Message Authentication (RFC 6275 §6.2.7, RFC 4285 §5)");
            }
            if (type >= Mip6Layout.BINDING_REFRESH_ADVICE && type <= Mip6Layout.BINDING_AUTHORIZATION_DATA) {
                Check.argument((seen & 1 << type) == 0, "options", type, "at most one option of this type");
                seen |= 1 << type;
            }
            afterAuthorization |= type == Mip6Layout.BINDING_AUTHORIZATION_DATA
                    || type == Mip6Layout.MOBILITY_MESSAGE_AUTHENTICATION;
            length += o.encodedLength(); // at most 2048 options of at most 257 octets: no overflow
        }
        return copy.length == 0 ? EMPTY : new OptionList(copy, copy.length, length);
    }

    /** The option at {@code index}, below {@link #size()}: {@link #get} without its check. */
    MobilityOption at(int index) {
        return options[index];
    }

    @Override
    public MobilityOption get(int index) {
        Objects.checkIndex(index, size);
        return options[index];
    }

    @Override
    public int size() {
        return size;
    }
}
