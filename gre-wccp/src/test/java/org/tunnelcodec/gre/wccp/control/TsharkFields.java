package org.tunnelcodec.gre.wccp.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;

/**
 * Our decoded messages written as the tshark 4.0.17 fields that {@code packet-wccp.c} adds for
 * the same bytes, in the order it adds them, formatted as {@code tshark -T fields} prints them
 * (BASE_HEX fields as zero-padded hexadecimal, BASE_DEC as decimal, FT_IPv4 dotted, FT_BYTES as
 * plain hexadecimal). The golden test compares this with tshark's own output, field by field:
 * each method below mirrors one {@code dissect_wccp2_*} function and is the only place where
 * our record components are mapped to tshark's field names.
 */
final class TsharkFields {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    private void add(String field, Object value) {
        fields.computeIfAbsent(field, k -> new ArrayList<>()).add(String.valueOf(value));
    }

    private void hex16(String field, int value) {
        add(field, String.format("0x%04x", value));
    }

    private void hex32(String field, long value) {
        add(field, String.format("0x%08x", value & 0xFFFF_FFFFL));
    }

    /** @return every field with all its occurrences, in tshark's order */
    Map<String, List<String>> fields() {
        return fields;
    }

    // ---------------------------------------------------------------- v2

    static TsharkFields of(WccpMessage m) {
        TsharkFields t = new TsharkFields();
        t.add("wccp.message", Integer.toUnsignedString(m.type().value()));
        t.hex16("wccp.message_header_version", m.version());
        t.add("wccp.message_header_length", m.length());
        for (WccpComponent c : m.components()) {
            t.add("wccp.item_type", c.type());
            t.add("wccp.item_length", c.length());
            t.component(c);
        }
        return t;
    }

