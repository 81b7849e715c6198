package org.tunnelcodec.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;

class UdpChecksumStatusTest {
    @Test
    void shouldRejectAnEmptyDatagramAsTruncatedNotAsAnIndexError() {
        assertThatThrownBy(() -> UdpDecoder.checksumStatus(ByteBuffer.allocate(0), 0, 0, 0))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
                    assertThat(e.required()).isEqualTo(8);
                    assertThat(e.available()).isZero();
                });
    }

    @Test
    void shouldRejectALengthBelowTheHeaderWithoutReadingPastIt() {
        // 8 octets available, but the datagram is said to be 5: the Checksum (octets 6-7) is
        // past index + length, so the verdict may not depend on it.
        for (String checksum : new String[] {"0000", "ffff"}) {
            ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex("9c4012b50005" + checksum));
            assertThatThrownBy(() -> UdpDecoder.checksumStatus(b, 0, 5, 0))
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
                        assertThat(e.available()).isEqualTo(5);
                    });
        }
    }

    @Test
    void shouldStillThrowIndexOutOfBoundsForARangeOutsideTheBuffer() {
        assertThatThrownBy(() -> UdpDecoder.checksumStatus(ByteBuffer.allocate(8), 4, 8, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> UdpDecoder.checksumStatus(ByteBuffer.allocate(8), 0, -1, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldReportAZeroChecksumOfAWholeHeader() {
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex("9c4012b500080000"));
        assertThat(UdpDecoder.checksumStatus(b, 0, 8, 0)).isEqualTo(ChecksumStatus.ZERO);
    }
}
