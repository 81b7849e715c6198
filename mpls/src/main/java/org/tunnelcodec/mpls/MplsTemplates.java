package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.Fixups;
import org.tunnelcodec.core.encap.TemplateHeader;

/**
 * The MPLS module's contribution to encapsulation templates ({@link EncapTemplate}): a label
 * stack pushed by a route, with the semantics of {@link MplsPush}, as one header of a chain (MPLS
 * over GRE, over UDP, over IP, or alone in front of the packet). The stack is the push's: its
 * labels and Traffic Classes, its Entropy Label Indicator and Entropy Label (RFC 6790 §4.2), the
 * refusals of {@link MplsPush.Builder}; {@link MplsPush#write} lays out the octets, so a template
 * and a push of the same stack write the same entries.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |S|      TTL      |  one entry per pushed label
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>What the template fixes per packet:
 * <ul>
 *   <li>TTL: under a pipe model the constant is written once; under the uniform model every entry
 *       but the entropy label takes the TTL of what the stack is pushed onto, the nearest IPv4,
 *       IPv6 or label stack header inside it in the chain or the packet (IPv4 TTL, IPv6 Hop Limit,
 *       top entry TTL; 255 for an Ethernet pseudowire), as {@link MplsTtlModel#pushedTtl} says
 *       (RFC 3443 §3.1, RFC 3032 §2.4.2, §2.4.3).</li>
 *   <li>The entropy label: the packet's flow hash mapped onto 16..1048575 as
 *       {@link MplsPush#entropyLabel} maps it (both use
 *       {@link org.tunnelcodec.core.FlowHash#scale}); TC and TTL 0.</li>
 *   <li>S on the last entry: 1, or 0 when what follows is itself a label stack (a labelled
 *       packet, {@link org.tunnelcodec.core.encap.InnerType#MPLS}, or another stack of the chain),
 *       RFC 3032 §2.1.</li>
 * </ul>
 * The stack announces itself as IP protocol 137 (RFC 4023 §2), EtherType 0x8847 (RFC 3032 §5,
 * also GRE's Protocol Type, RFC 4023 §3) and UDP port 6635 (RFC 7510 §3).
 */
public final class MplsTemplates {
    private MplsTemplates() {
    }

    /**
     * Returns the label stack of a push as a template header.
     *
     * @param push the labels, TTL model and entropy label position
     * @return the header
     */
    public static TemplateHeader labelStack(MplsPush push) {
        return new LabelStack(Objects.requireNonNull(push, "push"));
    }

    /**
     * Returns a stack of these labels, top first, each with TC 0, as a template header.
     *
     * @param ttlModel how the pushed entries get their TTL
     * @param labels the labels, top first, 1..{@link MplsPush#MAX_LABELS} of them
     * @return the header
     * @throws IllegalArgumentException as {@link MplsPush#of}
     */
    public static TemplateHeader labelStack(MplsTtlModel ttlModel, int... labels) {
        return labelStack(MplsPush.of(ttlModel, labels));
    }

    /** A push's stack in a template. */
    private record LabelStack(MplsPush push) implements TemplateHeader {
        @Override
        public int length() {
            return push.length();
        }

        @Override
        public void write(ByteBuffer dst, int index) {
            // The pipe model's constant, or the uniform model's TTL over a payload without one.
            push.write(dst, index, push.ttlModel().pushedTtl(MplsTtlModel.MAX_TTL), 0, true);
        }

        @Override
        public void fixups(Fixups out, int offset) {
            int last = offset + push.length() - MplsLayout.ENTRY_LENGTH;
            out.nextProtocol(last + 2, MplsLayout.S, MplsTemplates::bottomOfStack);
            if (push.ttlModel().propagates()) {
                out.mplsTtl(offset, push.depth(), push.entropyLabelIndex());
            }
            if (push.entropyLabelIndex() >= 0) {
                out.flowHashField(offset + push.entropyLabelIndex() * MplsLayout.ENTRY_LENGTH,
                        MplsLayout.LABEL_SHIFT, 20, MplsPush.MIN_ENTROPY_LABEL, MplsLayout.MAX_LABEL);
            }
        }

        @Override
        public int ipProtocol() {
            return MplsLayers.MPLS_IN_IP_PROTOCOL;
        }

        @Override
        public int etherType() {
            return EtherType.MPLS_UNICAST.value();
        }

        @Override
        public int udpPort() {
            return MplsInUdp.PORT;
        }

        @Override
        public String toString() {
            return "LabelStack[" + push + "]";
        }
    }

    /** S of the last pushed entry by what follows: 0 over a label stack, 1 over anything with an EtherType. */
    private static int bottomOfStack(int etherType) {
        if (etherType == EtherType.MPLS_UNICAST.value() || etherType == EtherType.MPLS_MULTICAST.value()) {
            return 0;
        }
        return etherType < 0 ? -1 : 1;
    }
}