    private void component(WccpComponent c) {
        if (c instanceof WccpComponent.SecurityInfo s) {
            add("wccp.security_info_option", s.option());
            if (s.isMd5()) {
                add("wccp.security_md5_checksum", s.implementation().toHex());
            }
        } else if (c instanceof WccpComponent.ServiceInfo s) {
            add("wccp.service_info_type", s.serviceType());
            if (s.serviceType() == 0 || s.serviceType() == 1) {
                add(s.serviceType() == 0 ? "wccp.service_info_std_id" : "wccp.service_info_dyn_id", s.serviceId());
                add("wccp.service_info_priority", s.priority());
                add("wccp.service_info_protocol", s.protocol().value());
            }
            hex32("wccp.service_info_flags", s.flags().bits());
            if (s.flags().portsDefined()) {
                for (int port : s.ports()) {
                    if (port != 0) {
                        // packet-wccp.c labels the ports by the source-port *hash* flag (0x4)
                        add(s.flags().sourcePortHash() ? "wccp.service_info_source_port"
                                : "wccp.service_info_destination_port", port);
                    }
                }
            }
        } else if (c instanceof WccpComponent.RouterIdentityInfo s) {
            add("wccp.router_identity.router_ip.ipv4", s.router().address());
            routerIdentity(s.router());
            add("wccp.router_identity.send_to_ip.ipv4", s.sentTo());
            add("wccp.router.num_recv_ip", s.receivedFrom().size());
            for (Ipv4Address a : s.receivedFrom()) {
                add("wccp.router_identity.received_from_ip.ipv4", a);
            }
        } else if (c instanceof WccpComponent.WebCacheIdentityInfo s) {
            add("wccp.wc_identity_ip_address.ipv4", s.webCache().address());
            webCacheIdentity(s.webCache());
        } else if (c instanceof WccpComponent.RouterViewInfo s) {
            add("wccp.router_view.member_change_num", s.memberChangeNumber());
            assignmentKey(s.assignmentKey());
            add("wccp.router_view.router_num", s.routers().size());
            for (Ipv4Address a : s.routers()) {
                add("wccp.router_view.ipv4", a);
            }
            add("wccp.wc_view_info.wc_num", s.webCaches().size());
            for (WccpWebCacheIdentity w : s.webCaches()) {
                add("wccp.router_query_info.ipv4", w.address());
                webCacheIdentity(w);
            }
        } else if (c instanceof WccpComponent.WebCacheViewInfo s) {
            add("wccp.wc_view_info.change_num", s.changeNumber());
            add("wccp.wc_view_info.router_num", s.routers().size());
            for (WccpRouterIdentity r : s.routers()) {
                add("wccp.wc_view_info.router_ip.ipv4", r.address());
                routerIdentity(r);
            }
            add("wccp.wc_view_info.wc_num", s.webCaches().size());
            for (Ipv4Address a : s.webCaches()) {
                add("wccp.wc_view_info.wc_ip.ipv4", a);
            }
        } else if (c instanceof WccpComponent.AssignmentInfo s) {
            assignmentKey(s.assignmentKey());
            add("wccp.assignment_info.router_num", s.routers().size());
            for (WccpRouterAssignment r : s.routers()) {
                add("wccp.assignment_info.router_ip.ipv4", r.address());
                routerAssignment(r);
            }
            add("wccp.hash_buckets_assignment.wc_num", s.assignment().webCaches().size());
            for (Ipv4Address a : s.assignment().webCaches()) {
                add("wccp.hash_buckets_assignment.wc_ip.ipv4", a);
            }
            bucketOctets(s.assignment().buckets());
        } else if (c instanceof WccpComponent.RouterQueryInfo s) {
            routerIdentity(s.router());
            add("wccp.router_query_info.send_to_ip.ipv4", s.sentTo());
            add("wccp.router_query_info.target_ip.ipv4", s.target());
        } else if (c instanceof WccpComponent.CapabilitiesInfo s) {
            for (WccpCapability cap : s.capabilities()) {
                add("wccp.capability_element.type", cap.type());
                add("wccp.capability_element.length", cap.valueLength());
                if (cap instanceof WccpCapability.ForwardingMethod f) {
                    hex32("wccp.capability_info.value", f.methods());
                } else if (cap instanceof WccpCapability.AssignmentMethod a) {
                    hex32("wccp.capability_info.value", a.methods());
                } else if (cap instanceof WccpCapability.PacketReturnMethod p) {
                    hex32("wccp.capability_info.value", p.methods());
                }
                // TRANSMIT_T, TIMER_SCALE and unknown values: tshark 4.0.17 reads them from the
                // element's Type/Length octets instead of its value; see the golden test.
            }
        } else if (c instanceof WccpComponent.AlternateAssignment s) {
            add("wccp.alt_assignment_info.assignment_type", s.assignment().type());
            add("wccp.alt_assignment_info.assignment_length", s.assignmentLength());
            assignmentKey(s.assignmentKey());
            add("wccp.alt_assignment_info.num_routers", s.routers().size());
            for (WccpRouterAssignment r : s.routers()) {
                routerAssignment(r);
            }
            if (s.assignment() instanceof WccpAssignment.HashBuckets h) {
                add("wccp.wc_view_info.wc_num", h.webCaches().size());
                for (Ipv4Address a : h.webCaches()) {
                    // tshark 4.0.17 adds these with proto_tree_add_uint_format() from a host-order
                    // value: the field value is byte-swapped (its label, "IP address 192.0.2.10",
                    // is right). Mirror the swap so the rest of the frame can be compared.
                    add("wccp.cache_ip", Ipv4Address.of(Integer.reverseBytes(a.bits())));
                }
                bucketOctets(h.buckets());
            } else if (s.assignment() instanceof WccpAssignment.MaskValueSets v) {
                maskValueSetList(v.sets());
            }
        } else if (c instanceof WccpComponent.AssignmentMap s) {
            maskValueSetList(s.sets());
        } else if (c instanceof WccpComponent.CommandExtension s) {
            for (WccpCommand cmd : s.commands()) {
                add("wccp.command_element_type", cmd.type());
                add("wccp.command_element_length", cmd.dataLength());
                if (cmd instanceof WccpCommand.Shutdown sd) {
                    add("wccp.command_element_shudown_ip_address.ipv4", sd.webCache());
                } else if (cmd instanceof WccpCommand.ShutdownResponse sr) {
                    add("wccp.command_element_shudown_ip_address.ipv4", sr.webCache());
                }
            }
        } else if (c instanceof WccpComponent.UnknownComponent u) {
            add("wccp.item_data", u.body().toHex());
        }
    }

    private void routerIdentity(WccpRouterIdentity r) {
        add("wccp.router_identity.ip_address.ipv4", r.address());
        add("wccp.router_identity.receive_id", r.receiveId());
    }

    private void routerAssignment(WccpRouterAssignment r) {
        add("wccp.router_identity.ip_address.ipv4", r.address());
        add("wccp.router_identity.receive_id", r.receiveId());
        add("wccp.router_assignment_element.change_num", r.changeNumber());
    }

    private void assignmentKey(WccpAssignmentKey k) {
        add("wccp.assignment_key.ipv4", k.address());
        add("wccp.assignment_key.change_num", k.changeNumber());
    }

