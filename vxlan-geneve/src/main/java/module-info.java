/**
 * tunnelcodec VXLAN and Geneve: VXLAN (RFC 7348) with the Group Policy extension
 * (draft-smith-vxlan-group-policy), VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe) and Geneve (RFC 8926)
 * with its options, their allocation-free views and peeks, and the dissector layers for UDP ports
 * 4789, 4790 and 6081.
 */
module org.tunnelcodec.vxlan {
    requires transitive org.tunnelcodec.core;

    exports org.tunnelcodec.vxlan;
}
