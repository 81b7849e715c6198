package org.example.tunnels;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract of tunnelcodec's test kit, run on this application's own codec. */
// readme:contract
class TagPropertyTest extends CodecContract<TagHeader> {
    TagPropertyTest() {
        super(Codec.of(TagDecoder::decode, TagEncoder::encodedLength, TagEncoder::encode, TagHeader::payloadLength),
                Combinators.combine(Arbitraries.integers().between(1, 0xFFFF), Arbitraries.integers().between(0, 64))
                        .as(TagHeader::new));
    }
}
// readme:end
