package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv6Address;

/**
 * The record holds what the decoder accepts and cannot be changed after its checks: its
 * options are copied even from a list whose {@code toArray} hands out the array it keeps, and
 * only padding may follow Mobility Message Authentication (RFC 4285 §5), as after Binding
 * Authorization Data (RFC 6275 §6.2.7).
 */
class MobilityHeaderRecordTest {
    private static final MobilityMessage BU = new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.A, 10);
    private static final MobilityOption ALTERNATE = new MobilityOption.AlternateCareOfAddress(
            Ipv6Address.parse("2001:db8::1"));

    /** A list whose toArray returns its own array, as a careless implementation might. */
    static final class SharingList extends AbstractList<MobilityOption> {
        final MobilityOption[] backing;

        SharingList(MobilityOption... backing) {
            this.backing = backing;
        }

        @Override
        public MobilityOption get(int index) {
            return backing[index];
        }

        @Override
        public int size() {
            return backing.length;
        }

        @Override
        public Object[] toArray() {
            return backing;
        }
    }

    @Test
    void shouldKeepItsOwnCopyOfTheOptions() {
        SharingList given = new SharingList(new MobilityOption.PadN(ByteString.of(new byte[0])), ALTERNATE);
        MobilityHeader h = new MobilityHeader(0, 0, BU, given);
        int length = h.length();

        given.backing[1] = new MobilityOption.BindingAuthorizationData(ByteString.of(new byte[200]));

        assertThat(h.options()).containsExactly(new MobilityOption.PadN(ByteString.of(new byte[0])), ALTERNATE);
        assertThat(h.length()).isEqualTo(length).isEqualTo(MobilityHeaderEncoder.encodedLength(h));
    }

    @Test
    void shouldRefuseAnOptionAfterMobilityMessageAuthenticationAsTheDecoderDoes() {
        MobilityOption auth = new MobilityOption.MobilityMessageAuthentication(
                MobilityOption.MobilityMessageAuthentication.MN_HA, 0x100, ByteString.of(new byte[12]));
        assertThatThrownBy(() -> new MobilityHeader(0, 0, BU, List.of(auth, ALTERNATE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 4285 §5");
    }
}
