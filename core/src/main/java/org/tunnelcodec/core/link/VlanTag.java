package org.tunnelcodec.core.link;

import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * One IEEE 802.1Q tag: the tag protocol identifier and the tag control information.
 *
 * @param tpid         the TPID: {@link EtherType#VLAN} (C-tag), {@link EtherType#QINQ}
 *                     (802.1ad S-tag) or {@link EtherType#VLAN_9100}
 * @param priority     PCP, the priority code point, 0..7
 * @param dropEligible DEI, the drop eligible indicator (formerly CFI)
 * @param vlanId       VID, 0..4095
 */
public record VlanTag(EtherType tpid, int priority, boolean dropEligible, int vlanId) {
    /**
     * Checks the components.
     *
     * @param tpid the TPID: {@link EtherType#VLAN} (C-tag), {@link EtherType#QINQ} (802.1ad S-tag) or
     *     {@link EtherType#VLAN_9100}
     * @param priority PCP, the priority code point, 0..7
     * @param dropEligible DEI, the drop eligible indicator (formerly CFI)
     * @param vlanId VID, 0..4095
     */
    public VlanTag {
        Check.argument(tpid != null && EthernetLayout.isTagProtocol(tpid.value()), "tpid", tpid,
                "VLAN(0x8100), QINQ(0x88A8) or VLAN_9100(0x9100)");
        Check.inRange("priority", priority, 0, 7);
        Check.inRange("vlanId", vlanId, 0, 4095);
    }

    /**
     * Returns a customer tag (TPID 0x8100) with priority 0 and DEI clear.
     *
     * @param vlanId VID, 0..4095
     * @return a customer tag (TPID 0x8100) with priority 0 and DEI clear
     */
    public static VlanTag customer(int vlanId) {
        return new VlanTag(EtherType.VLAN, 0, false, vlanId);
    }

    /**
     * Returns a service tag (TPID 0x88A8) with priority 0 and DEI clear.
     *
     * @param vlanId VID, 0..4095
     * @return a service tag (TPID 0x88A8) with priority 0 and DEI clear
     */
    public static VlanTag service(int vlanId) {
        return new VlanTag(EtherType.QINQ, 0, false, vlanId);
    }

    int tagControl() {
        return priority << 13 | (dropEligible ? 1 << 12 : 0) | vlanId;
    }
}
