package org.tunnelcodec.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.LinkType;

class CapturesTest {
    @Test
    void shouldReadEveryGeneratedCaptureWithItsLinkType() {
        assertThat(Captures.generated("core-layers.pcap").linkType()).isEqualTo(LinkType.ETHERNET);
        assertThat(Captures.generated("linktype-raw.pcap").linkType()).isEqualTo(LinkType.RAW);
        assertThat(Captures.generated("linktype-sll2.pcap").linkType()).isEqualTo(LinkType.LINUX_SLL2);
        CapturedFrame cut = Captures.generated("core-truncated.pcap").frame(2);
        assertThat(cut.isTruncated()).isTrue();
        assertThat(Captures.generated("core-layers.pcap").name()).isEqualTo("core-layers.pcap");
    }

    @Test
    void shouldRefuseAnUnknownGeneratedCapture() {
        assertThatThrownBy(() -> Captures.generated("no-such.pcap")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such.pcap");
    }

    @Test
    void shouldReadAPcapngFileLibpcapRefuses() {
        // libpcap 1.10: "an interface has a snapshot length 65535 different from ... the first interface";
        // tshark reads 7 frames from it.
        CaptureFile f = Captures.shared("pcpp-GrePackets.pcap");
        assertThat(f.frames()).hasSize(7);
        assertThat(f.linkType()).isEqualTo(LinkType.ETHERNET);
    }

    @Test
    void shouldGiveTheWholeFileReaderTheSameFramesAsLibpcap() throws IOException {
        for (String name : new String[] {"pcpp-ipv6-lisp.pcapng", "various_gre.pcap", "nhrp.pcapng"}) {
            Path p = Captures.sharedCorpus().resolve(name);
            CaptureFile viaLibpcap = Libpcap.read(p);
            CaptureFile plain = CaptureFile.read(p);
            assertThat(plain.name()).isEqualTo(name);
            assertThat(plain.linkType()).as(name).isEqualTo(viaLibpcap.linkType());
            assertThat(plain.frames()).as(name).hasSameSizeAs(viaLibpcap.frames());
            for (int i = 0; i < plain.frames().size(); i++) {
                CapturedFrame a = plain.frames().get(i);
                CapturedFrame b = viaLibpcap.frames().get(i);
                assertThat(a.data()).as(name + " #" + (i + 1)).isEqualTo(b.data());
                assertThat(a.originalLength()).isEqualTo(b.originalLength());
                assertThat(a.timestamp()).as(name + " #" + (i + 1) + " time").isEqualTo(b.timestamp());
            }
        }
    }
}
