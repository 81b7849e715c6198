#!/usr/bin/env python3
"""Runs tshark on wccp-control.pcap and stores what it decodes in wccp-control.tsv.

The TSV is the golden fixture of WccpTsharkGoldenTest: one row per frame, one column per
tshark field, every occurrence of a field in the frame (in tree order, which for WCCP is wire
order) joined by ','. Nothing in it is typed by hand or computed by this project's code.

The first line is a '#' comment naming the tshark version and command; the second is the
header row (tshark's own, -E header=y).

Usage: python3 testdata/scripts/tshark-wccp-control.py [PCAP [TSV]]
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "..", "gre-wccp", "src", "test", "resources", "org", "tunnelcodec", "gre", "wccp")

FIELDS = [
    "frame.number",
    # header
    "wccp.message", "wccp.version", "wccp.message_header_version", "wccp.message_header_length",
    # component framing
    "wccp.item_type", "wccp.item_length", "wccp.item_data",
    # Security Info
    "wccp.security_info_option", "wccp.security_md5_checksum",
    # Service Info
    "wccp.service_info_type", "wccp.service_info_std_id", "wccp.service_info_dyn_id",
    "wccp.service_info_priority", "wccp.service_info_protocol", "wccp.service_info_flags",
    "wccp.service_info_source_port", "wccp.service_info_destination_port",
    # Router Identity Element / Router Identity Info
    "wccp.router_identity.ip_address.ipv4", "wccp.router_identity.receive_id",
    "wccp.router_identity.router_ip.ipv4", "wccp.router_identity.send_to_ip.ipv4",
    "wccp.router.num_recv_ip", "wccp.router_identity.received_from_ip.ipv4",
    # Web-Cache Identity Element
    "wccp.wc_identity_ip_address.ipv4", "wccp.router_query_info.ipv4",
    "wccp.web_cache_identity.ipv4", "wccp.web_cache_identity.hash_rev", "wccp.web_cache_identity.flags",
    "wccp.bucket_bit", "wccp.assignment_weight", "wccp.assignment_status",
    "wccp.extended_assignment_data.type", "wccp.extended_assignment_data.length",
    # Assignment Key, Router View, Web-Cache View
    "wccp.assignment_key.ipv4", "wccp.assignment_key.change_num",
    "wccp.router_view.member_change_num", "wccp.router_view.router_num", "wccp.router_view.ipv4",
    "wccp.wc_view_info.wc_num",
    "wccp.wc_view_info.change_num", "wccp.wc_view_info.router_num",
    "wccp.wc_view_info.router_ip.ipv4", "wccp.wc_view_info.wc_ip.ipv4",
    # Assignment Info, Hash Buckets Assignment Element, Alternate Assignment
    "wccp.assignment_info.router_num", "wccp.assignment_info.router_ip.ipv4",
    "wccp.router_assignment_element.change_num",
    "wccp.hash_buckets_assignment.wc_num", "wccp.hash_buckets_assignment.wc_ip.ipv4",
    "wccp.bucket", "wccp.cache_ip",
    "wccp.alt_assignment_info.assignment_type", "wccp.alt_assignment_info.assignment_length",
    "wccp.alt_assignment_info.num_routers",
    # Router Query Info
    "wccp.router_query_info.send_to_ip.ipv4", "wccp.router_query_info.target_ip.ipv4",
    # Capabilities
    "wccp.capability_element.type", "wccp.capability_element.length", "wccp.capability_info.value",
    "wccp.capability.transmit_t", "wccp.capability.transmit_t.upper_limit",
    "wccp.capability.transmit_t.lower_limit",
    "wccp.capability.timer_scale.timeout_scale", "wccp.capability.timer_scale.ra_timer_scale",
    "wccp.capability.value",
    # Mask/Value Set List
    "wccp.mask_value_set_list.num_elements",
    "wccp.mask_element.src_ip", "wccp.mask_element.dest_ip",
    "wccp.mask_element.src_port", "wccp.mask_element.dest_port",
    "wccp.mask_value_set_selement.value_element_num",
    "wccp.value_element.src_ip.ipv4", "wccp.value_element.dest_ip.ipv4",
    "wccp.value_element.src_port", "wccp.value_element.dest_port", "wccp.value_element.web_cache_ip.ipv4",
    # Command Extension
    "wccp.command_element_type", "wccp.command_element_length",
    "wccp.command_element_shudown_ip_address.ipv4",
    # v1
    "wccp.hash_revision", "wccp.hash_flag", "wccp.recvd_id", "wccp.change_num", "wccp.wc_num",
]


def main():
    pcap = sys.argv[1] if len(sys.argv) > 1 else os.path.join(RES, "wccp-control.pcap")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(RES, "wccp-control.tsv")
    version = subprocess.run(["tshark", "-v"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
    if " 4.0." not in version:
        print("warning: the fixture was made with tshark 4.0.17; this is", version, file=sys.stderr)
    cmd = ["tshark", "-r", pcap, "-n", "-o", "udp.check_checksum:TRUE",
           "-T", "fields", "-E", "header=y", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"]
    for f in FIELDS:
        cmd += ["-e", f]
    table = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    shown = " ".join(os.path.basename(a) if a == pcap else a for a in cmd)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + version + " " + shown.split(" -e ")[0] + " -e <each field of the header row>\n")
        f.write(table)
    print("wrote", os.path.normpath(out))


if __name__ == "__main__":
    main()