    private void webCacheIdentity(WccpWebCacheIdentity w) {
        add("wccp.web_cache_identity.ipv4", w.address());
        add("wccp.web_cache_identity.hash_rev", w.hashRevision());
        hex16("wccp.web_cache_identity.flags", w.flags().bits());
        WccpAssignmentData data = w.assignmentData();
        if (data instanceof WccpAssignmentData.Hash h) {
            bucketBits(h.buckets());
            add("wccp.assignment_weight", h.weight());
            hex16("wccp.assignment_status", h.status());
        } else if (data instanceof WccpAssignmentData.Mask m) {
            maskValueSetList(m.sets());
            add("wccp.assignment_weight", m.weight());
            hex16("wccp.assignment_status", m.status());
        } else if (data instanceof WccpAssignmentData.Extended e) {
            add("wccp.extended_assignment_data.type", e.extendedType());
            add("wccp.extended_assignment_data.length", e.data().length());
            if (e.extendedType() == 3 && e.data().length() == 4) { // weight and status only ([R1] 6.9)
                add("wccp.assignment_weight", e.data().byteAt(0) << 8 | e.data().byteAt(1));
                hex16("wccp.assignment_status", e.data().byteAt(2) << 8 | e.data().byteAt(3));
            }
        }
    }

    private void maskValueSetList(List<WccpMaskValueSet> sets) {
        add("wccp.mask_value_set_list.num_elements", sets.size());
        for (WccpMaskValueSet s : sets) {
            hex32("wccp.mask_element.src_ip", s.mask().sourceAddressMask());
            hex32("wccp.mask_element.dest_ip", s.mask().destinationAddressMask());
            hex16("wccp.mask_element.src_port", s.mask().sourcePortMask());
            hex16("wccp.mask_element.dest_port", s.mask().destinationPortMask());
            add("wccp.mask_value_set_selement.value_element_num", s.values().size());
            for (WccpValueElement v : s.values()) {
                add("wccp.value_element.src_ip.ipv4", v.sourceAddress());
                add("wccp.value_element.dest_ip.ipv4", v.destinationAddress());
                add("wccp.value_element.src_port", v.sourcePort());
                add("wccp.value_element.dest_port", v.destinationPort());
                add("wccp.value_element.web_cache_ip.ipv4", v.webCache());
            }
        }
    }

    /** A 256-bit vector as wccp_bucket_info() adds it: per bucket i, {@code octet & 1 << (i % 8)}. */
    private void bucketBits(ByteString vector) {
        for (int i = 0; i < WccpBuckets.COUNT; i++) {
            add("wccp.bucket_bit", WccpBuckets.isAssigned(vector, i) ? 1 << (i % 8) : 0);
        }
    }

    private void bucketOctets(ByteString octets) {
        for (int i = 0; i < WccpBuckets.COUNT; i++) {
            add("wccp.bucket", octets.byteAt(i));
        }
    }

    // ---------------------------------------------------------------- v1

    static TsharkFields of(WccpV1Message m) {
        TsharkFields t = new TsharkFields();
        t.add("wccp.message", m.type().value());
        if (m instanceof WccpV1Message.HereIAm h) {
            t.hex32("wccp.version", WccpV1Message.VERSION);
            t.add("wccp.hash_revision", h.hashRevision());
            t.bucketBits(h.buckets());
            t.hex32("wccp.hash_flag", h.flags());
            t.add("wccp.recvd_id", h.receivedId());
        } else if (m instanceof WccpV1Message.ISeeYou s) {
            t.hex32("wccp.version", WccpV1Message.VERSION);
            t.add("wccp.change_num", s.changeNumber());
            t.add("wccp.recvd_id", s.receivedId());
            t.add("wccp.wc_num", s.webCaches().size());
            for (WccpV1Message.WebCacheEntry e : s.webCaches()) {
                t.add("wccp.cache_ip", e.address());
                t.add("wccp.hash_revision", e.hashRevision());
                t.bucketBits(e.buckets());
                t.hex32("wccp.hash_flag", e.flags());
            }
        } else {
            WccpV1Message.AssignBucket a = (WccpV1Message.AssignBucket) m;
            t.add("wccp.recvd_id", a.receivedId());
            t.add("wccp.wc_num", a.webCaches().size());
            for (Ipv4Address cache : a.webCaches()) {
                t.add("wccp.cache_ip", cache);
            }
            t.bucketOctets(a.buckets());
        }
        return t;
    }
}
