package org.tunnelcodec.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.dissect.LinkType;

class CapturesTest {
    private static Path shared(String name) {
        var dir = Captures.sharedDirectory();
        if (dir.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have the shared capture corpus beside the checkout");
        }
        Assumptions.assumeTrue(dir.isPresent(), "shared capture corpus not found");
        return dir.get().resolve(name);
    }

    @Test
    void shouldReadEveryGeneratedCaptureWithItsLinkType() {
        assertThat(Captures.generated("core-layers.pcap").linkType()).isEqualTo(LinkType.ETHERNET);
        assertThat(Captures.generated("linktype-raw.pcap").linkType()).isEqualTo(LinkType.RAW);
        assertThat(Captures.generated("linktype-sll2.pcap").linkType()).isEqualTo(LinkType.LINUX_SLL2);
        CapturedFrame cut = Captures.generated("core-truncated.pcap").frame(2);
        assertThat(cut.isTruncated()).isTrue();
    }

    @Test
    void shouldReadAPcapngFileLibpcapRefusesWithThePlainReader() {
        // libpcap 1.10: "an interface has a snapshot length 65535 different from ... the first interface";
        // tshark reads 7 frames from it.
        CaptureFile f = Captures.read(shared("pcpp-GrePackets.pcap"));
        assertThat(f.frames()).hasSize(7);
        assertThat(f.linkType()).isEqualTo(LinkType.ETHERNET);
    }

    @Test
    void shouldGiveThePlainReaderTheSameFramesAsLibpcap() throws Exception {
        for (String name : new String[] {"pcpp-ipv6-lisp.pcapng", "various_gre.pcap", "nhrp.pcapng"}) {
            Path p = shared(name);
            CaptureFile viaLibpcap = Captures.read(p);
            CaptureFile plain = PlainCaptureReader.read(p, name);
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
