package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.IpScan;

/**
 * The bindings of one mobile node (one home address), on either side of its tunnel: the care-of
 * addresses it registered by Binding Identifier (Multiple Care-of Addresses, RFC 5648), the flow
 * bindings that put flows on some of them (RFC 6089), built by applying decoded Binding Updates
 * ({@link #apply}), which answers each with the Binding Acknowledgement to send; and, for the
 * per-packet path, an immutable {@link Snapshot} that chooses the care-of address for a packet,
 * encapsulates toward it and checks what comes back, without allocating.
 *
 * <pre>{@code
 * BindingTable mn = BindingTable.builder(BindingTable.Role.HOME_AGENT, homeAgent, homeAddress).build();
 * MobilityHeader ba = mn.apply(bindingUpdate, packetSource, nowSeconds);   // control thread
 * BindingTable.Snapshot s = mn.snapshot();                                 // per batch, any thread
 * int slot = s.select(buf, ipIndex, ipEnd);                                // the binding for this packet
 * int start = s.tunnel(slot).push(buf, ipIndex, ipEnd);                    // HA -> that care-of address
 * }</pre>
 *
 * <h2>What {@link #apply} does, in order</h2>
 * <ol>
 *   <li><b>Sequence number</b> (RFC 6275 §9.5.1; RFC 5648 §4.1 shares one number among all of a
 *       mobile node's bindings; §6.2 checks it first): once the table has accepted an update,
 *       the Sequence # must be newer than the last accepted one modulo 2^16
 *       ({@link MobilityMessage.BindingUpdate#isNewer}); else the answer is Status 135 with the last
 *       accepted number, and nothing changes. The number is kept after a deregistration, so a
 *       delayed update is still refused (RFC 6275 §10.3.2 keeps it for that).</li>
 *   <li><b>Without a Binding Identifier option</b> (RFC 5648 §6.2, RFC 6275): a Lifetime of 0
 *       deletes every binding and every flow binding (RFC 6089 §5.3.3); otherwise every binding
 *       is replaced by one binding without a BID (a "regular" binding), to the Alternate Care-of
 *       Address if the update has one, else to the packet's source. This holds for an update that
 *       carries Flow Identification options too: RFC 6089 §5.3.2 processes it as RFC 6275 does
 *       first, then its Binding Identifier options (§5.3.1), then its flows, so a flow whose BID
 *       Reference names a BID registered by an earlier update, and not by this one, finds it
 *       replaced and fails with 131 (§5.3.2.1). A mobile node keeps its BIDs by sending Binding
 *       Identifier options with its flows (without care-of addresses they refresh, RFC 5648 §5.1;
 *       with O clear the BIDs it does not name stay, §5.3); the BIDs a flow names may then come
 *       from earlier updates, as RFC 6089 §5.2.1 allows ("either in the same BU as any flow
 *       identification mobility options using them or in earlier BUs").</li>
 *   <li><b>With Binding Identifier options</b> (RFC 5648 §6.2):
 *     <ul>
 *       <li>more than one, and bulk registration not allowed ({@link Builder#bulkRegistration}):
 *           Status 168 for the whole update (RFC 5648 §4.4: none is registered);</li>
 *       <li>Lifetime 0: the BIDs named are deleted; a BID the table does not hold makes the whole
 *           update fail with Status 133, as §6.2 says ("MUST reject the Binding Update");</li>
 *       <li>otherwise, with O clear ({@link #FLAG_O}, RFC 5648 §4.2) while a regular binding
 *           exists: Status 165 and nothing is processed; with O set, every binding is removed
 *           first; then each option registers its BID: with a care-of address it creates or
 *           replaces the binding (IPv6, or IPv4 for DSMIPv6), without one it refreshes a BID
 *           the table holds (its address kept) or fails that BID with 167. BID 0, which RFC 5648
 *           §4.3 reserves, fails that BID with 164 (a choice: the RFC names no status). A failed
 *           BID gives the answer Status 4 (MCOA NOTCOMPLETE) with the code in that BID's
 *           option; the rest are registered.</li>
 *     </ul>
 *     The answer repeats every Binding Identifier option of the update, without its address,
 *     with its own Status and BID-PRI (RFC 5648 §6.2, RFC 6089 §5.3.5).</li>
 *   <li><b>Flow bindings</b>, if the update was accepted (RFC 6089 §5.3.1: after the BIDs, so a
 *       flow may name a BID of the same update):
 *     <ul>
 *       <li>the same FID in two Flow Identification options: every Flow Identification option
 *           of the update fails with 130 (§5.3.2 rejects them all; the code is a choice), and
 *           the flow bindings they name are kept as they were;</li>
 *       <li>a new FID (§5.3.2.1) needs an FID and FID-PRI that are not 0, one Traffic Selector
 *           (else 130) of TS Format 1 or 2 (else 133), one BID Reference (else 130) whose BIDs
 *           the table holds (else 131), and an FID-PRI no other flow binding has (else 129:
 *           §4.2 forbids two FIDs one priority and names no status); the flow binding is added,
 *           active;</li>
 *       <li>a known FID (§5.3.2.2): its FID-PRI is replaced, and its traffic selector and BIDs
 *           too when the option carries them, under the same checks; a failed check leaves the
 *           flow binding as it was;</li>
 *       <li>a Flow Summary option refreshes the FIDs it lists; an unknown one is answered with a
 *           Flow Identification option with Status 132 (§5.3.3);</li>
 *       <li>every flow binding that no Flow Identification or Flow Summary option of the update
 *           names is removed (§5.3.4);</li>
 *       <li>a flow binding is active while at least one of its BIDs is registered (§4.3): losing
 *           its BIDs makes it inactive, not gone.</li>
 *     </ul>
 *     The answer repeats every Flow Identification option of the update, without sub-options,
 *     with its Status (§5.3.5).</li>
 *   <li><b>IPv4 home address</b> (DSMIPv6, RFC 5555 §4.5), on the home agent's side, if the
 *       update was accepted: an IPv4 Home Address option binds the builder's IPv4 home address
 *       ({@link Builder#ipv4HomeAddress}) when it asks for that address or for 0.0.0.0, and the
 *       answer carries an IPv4 Address Acknowledgement (Status 0, the Pref-len configured);
 *       another address gets 130, a prefix request (P) 133, a table without one 132 (0.0.0.0)
 *       or 130, with Pref-len 0 and the address as requested (§3.2.1). The Binding
 *       Acknowledgement's Status does not change. An update without the option, or a
 *       deregistration, removes the IPv4 binding (§4.4.2.1: the option is repeated in every
 *       refresh).</li>
 *   <li>The sequence number is stored; each registered binding expires {@code now} plus the
 *       Lifetime granted (the Lifetime asked for, at most {@link Builder#maxLifetime}), which
 *       the answer carries; {@link #expire} removes the bindings past it. The table reads no
 *       clock.</li>
 * </ol>
 *
 * <h2>Mobile routers (NEMO Basic Support, RFC 3963)</h2>
 * On the mobile node's side (a mobile router keeping its own bindings) the table records R and
 * the prefixes its own updates carry, without the checks below, which are the home agent's.
 * A home agent's table serves a mobile router when its builder permits it
 * ({@link Builder#mobileRouter}, with the Prefix Table entry of §6.1.2: the prefixes the router
 * may serve). For an update with R set, or one without R to bindings that have it, {@link #apply}
 * checks, after the sequence number and before anything else, and refuses the whole update on the
 * first failure, registering nothing (§6.2: "MUST NOT register the binding"):
 * <ol>
 *   <li>R set while mobile routers are not permitted, or with H clear: Status 140 (§6.6, §6.2);</li>
 *   <li>R different from the existing bindings' (not a deregistration, which ignores R): Status
 *       139 (§6.2);</li>
 *   <li>explicit mode (Mobile Network Prefix options): a Prefix Length outside 1..128 gives 141
 *       (no forwarding can be set up for it; a choice, §4.3 sets no bound), a prefix no Prefix
 *       Table entry covers gives 142 (§6.2, §9: the home agent "MUST be able to verify that the
 *       Mobile Router is authorized for the prefixes");</li>
 *   <li>implicit mode (no prefix option): the Prefix Table's prefixes, or 143 when it is empty
 *       (§6.2).</li>
 * </ol>
 * An accepted registration with R sets up its prefixes, replacing those of the previous one
 * (§6.2: forwarding to a prefix it no longer lists is disabled), and the answer carries R (§4.2,
 * §6.6); one without R leaves none. A deregistration's prefix options are ignored (§6.7), and the
 * prefixes go with the last binding (§5.8, §6.7, also by {@link #expire}). The snapshot lists them
 * ({@link Snapshot#mobileNetworkPrefixes}, the routes the caller points at the table, §6.5),
 * answers whether an address is the mobile router's ({@link Snapshot#inMobileNetwork}), and its
 * {@link Snapshot#decapsulate} takes from a mobile router only IPv6 packets whose source is the
 * home address or in one of them, not link-local (§9: the inner source "MUST be topologically
 * correct with respect to the IPv6 prefixes used in the Mobile Network"; §8). A refused update
 * leaves the Sequence # as it was.
 *
 * <h2>Selection (RFC 6089 §5.3.6, §5.1.1)</h2>
 * A packet is matched against the active flow bindings in ascending FID-PRI; the first that
 * matches gives the binding: its registered BID of lowest BID-PRI ({@link Snapshot#flowSlots}
 * lists all of them, for the replication §5.3.6 describes). A packet no flow binding matches
 * takes the binding of lowest BID-PRI (BID-PRI 0, RFC 5648's format, counts as the lowest
 * priority; ties go to the lower BID), or the regular binding. Selection reads the packet's
 * addresses, protocol, ports (TCP, UDP, UDP-Lite, SCTP), SPI (ESP, AH), DS octet or Traffic
 * Class, and Flow Label; a fragment is matched without ports or SPI.
 *
 * <p>The table is thread-safe: {@link #apply} and {@link #expire} are synchronized and publish
 * a new snapshot; {@link #snapshot()} is a volatile read, and a snapshot is immutable.
 */
public final class BindingTable {
    /** The two ends of the tunnel this table serves. */
    public enum Role {
        /** The home agent: tunnels to the care-of addresses, receives from them. */
        HOME_AGENT,
        /** The mobile node: tunnels from its care-of addresses to the home agent. */
        MOBILE_NODE
    }

    /** Binding Update flag O, Overwrite (RFC 5648 §4.2: the tenth flag bit). */
    public static final int FLAG_O = 0x0040;
    /** Binding Acknowledgement Status: accepted. */
    public static final int ACCEPTED = 0;
    /** Binding Acknowledgement Status 4: MCOA NOTCOMPLETE (RFC 5648 §4.4). */
    public static final int MCOA_NOTCOMPLETE = 4;
    /** Binding Acknowledgement Status 133: not home agent for this mobile node (RFC 6275 §6.1.8). */
    public static final int NOT_HOME_AGENT = 133;
    /** Binding Acknowledgement Status 135: sequence number out of window (RFC 6275 §9.5.1). */
    public static final int SEQUENCE_OUT_OF_WINDOW = 135;
    /** Binding Identifier Status 164: MCOA MALFORMED (RFC 5648 §4.4). */
    public static final int MCOA_MALFORMED = 164;
    /** Binding Acknowledgement Status 165: MCOA NON-MCOA BINDING EXISTS (RFC 5648 §4.4). */
    public static final int MCOA_NON_MCOA_BINDING_EXISTS = 165;
    /** Binding Identifier Status 167: MCOA UNKNOWN COA (RFC 5648 §4.4). */
    public static final int MCOA_UNKNOWN_COA = 167;
    /** Binding Acknowledgement Status 168: MCOA BULK REGISTRATION PROHIBITED (RFC 5648 §4.4). */
    public static final int MCOA_BULK_REGISTRATION_PROHIBITED = 168;
    /** Flow Identification Status 129: flow binding rejected, reason unspecified (RFC 6089 §4.2). */
    public static final int FLOW_REJECTED = 129;
    /** Flow Identification Status 130: flow identification mobility option malformed. */
    public static final int FLOW_MALFORMED = 130;
    /** Flow Identification Status 131: BID not found. */
    public static final int FLOW_BID_NOT_FOUND = 131;
    /** Flow Identification Status 132: FID not found. */
    public static final int FLOW_FID_NOT_FOUND = 132;
    /** Flow Identification Status 133: traffic selector format not supported. */
    public static final int FLOW_TS_FORMAT_NOT_SUPPORTED = 133;
    /**
     * Binding Acknowledgement Status 139: registration type change disallowed (RFC 6275
     * §6.1.8; RFC 3963 §6.2: R differs from the existing binding's).
     */
    public static final int REGISTRATION_TYPE_CHANGE_DISALLOWED = 139;
    /** Binding Acknowledgement Status 140: Mobile Router Operation not permitted (RFC 3963 §6.6). */
    public static final int MOBILE_ROUTER_NOT_PERMITTED = 140;
    /** Binding Acknowledgement Status 141: Invalid Prefix (RFC 3963 §6.6). */
    public static final int INVALID_PREFIX = 141;
    /** Binding Acknowledgement Status 142: Not Authorized for Prefix (RFC 3963 §6.6). */
    public static final int NOT_AUTHORIZED_FOR_PREFIX = 142;
    /** Binding Acknowledgement Status 143: Forwarding Setup failed, prefixes missing (RFC 3963 §6.6). */
    public static final int FORWARDING_SETUP_FAILED = 143;
    /** IPv4 Address Acknowledgement Status 128: failure, reason unspecified (RFC 5555 §3.2.1). */
    public static final int IPV4_FAILURE = 128;
    /** IPv4 Address Acknowledgement Status 130: incorrect IPv4 home address (RFC 5555 §3.2.1). */
    public static final int IPV4_INCORRECT_HOME_ADDRESS = 130;
    /** IPv4 Address Acknowledgement Status 132: dynamic IPv4 home address assignment not available (RFC 5555 §3.2.1). */
    public static final int IPV4_DYNAMIC_NOT_AVAILABLE = 132;
    /** IPv4 Address Acknowledgement Status 133: prefix allocation unauthorized (RFC 5555 §3.2.1). */
    public static final int IPV4_PREFIX_UNAUTHORIZED = 133;
    /** The Refresh time of the NAT Detection option a home agent sends (RFC 5555 §6: NATKATIMEOUT). */
    public static final long NAT_REFRESH_SECONDS = 110;

    /** The key of the regular binding: one without a Binding Identifier. */
    static final int REGULAR = -1;

    private final Role role;
    private final Ipv6Address homeAgent;
    private final Ipv6Address homeAddress;
    private final boolean bulkAllowed;
    private final long maxLifetimeSeconds;
    private final int encapsulationLimit;
    private final List<Prefix> prefixTable;
    private final Ipv4Address homeAgentIpv4;
    private final Ipv4Address ipv4HomeAddress;
    private final int ipv4HomePrefixLength;

    private int lastSequence = -1;
    // The mobile router state of the binding cache entry (RFC 3963 §6.1.1): its R flag and the
    // Mobile Network Prefixes forwarding is set up for.
    private boolean mobileRouter;
    private List<Prefix> mobileNetwork = List.of();
    // The IPv4 home address bound to the home address (RFC 5555 §4.5), or null.
    private Ipv4Address ipv4HomeBinding;
    // How each IPv4 care-of address (by BID) is reached (RFC 5555 §4.2): the address and UDP port
    // its Binding Update came from, and whether the tunnel runs over UDP.
    private final Map<Integer, Ipv4Path> ipv4Paths = new HashMap<>();
    // The outer IPv4 source and UDP source port of the update being applied, if the caller gave
    // them; the IPv4 care-of address they speak for, whether a NAT is between, and whether a
    // tunnel learned from them runs in UDP.
    private Ipv4Address updateIpv4Source;
    private int updateUdpPort = -1;
    private boolean updateHasOwn;
    private int updateOwnIpv4;
    private boolean updateNat;
    private boolean updateUdp;
    // The BIDs whose IPv4 path the update being applied set, and those the last accepted update
    // set: the paths its answer speaks for (acknowledge).
    private final Set<Integer> updateIpv4Paths = new HashSet<>();
    private Set<Integer> answeredIpv4Paths = Set.of();
    private final TreeMap<Integer, Binding> bindings = new TreeMap<>();
    private final TreeMap<Integer, FlowBinding> flows = new TreeMap<>();
    private volatile Snapshot snapshot;

    private BindingTable(Builder b) {
        this.role = b.role;
        this.homeAgent = b.homeAgent;
        this.homeAddress = b.homeAddress;
        this.bulkAllowed = b.bulkAllowed;
        this.maxLifetimeSeconds = b.maxLifetimeSeconds;
        this.encapsulationLimit = b.encapsulationLimit;
        this.prefixTable = b.prefixTable;
        this.homeAgentIpv4 = b.homeAgentIpv4;
        this.ipv4HomeAddress = b.ipv4HomeAddress;
        this.ipv4HomePrefixLength = b.ipv4HomePrefixLength;
        this.snapshot = new Snapshot(this, List.of(), List.of());
    }

    /**
     * Starts a table.
     *
     * @param role which end of the tunnel this table serves
     * @param homeAgent the home agent's address
     * @param homeAddress the mobile node's home address
     * @return a builder: bulk registration allowed, lifetimes up to 65535 units (262140 s), no
     *     Tunnel Encapsulation Limit
     */
    public static Builder builder(Role role, Ipv6Address homeAgent, Ipv6Address homeAddress) {
        return new Builder(Objects.requireNonNull(role, "role"), Objects.requireNonNull(homeAgent, "homeAgent"),
                Objects.requireNonNull(homeAddress, "homeAddress"));
    }

    /** How an IPv4 care-of address is reached: the outer address, the UDP port (-1: unknown), UDP or not. */
    private record Ipv4Path(int careOf, int address, int port, boolean udp) {
    }

    /**
     * An IPv6 prefix: a Mobile Network Prefix (RFC 3963 §4.3), or an entry of the home agent's
     * Prefix Table (§6.1.2). The bits of the address past {@code length} are cleared (RFC 3963
     * §4.3: they "should be zero"), so two records of one prefix are equal.
     *
     * @param address the prefix
     * @param length the prefix length, 1..128
     */
    public record Prefix(Ipv6Address address, int length) {
        /**
         * Checks the components.
         *
         * @param address the prefix
         * @param length the prefix length, 1..128
         * @throws IllegalArgumentException if {@code length} is out of range
         * @throws NullPointerException if {@code address} is null
         */
        public Prefix {
            Objects.requireNonNull(address, "address");
            Check.inRange("length", length, 1, 128);
            long high = address.high();
            long low = address.low();
            if (length <= 64) {
                high &= -1L << (64 - length);
                low = 0;
            } else if (length < 128) {
                low &= -1L << (128 - length);
            }
            if (high != address.high() || low != address.low()) {
                address = Ipv6Address.of(high, low); // the bits past the length cleared
            }
        }

        /**
         * Returns the prefix a Mobile Network Prefix option carries.
         *
         * @param option the option
         * @return the prefix
         * @throws IllegalArgumentException if its Prefix Length is not 1..128
         */
        public static Prefix of(MobilityOption.MobileNetworkPrefix option) {
            return new Prefix(option.prefix(), option.prefixLength());
        }

        /**
         * Returns whether the address whose halves are given is in this prefix.
         *
         * @param high the first 64 bits of the address
         * @param low the last 64 bits
         * @return whether its first {@code length} bits are this prefix's
         */
        public boolean contains(long high, long low) {
            return matches(address.high(), address.low(), length, high, low);
        }

        /**
         * Returns whether this prefix covers another: it is as long or shorter, and the other
         * one's first {@code length} bits are this prefix's.
         *
         * @param other the other prefix
         * @return whether every address of {@code other} is in this prefix
         */
        public boolean covers(Prefix other) {
            return other.length >= length && contains(other.address.high(), other.address.low());
        }

        static boolean matches(long prefixHigh, long prefixLow, int length, long high, long low) {
            if (length <= 64) {
                long mask = -1L << (64 - length); // length >= 1: a shift of 0..63
                return ((prefixHigh ^ high) & mask) == 0;
            }
            long mask = length == 128 ? -1L : -1L << (128 - length);
            return prefixHigh == high && ((prefixLow ^ low) & mask) == 0;
        }

        @Override
        public String toString() {
            return address + "/" + length;
        }
    }

    /**
     * One binding: a care-of address registered under a Binding Identifier, or the regular
     * binding, which has none.
     *
     * @param bindingId the BID, or -1 for the regular binding
     * @param priority the BID-PRI, 0..127 (0: none given)
     * @param homeAndForeign the H flag of RFC 5648 §4.3
     * @param careOfAddress the care-of address: 16 octets, or 4 for an IPv4 care-of address
     * @param expires when it expires, in the caller's clock (seconds)
     */
    public record Binding(int bindingId, int priority, boolean homeAndForeign, ByteString careOfAddress, long expires) {
        /**
         * Checks the components.
         *
         * @param bindingId the BID, or -1 for the regular binding
         * @param priority the BID-PRI, 0..127 (0: none given)
         * @param homeAndForeign the H flag of RFC 5648 §4.3
         * @param careOfAddress the care-of address: 16 octets, or 4 for an IPv4 care-of address
         * @param expires when it expires, in the caller's clock (seconds)
         * @throws IllegalArgumentException if a component is out of range
         */
        public Binding {
            Check.inRange("bindingId", bindingId, REGULAR, 0xFFFF);
            Check.inRange("priority", priority, 0, 0x7F);
            Check.argument(careOfAddress.length() == 4 || careOfAddress.length() == 16, "careOfAddress.length()",
                    careOfAddress.length(), "4 or 16");
        }

        /**
         * Returns the IPv6 care-of address, if the care-of address is IPv6.
         *
         * @return the address, or empty for an IPv4 care-of address
         */
        public Optional<Ipv6Address> ipv6CareOfAddress() {
            return careOfAddress.length() == 16 ? Optional.of(Ipv6Address.read(careOfAddress.asReadOnlyBuffer(), 0))
                    : Optional.empty();
        }

        /** The order of the default selection: BID-PRI, 0 last, then BID. */
        static int compare(Binding a, Binding b) {
            int pa = a.priority == 0 ? 0x80 : a.priority;
            int pb = b.priority == 0 ? 0x80 : b.priority;
            return pa != pb ? Integer.compare(pa, pb) : Integer.compare(a.bindingId, b.bindingId);
        }
    }

    /**
     * One flow binding (RFC 6089 §4.3).
     *
     * @param flowId the FID, 1..65535
     * @param priority the FID-PRI, 1..65535
     * @param selector the traffic selector
     * @param bindingIds the BIDs it refers to, in the order given
     */
    public record FlowBinding(int flowId, int priority, BinaryTrafficSelector selector, List<Integer> bindingIds) {
        /**
         * Checks and copies the components.
         *
         * @param flowId the FID, 1..65535
         * @param priority the FID-PRI, 1..65535
         * @param selector the traffic selector
         * @param bindingIds the BIDs it refers to, at least one
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if a component is null
         */
        public FlowBinding {
            Check.inRange("flowId", flowId, 1, 0xFFFF);
            Check.inRange("priority", priority, 1, 0xFFFF);
            Objects.requireNonNull(selector, "selector");
            bindingIds = List.copyOf(bindingIds);
            Check.argument(!bindingIds.isEmpty(), "bindingIds", bindingIds, "at least one BID");
        }
    }

    /**
     * Returns the role the table serves.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * Returns the mobile node's home address.
     *
     * @return the home address
     */
    public Ipv6Address homeAddress() {
        return homeAddress;
    }

    /**
     * Returns the home agent's address.
     *
     * @return the home agent
     */
    public Ipv6Address homeAgent() {
        return homeAgent;
    }

    /**
     * Returns whether the binding cache entry is a mobile router's: its registration had R set
     * and passed the checks of RFC 3963 §6.2 (the entry stores R, §6.1.1).
     *
     * @return whether the bindings are a mobile router's
     */
    public synchronized boolean mobileRouter() {
        return mobileRouter;
    }

    /**
     * Returns the Mobile Network Prefixes forwarding is set up for (RFC 3963): those of the
     * accepted registration with R, or the Prefix Table's in implicit mode; empty for a mobile
     * node.
     *
     * @return the prefixes
     */
    public synchronized List<Prefix> mobileNetworkPrefixes() {
        return mobileNetwork;
    }

    /**
     * Returns the last accepted Sequence #.
     *
     * @return 0..65535, or -1 before the first accepted update
     */
    public synchronized int lastSequence() {
        return lastSequence;
    }

    /**
     * Returns the bindings, by BID (the regular binding, if any, first).
     *
     * @return a copy of the bindings
     */
    public synchronized List<Binding> bindings() {
        return List.copyOf(bindings.values());
    }

    /**
     * Returns the flow bindings, by FID.
     *
     * @return a copy of the flow bindings
     */
    public synchronized List<FlowBinding> flowBindings() {
        return List.copyOf(flows.values());
    }

    /**
     * Returns whether a flow binding is active: at least one of its BIDs is registered (RFC 6089
     * §4.3).
     *
     * @param flowId the FID
     * @return whether it exists and is active
     */
    public synchronized boolean active(int flowId) {
        FlowBinding f = flows.get(flowId);
        return f != null && isActive(f);
    }

    private boolean isActive(FlowBinding f) {
        for (int bid : f.bindingIds()) {
            if (bindings.containsKey(bid)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the table as the data path reads it now.
     *
     * @return the current snapshot; immutable
     */
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Applies a Binding Update and returns the Binding Acknowledgement to send; see the class
     * description for the exact semantics.
     *
     * @param update the decoded Mobility Header of the Binding Update
     * @param packetSource the source address of the packet that carried it: the care-of address
     *                     of a regular binding without an Alternate Care-of Address option
     * @param now the caller's clock, in seconds: bindings expire {@code now} plus their lifetime
     * @return the Binding Acknowledgement's Mobility Header (Checksum 0: the encoder computes it)
     * @throws IllegalArgumentException if {@code update} is not a Binding Update
     * @throws NullPointerException if an argument is null
     */
    public synchronized MobilityHeader apply(MobilityHeader update, Ipv6Address packetSource, long now) {
        return applyFrom(update, packetSource, null, -1, now);
    }

    /**
     * Applies a Binding Update that arrived in UDP over IPv4 (RFC 5555 §4.1: a mobile node in an
     * IPv4 network always sends it so), as {@link #apply(MobilityHeader, Ipv6Address, long)} does,
     * and learns how the IPv4 care-of address it came from is reached (§4.2, §2.3.2.2). That
     * address is the update's IPv4 care-of address (a Binding Identifier option's, or the IPv4
     * Care-of Address option's for a regular binding) equal to {@code ipv4Source}, or, when
     * none is, the update's only one, which is then behind a NAT; an update that names several
     * and is sent from none of them speaks for none. The home agent's tunnel to it runs in UDP
     * to {@code ipv4Source} and {@code udpSourcePort} behind a NAT or when the update sets F
     * (forced UDP encapsulation, §3.1.3), else in IPv4 to the care-of address itself; the other
     * IPv4 care-of addresses keep their path, or get a direct one (none in UDP when F is set:
     * their port is unknown). When the tunnel to one of them
     * runs in UDP, the answer carries a NAT Detection option (§3.2.2: "If a NAT is detected, this
     * option MUST be sent by the home agent"): F clear, Refresh time {@value #NAT_REFRESH_SECONDS}
     * s (NATKATIMEOUT, §6) with a NAT, all ones without one ("keepalives are not needed"). A
     * direct tunnel gets no option, since a mobile node that receives one "MUST tunnel future
     * packets in UDP" (§4.4.2). A refresh without an address updates the path too (a NAT may map
     * the refresh to another port).
     *
     * <p>On the mobile node's side (applying its own update as sent), {@code ipv4Source} and
     * {@code udpSourcePort} are the ones it sent from: the tunnel of the care-of address equal
     * to {@code ipv4Source} runs from there, in UDP when F is set or once
     * {@link #acknowledge} sees a NAT Detection option; no option is added to its answer.
     *
     * @param update the decoded Mobility Header of the Binding Update
     * @param packetSource the source address of the IPv6 packet that carried it, as for the other
     *                     {@code apply}
     * @param ipv4Source the source address of the outer IPv4 header
     * @param udpSourcePort the source port of the UDP header
     * @param now the caller's clock, in seconds
     * @return the Binding Acknowledgement's Mobility Header (Checksum 0: the encoder computes it)
     * @throws IllegalArgumentException if {@code update} is not a Binding Update, or the port is
     *     out of range
     * @throws NullPointerException if an argument is null
     */
    public synchronized MobilityHeader apply(MobilityHeader update, Ipv6Address packetSource, Ipv4Address ipv4Source,
                                             int udpSourcePort, long now) {
        Objects.requireNonNull(ipv4Source, "ipv4Source");
        Check.inRange("udpSourcePort", udpSourcePort, 0, 0xFFFF);
        return applyFrom(update, packetSource, ipv4Source, udpSourcePort, now);
    }

    private MobilityHeader applyFrom(MobilityHeader update, Ipv6Address packetSource, Ipv4Address ipv4Source,
                                     int udpSourcePort, long now) {
        updateIpv4Source = ipv4Source;
        updateUdpPort = udpSourcePort;
        updateHasOwn = false;
        updateNat = false;
        updateUdp = false;
        updateIpv4Paths.clear();
        try {
            return applyUpdate(update, packetSource, now);
        } finally {
            updateIpv4Source = null;
        }
    }

    private MobilityHeader applyUpdate(MobilityHeader update, Ipv6Address packetSource, long now) {
        Objects.requireNonNull(packetSource, "packetSource");
        if (!(Objects.requireNonNull(update, "update").message() instanceof MobilityMessage.BindingUpdate bu)) {
            throw new IllegalArgumentException("update: " + update.message() + " (expected: a Binding Update)");
        }
        if (lastSequence >= 0 && !MobilityMessage.BindingUpdate.isNewer(bu.sequence(), lastSequence)) {
            return answer(bu, SEQUENCE_OUT_OF_WINDOW, lastSequence, 0, List.of());
        }
        boolean router = (bu.flags() & MobilityMessage.BindingUpdate.R) != 0;
        boolean deregistration = bu.lifetime() == 0;
        List<Prefix> network = List.of();
        if (role == Role.MOBILE_NODE) {
            network = router && !deregistration ? optionPrefixes(update) : List.of(); // its own updates, unchecked
        } else if (router || !bindings.isEmpty() && mobileRouter && !deregistration) {
            int nemo = checkMobileRouter(update, bu, router, deregistration);
            if (nemo != ACCEPTED) {
                return answer(bu, nemo, bu.sequence(), 0, List.of());
            }
            if (router && !deregistration) {
                network = requestedNetwork(update);
            }
        }
        List<MobilityOption.BindingIdentifier> bids = new ArrayList<>();
        for (MobilityOption o : update.options()) {
            if (o instanceof MobilityOption.BindingIdentifier b) {
                bids.add(b);
            }
        }
        findOwnIpv4(update, bids);
        long lifetime = Math.min(bu.lifetimeSeconds(), maxLifetimeSeconds);
        List<MobilityOption> options = new ArrayList<>();
        int status = ACCEPTED;
        if (bids.isEmpty()) {
            bindings.clear();
            if (bu.lifetime() == 0) {
                flows.clear();
            } else {
                MobilityOption.Ipv4CareOfAddress v4 = update.option(MobilityOption.Ipv4CareOfAddress.class);
                MobilityOption.AlternateCareOfAddress alt = update.option(MobilityOption.AlternateCareOfAddress.class);
                if (v4 != null) { // RFC 5555 §4.2: the binding is to the IPv4 care-of address the option carries
                    ByteString coa = ByteString.of(v4.careOfAddress().toByteArray());
                    bindings.put(REGULAR, new Binding(REGULAR, 0, false, coa, now + lifetime));
                    ipv4Path(REGULAR, coa, (bu.flags() & MobilityMessage.BindingUpdate.F) != 0);
                } else {
                    Ipv6Address coa = alt != null ? alt.address() : packetSource;
                    ipv4Paths.remove(REGULAR);
                    bindings.put(REGULAR, new Binding(REGULAR, 0, false, ByteString.of(coa.toByteArray()), now + lifetime));
                }
            }
        } else if (bids.size() > 1 && !bulkAllowed) {
            return answer(bu, MCOA_BULK_REGISTRATION_PROHIBITED, bu.sequence(), 0, List.of());
        } else if (bu.lifetime() == 0) {
            for (MobilityOption.BindingIdentifier b : bids) {
                if (!bindings.containsKey(b.bindingId())) {
                    return answer(bu, NOT_HOME_AGENT, bu.sequence(), 0, List.of());
                }
            }
            for (MobilityOption.BindingIdentifier b : bids) {
                bindings.remove(b.bindingId());
                options.add(echo(b, ACCEPTED));
            }
        } else {
            boolean overwrite = (bu.flags() & FLAG_O) != 0;
            if (!overwrite && bindings.containsKey(REGULAR)) {
                return answer(bu, MCOA_NON_MCOA_BINDING_EXISTS, bu.sequence(), 0, List.of());
            }
            if (overwrite) {
                bindings.clear();
            }
            for (MobilityOption.BindingIdentifier b : bids) {
                int bidStatus = register(b, now + lifetime, (bu.flags() & MobilityMessage.BindingUpdate.F) != 0);
                if (bidStatus != ACCEPTED) {
                    status = MCOA_NOTCOMPLETE;
                }
                options.add(echo(b, bidStatus));
            }
        }
        lastSequence = bu.sequence();
        answeredIpv4Paths = Set.copyOf(updateIpv4Paths);
        if (!(bids.isEmpty() && bu.lifetime() == 0)) {
            applyFlows(update, options);
        }
        if (!deregistration) {
            // RFC 3963 §6.2: the prefixes of this update replace the entry's (forwarding to one
            // it no longer lists is disabled); without R the entry is a mobile node's
            mobileRouter = router;
            mobileNetwork = network;
        }
        ipv4Home(update, deregistration, options);
        publish();
        if (updateUdp && role == Role.HOME_AGENT) { // RFC 5555 §3.2.2: F when UDP is used without a NAT; Refresh time all ones then
            options.add(updateNat ? new MobilityOption.NatDetection(0, NAT_REFRESH_SECONDS)
                    : new MobilityOption.NatDetection(MobilityOption.NatDetection.F, 0xFFFF_FFFFL));
        }
        return answer(bu, status, bu.sequence(), bu.lifetime() == 0 ? 0 : MobilityHeader.units(lifetime), options);
    }

    /**
     * On the mobile node's side, takes the home agent's answer to the last update (RFC 5555
     * §4.4.2): with a NAT Detection option, "the mobile node MUST tunnel future packets in UDP
     * and IPv4", so the tunnels of the IPv4 care-of addresses that update spoke for (the one
     * it was sent from, or every one it named when it was applied without outer headers) run
     * in UDP from the port it was sent from to the home agent's 4191 (no tunnel while that
     * port is unknown). An answer without the option, one that refuses the update (Status 128
     * or more), or one whose Sequence # is not the last accepted update's changes nothing.
     *
     * @param acknowledgement the decoded Mobility Header of the Binding Acknowledgement
     * @throws IllegalStateException on the home agent's side
     * @throws IllegalArgumentException if it is not a Binding Acknowledgement
     * @throws NullPointerException if {@code acknowledgement} is null
     */
    public synchronized void acknowledge(MobilityHeader acknowledgement) {
        if (role != Role.MOBILE_NODE) {
            throw new IllegalStateException("acknowledge: the home agent's table answers updates (expected: MOBILE_NODE)");
        }
        if (!(Objects.requireNonNull(acknowledgement, "acknowledgement").message()
                instanceof MobilityMessage.BindingAcknowledgement ba)) {
            throw new IllegalArgumentException("acknowledgement: " + acknowledgement.message()
                    + " (expected: a Binding Acknowledgement)");
        }
        if (ba.status() >= 128 || ba.sequence() != lastSequence
                || acknowledgement.option(MobilityOption.NatDetection.class) == null) {
            return;
        }
        boolean changed = false;
        for (int bid : answeredIpv4Paths) {
            Ipv4Path p = ipv4Paths.get(bid);
            if (p != null && !p.udp()) {
                ipv4Paths.put(bid, new Ipv4Path(p.careOf(), p.address(), p.port(), true));
                changed = true;
            }
        }
        if (changed) {
            publish();
        }
    }

    /**
     * The IPv4 home address of an accepted update (RFC 5555 §4.5, §4.4.2.1): the option binds the
     * table's IPv4 home address (requested as 0.0.0.0, or as that address) and the answer
     * acknowledges it; an update without the option, or a deregistration, removes the binding.
     */
    private void ipv4Home(MobilityHeader update, boolean deregistration, List<MobilityOption> options) {
        MobilityOption.Ipv4HomeAddress request = update.option(MobilityOption.Ipv4HomeAddress.class);
        if (deregistration || role != Role.HOME_AGENT) {
            return; // a deregistration of some BIDs keeps it; of all, publish() drops it with them
        }
        ipv4HomeBinding = null;
        if (request == null) {
            return;
        }
        int requested = request.homeAddress().bits();
        int status;
        if (bindings.isEmpty()) {
            status = IPV4_FAILURE; // no IPv6 binding for it to go with (§4.4.2.1)
        } else if ((request.flags() & MobilityOption.Ipv4HomeAddress.P) != 0) {
            status = IPV4_PREFIX_UNAUTHORIZED; // no IPv4 mobile network prefix is delegated here
        } else if (ipv4HomeAddress == null) {
            status = requested == 0 ? IPV4_DYNAMIC_NOT_AVAILABLE : IPV4_INCORRECT_HOME_ADDRESS;
        } else if (requested != 0 && requested != ipv4HomeAddress.bits()) {
            status = IPV4_INCORRECT_HOME_ADDRESS; // "MUST check that this address is allocated to the mobile node"
        } else {
            status = ACCEPTED;
        }
        if (status == ACCEPTED) {
            ipv4HomeBinding = ipv4HomeAddress;
            options.add(new MobilityOption.Ipv4AddressAcknowledgement(0, ipv4HomePrefixLength, 0, ipv4HomeAddress));
        } else { // §3.2.1: Pref-len 0 on failure; the address as requested
            options.add(new MobilityOption.Ipv4AddressAcknowledgement(status, 0, 0, request.homeAddress()));
        }
    }

    /**
     * Returns the IPv4 home address bound to the home address (DSMIPv6, RFC 5555 §4.5): the
     * builder's, acknowledged to the last accepted update that asked for it.
     *
     * @return the address, or empty
     */
    public synchronized Optional<Ipv4Address> ipv4HomeAddress() {
        return Optional.ofNullable(ipv4HomeBinding);
    }

    /**
     * The checks of RFC 3963 §6.2 for an update with R set, or one without R to an entry that
     * has it; returns {@link #ACCEPTED} or the Status that rejects the whole update.
     */
    private int checkMobileRouter(MobilityHeader update, MobilityMessage.BindingUpdate bu, boolean router,
                                  boolean deregistration) {
        if (router && (prefixTable == null || (bu.flags() & MobilityMessage.BindingUpdate.H) == 0)) {
            return MOBILE_ROUTER_NOT_PERMITTED; // §6.6: not configured for mobile routers; §6.2: H MUST be set
        }
        if (!bindings.isEmpty() && router != mobileRouter && !deregistration) {
            return REGISTRATION_TYPE_CHANGE_DISALLOWED; // §6.2; a deregistration ignores R
        }
        if (!router || deregistration) {
            return ACCEPTED; // §6.7: a deregistration's prefix options are ignored
        }
        boolean explicit = false;
        for (MobilityOption o : update.options()) {
            if (o instanceof MobilityOption.MobileNetworkPrefix mnp) {
                explicit = true;
                if (mnp.prefixLength() < 1 || mnp.prefixLength() > 128) {
                    return INVALID_PREFIX; // no forwarding can be set up for it (a choice: §4.3 sets no bound)
                }
            }
        }
        if (!explicit) {
            return prefixTable.isEmpty() ? FORWARDING_SETUP_FAILED : ACCEPTED; // implicit mode, §6.2
        }
        for (MobilityOption o : update.options()) {
            if (o instanceof MobilityOption.MobileNetworkPrefix mnp && !authorized(Prefix.of(mnp))) {
                return NOT_AUTHORIZED_FOR_PREFIX; // §6.2 and §9: checked against the Prefix Table
            }
        }
        return ACCEPTED;
    }

    private boolean authorized(Prefix p) {
        for (Prefix entry : prefixTable) {
            if (entry.covers(p)) {
                return true;
            }
        }
        return false;
    }

    /** The prefixes a checked mobile router registration sets up: its options', or the Prefix Table's. */
    private List<Prefix> requestedNetwork(MobilityHeader update) {
        List<Prefix> out = optionPrefixes(update);
        return out.isEmpty() ? prefixTable : out;
    }

    /** The Mobile Network Prefix options' prefixes (those with a Prefix Length of 1..128). */
    private static List<Prefix> optionPrefixes(MobilityHeader update) {
        List<Prefix> out = new ArrayList<>();
        for (MobilityOption o : update.options()) {
            if (o instanceof MobilityOption.MobileNetworkPrefix mnp && mnp.prefixLength() >= 1 && mnp.prefixLength() <= 128) {
                out.add(Prefix.of(mnp));
            }
        }
        return List.copyOf(out);
    }

    private int register(MobilityOption.BindingIdentifier b, long expires, boolean forcedUdp) {
        if (b.bindingId() == 0) {
            return MCOA_MALFORMED;
        }
        ByteString coa = b.careOfAddress();
        if (coa.length() == 0) {
            Binding known = bindings.get(b.bindingId());
            if (known == null) {
                return MCOA_UNKNOWN_COA;
            }
            bindings.put(b.bindingId(), new Binding(b.bindingId(), b.priority(), b.simultaneousHomeAndForeign(),
                    known.careOfAddress(), expires));
            if (known.careOfAddress().length() == 4) {
                ipv4Path(b.bindingId(), known.careOfAddress(), forcedUdp);
            }
            return ACCEPTED;
        }
        bindings.put(b.bindingId(), new Binding(b.bindingId(), b.priority(), b.simultaneousHomeAndForeign(), coa,
                expires));
        if (coa.length() == 4) {
            ipv4Path(b.bindingId(), coa, forcedUdp);
        } else {
            ipv4Paths.remove(b.bindingId());
        }
        return ACCEPTED;
    }

    /**
     * Which IPv4 care-of address the update's outer headers speak for (one Binding Update comes
     * from one interface): the one equal to the outer source (no NAT), else the update's only
     * IPv4 care-of address (behind a NAT); none when it names several and none is the source.
     */
    private void findOwnIpv4(MobilityHeader update, List<MobilityOption.BindingIdentifier> bids) {
        if (updateIpv4Source == null) {
            return;
        }
        Set<Integer> v4 = new HashSet<>();
        for (MobilityOption.BindingIdentifier b : bids) {
            ByteString coa = b.careOfAddress().length() > 0 ? b.careOfAddress()
                    : bindings.containsKey(b.bindingId()) ? bindings.get(b.bindingId()).careOfAddress() : ByteString.EMPTY;
            if (coa.length() == 4) {
                v4.add(coa.asReadOnlyBuffer().getInt(0));
            }
        }
        MobilityOption.Ipv4CareOfAddress option = update.option(MobilityOption.Ipv4CareOfAddress.class);
        if (bids.isEmpty() && option != null) {
            v4.add(option.careOfAddress().bits());
        }
        int source = updateIpv4Source.bits();
        if (v4.contains(source)) {
            updateHasOwn = true;
            updateOwnIpv4 = source;
        } else if (v4.size() == 1 && role == Role.HOME_AGENT) {
            updateHasOwn = true;
            updateOwnIpv4 = v4.iterator().next();
            updateNat = true; // RFC 5555 §4.2: the outer source differs from the care-of address
        }
    }

    /**
     * Records how an IPv4 care-of address is reached (RFC 5555 §4.2): from the update's outer
     * headers when they speak for it; else as before when the address is unchanged; else the
     * care-of address itself, in UDP only if forced (its port then unknown: no tunnel).
     */
    private void ipv4Path(int bid, ByteString careOf, boolean forcedUdp) {
        int coa = careOf.asReadOnlyBuffer().getInt(0);
        Ipv4Path known = ipv4Paths.get(bid);
        boolean same = known != null && known.careOf() == coa;
        if (updateHasOwn && coa == updateOwnIpv4) {
            // a mobile node keeps UDP once its home agent asked for it (RFC 5555 §4.4.2: "MUST
            // tunnel future packets in UDP"); its own refresh cannot tell
            boolean udp = updateNat || forcedUdp || role == Role.MOBILE_NODE && same && known.udp();
            updateUdp |= udp;
            updateIpv4Paths.add(bid);
            ipv4Paths.put(bid, new Ipv4Path(coa, updateIpv4Source.bits(), updateUdpPort, udp));
            return;
        }
        if (updateIpv4Source == null) {
            updateIpv4Paths.add(bid); // no outer headers: the answer speaks for every one of them
        }
        if (!same) {
            ipv4Paths.put(bid, new Ipv4Path(coa, coa, -1, forcedUdp));
        }
    }

    private static MobilityOption.BindingIdentifier echo(MobilityOption.BindingIdentifier b, int status) {
        return new MobilityOption.BindingIdentifier(b.bindingId(), status, b.flags(), ByteString.EMPTY);
    }

    private void applyFlows(MobilityHeader update, List<MobilityOption> options) {
        List<MobilityOption.FlowIdentification> fis = new ArrayList<>();
        Set<Integer> named = new HashSet<>();
        Set<Integer> summarized = new HashSet<>();
        for (MobilityOption o : update.options()) {
            if (o instanceof MobilityOption.FlowIdentification fi) {
                fis.add(fi);
            } else if (o instanceof MobilityOption.FlowSummary fs) {
                summarized.addAll(fs.flowIds());
            }
        }
        Set<Integer> seen = new HashSet<>();
        boolean duplicate = false;
        for (MobilityOption.FlowIdentification fi : fis) {
            duplicate |= !seen.add(fi.flowId());
            named.add(fi.flowId());
        }
        for (MobilityOption.FlowIdentification fi : fis) {
            int flowStatus = duplicate ? FLOW_MALFORMED : flow(fi);
            options.add(new MobilityOption.FlowIdentification(fi.flowId(), fi.priority(), 0, flowStatus, List.of()));
        }
        for (int fid : new java.util.TreeSet<>(summarized)) {
            if (flows.containsKey(fid)) {
                named.add(fid);
            } else if (!named.contains(fid)) {
                options.add(new MobilityOption.FlowIdentification(fid, 0, 0, FLOW_FID_NOT_FOUND, List.of()));
            }
        }
        flows.keySet().retainAll(named);
    }

    /** Adds or modifies one flow binding; returns its status. */
    private int flow(MobilityOption.FlowIdentification fi) {
        FlowSubOption.TrafficSelector ts = null;
        FlowSubOption.BidReference refs = null;
        int selectors = 0;
        int references = 0;
        for (FlowSubOption s : fi.subOptions()) {
            if (s instanceof FlowSubOption.TrafficSelector t) {
                ts = t;
                selectors++;
            } else if (s instanceof FlowSubOption.BidReference r) {
                refs = r;
                references++;
            }
        }
        if (fi.flowId() == 0 || fi.priority() == 0 || selectors > 1 || references > 1) {
            return FLOW_MALFORMED; // RFC 6089 §4.2: FID and FID-PRI 0 reserved; §4.2.1: at most one of each
        }
        FlowBinding known = flows.get(fi.flowId());
        if (known == null && ts == null) {
            return FLOW_MALFORMED; // the checks in the order of RFC 6089 §5.3.2.1
        }
        BinaryTrafficSelector selector = known == null ? null : known.selector();
        if (ts != null) {
            Optional<BinaryTrafficSelector> binary = ts.binary();
            if (binary.isEmpty()) {
                return FLOW_TS_FORMAT_NOT_SUPPORTED;
            }
            selector = binary.get();
        }
        if (known == null && refs == null) {
            return FLOW_MALFORMED;
        }
        List<Integer> bidList = known == null ? null : known.bindingIds();
        if (refs != null) {
            for (int bid : refs.bindingIds()) {
                if (!bindings.containsKey(bid)) {
                    return FLOW_BID_NOT_FOUND;
                }
            }
            bidList = refs.bindingIds();
        }
        for (FlowBinding other : flows.values()) {
            if (other.flowId() != fi.flowId() && other.priority() == fi.priority()) {
                return FLOW_REJECTED;
            }
        }
        flows.put(fi.flowId(), new FlowBinding(fi.flowId(), fi.priority(), selector, bidList));
        return 0;
    }

    private MobilityHeader answer(MobilityMessage.BindingUpdate bu, int status, int sequence, int lifetime,
                                  List<MobilityOption> options) {
        int flags = (bu.flags() & MobilityMessage.BindingUpdate.R) != 0 && status < 128
                ? MobilityMessage.BindingAcknowledgement.R : 0;
        return MobilityHeader.of(new MobilityMessage.BindingAcknowledgement(status, flags, sequence, lifetime), options);
    }

    /**
     * Removes the bindings that expire at or before {@code now}; the flow bindings that refer
     * only to removed BIDs become inactive (RFC 6089 §4.3).
     *
     * @param now the caller's clock, in seconds
     * @return how many bindings were removed
     */
    public synchronized int expire(long now) {
        int before = bindings.size();
        bindings.values().removeIf(b -> b.expires() <= now);
        int removed = before - bindings.size();
        if (removed > 0) {
            publish();
        }
        return removed;
    }

    private void publish() {
        ipv4Paths.keySet().retainAll(bindings.keySet());
        if (bindings.isEmpty()) {
            // RFC 3963 §5.8, §6.7: the entry's prefixes go with its last binding
            mobileRouter = false;
            mobileNetwork = List.of();
            ipv4HomeBinding = null;
        }
        List<Binding> ordered = new ArrayList<>(bindings.values());
        ordered.sort(Binding::compare);
        List<FlowBinding> active = new ArrayList<>();
        for (FlowBinding f : flows.values()) {
            if (isActive(f)) {
                active.add(f);
            }
        }
        active.sort(Comparator.comparingInt(FlowBinding::priority));
        snapshot = new Snapshot(this, ordered, active);
    }

    /**
     * The table as the data path reads it: immutable, safe to share among threads, and
     * allocation-free in every per-packet method. Bindings are numbered by slot, 0 being the
     * default one (lowest BID-PRI, or the regular binding).
     */
    public static final class Snapshot {
        /** What the select methods return when the table has no binding. */
        public static final int NONE = -1;

        private static final int TCP = 6;
        private static final int UDP = 17;
        private static final int ESP = 50;
        private static final int AH = 51;
        private static final int SCTP = 132;
        private static final int UDP_LITE = 136;

        private final List<Binding> bindings;
        private final List<FlowBinding> flows;
        private final int[] bindingIds;
        private final long[] careOfHigh;
        private final long[] careOfLow;
        private final boolean[] ipv4CareOf;
        private final Mip6Tunnel[] tunnels;
        private final Ipv4CareOfTunnel[] ipv4Tunnels;
        private final boolean anyIpv4Tunnel;
        /** The IPv4 selectors in matching order, and each one's position in {@link #flows}. */
        private final Ipv4TrafficSelector[] v4;
        private final int[] v4Flow;
        /** The IPv6 selectors in matching order, and each one's position in {@link #flows}. */
        private final Ipv6TrafficSelector[] v6;
        private final int[] v6Flow;
        private final int[][] flowSlots;
        private final long homeAgentHigh;
        private final long homeAgentLow;
        private final boolean homeAgentSide;
        private final long homeHigh;
        private final long homeLow;
        private final boolean mobileRouter;
        private final List<Prefix> mobileNetwork;
        private final boolean hasIpv4Home;
        private final int ipv4Home;
        private final long[] prefixHigh;
        private final long[] prefixLow;
        private final int[] prefixLength;

        Snapshot(BindingTable table, List<Binding> ordered, List<FlowBinding> active) {
            this.bindings = List.copyOf(ordered);
            homeHigh = table.homeAddress.high();
            homeLow = table.homeAddress.low();
            mobileRouter = table.mobileRouter;
            mobileNetwork = table.mobileNetwork;
            hasIpv4Home = table.ipv4HomeBinding != null;
            ipv4Home = hasIpv4Home ? table.ipv4HomeBinding.bits() : 0;
            int np = mobileNetwork.size();
            prefixHigh = new long[np];
            prefixLow = new long[np];
            prefixLength = new int[np];
            for (int i = 0; i < np; i++) {
                Prefix p = mobileNetwork.get(i);
                prefixHigh[i] = p.address().high();
                prefixLow[i] = p.address().low();
                prefixLength[i] = p.length();
            }
            this.flows = List.copyOf(active);
            int n = ordered.size();
            bindingIds = new int[n];
            careOfHigh = new long[n];
            careOfLow = new long[n];
            ipv4CareOf = new boolean[n];
            tunnels = new Mip6Tunnel[n];
            ipv4Tunnels = new Ipv4CareOfTunnel[n];
            homeAgentSide = table.role == Role.HOME_AGENT;
            homeAgentHigh = table.homeAgent.high();
            homeAgentLow = table.homeAgent.low();
            Map<Integer, Integer> slotOf = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                Binding b = ordered.get(i);
                bindingIds[i] = b.bindingId();
                slotOf.put(b.bindingId(), i);
                ByteBuffer coa = b.careOfAddress().asReadOnlyBuffer();
                if (coa.remaining() == 16) {
                    careOfHigh[i] = coa.getLong(0);
                    careOfLow[i] = coa.getLong(8);
                    Ipv6Address address = Ipv6Address.of(careOfHigh[i], careOfLow[i]);
                    tunnels[i] = (homeAgentSide ? Mip6Tunnel.builder(table.homeAgent, address)
                            : Mip6Tunnel.builder(address, table.homeAgent))
                            .encapsulationLimit(table.encapsulationLimit).build();
                } else {
                    careOfLow[i] = coa.getInt(0) & 0xFFFF_FFFFL;
                    ipv4CareOf[i] = true;
                    ipv4Tunnels[i] = ipv4Tunnel(table, b.bindingId(), coa.getInt(0));
                }
            }
            anyIpv4Tunnel = java.util.Arrays.stream(ipv4Tunnels).anyMatch(Objects::nonNull);
            int n4 = 0;
            for (FlowBinding fb : active) {
                n4 += fb.selector() instanceof Ipv4TrafficSelector ? 1 : 0;
            }
            v4 = new Ipv4TrafficSelector[n4];
            v4Flow = new int[n4];
            v6 = new Ipv6TrafficSelector[active.size() - n4];
            v6Flow = new int[active.size() - n4];
            flowSlots = new int[active.size()][];
            for (int f = 0, i4 = 0, i6 = 0; f < active.size(); f++) {
                FlowBinding fb = active.get(f);
                if (fb.selector() instanceof Ipv4TrafficSelector s) {
                    v4Flow[i4] = f;
                    v4[i4++] = s;
                } else {
                    v6Flow[i6] = f;
                    v6[i6++] = (Ipv6TrafficSelector) fb.selector();
                }
                int[] slots = fb.bindingIds().stream().filter(slotOf::containsKey).mapToInt(slotOf::get).sorted()
                        .distinct().toArray();
                flowSlots[f] = slots;
            }
        }

        /**
         * The tunnel of an IPv4 care-of address, by the path its updates came from, or null: on
         * the home agent's side to the address (and port) they came from, on the mobile node's
         * from the care-of address (and the port it sent them from) to the home agent (4191).
         */
        private static Ipv4CareOfTunnel ipv4Tunnel(BindingTable table, int bid, int careOf) {
            if (table.homeAgentIpv4 == null) {
                return null;
            }
            Ipv4Path p = table.ipv4Paths.getOrDefault(bid, new Ipv4Path(careOf, careOf, -1, false));
            if (p.udp() && p.port() < 0) {
                return null; // UDP forced, but the port the update came from was not given
            }
            boolean agent = table.role == Role.HOME_AGENT;
            Ipv4Address peer = Ipv4Address.of(p.address());
            Ipv4CareOfTunnel.Builder t = agent ? Ipv4CareOfTunnel.builder(table.homeAgentIpv4, peer)
                    : Ipv4CareOfTunnel.builder(peer, table.homeAgentIpv4);
            if (p.udp()) {
                t = agent ? t.udp(Ipv4CareOfTunnel.PORT, p.port()) : t.udp(p.port(), Ipv4CareOfTunnel.PORT);
            }
            return t.build();
        }

        /**
         * Returns the bindings by slot.
         *
         * @return the bindings, slot 0 first
         */
        public List<Binding> bindings() {
            return bindings;
        }

        /**
         * Returns the active flow bindings in matching order (ascending FID-PRI).
         *
         * @return the active flow bindings
         */
        public List<FlowBinding> flowBindings() {
            return flows;
        }

        /**
         * Returns the number of slots: bindings.
         *
         * @return the number of bindings
         */
        public int size() {
            return bindingIds.length;
        }

        /**
         * Returns the BID of a slot.
         *
         * @param slot the slot
         * @return the BID, or -1 for the regular binding
         */
        public int bindingId(int slot) {
            return bindingIds[slot];
        }

        /**
         * Returns whether a slot's care-of address is IPv4 (DSMIPv6, RFC 5555); such a slot has
         * no {@link #tunnel}.
         *
         * @param slot the slot
         * @return whether the care-of address is IPv4
         */
        public boolean ipv4CareOfAddress(int slot) {
            return ipv4CareOf[slot];
        }

        /**
         * Returns the first 64 bits of a slot's IPv6 care-of address (0 for IPv4).
         *
         * @param slot the slot
         * @return the high half of the address
         */
        public long careOfAddressHigh(int slot) {
            return careOfHigh[slot];
        }

        /**
         * Returns the last 64 bits of a slot's IPv6 care-of address, or its IPv4 address.
         *
         * @param slot the slot
         * @return the low half of the address, or the IPv4 address unsigned
         */
        public long careOfAddressLow(int slot) {
            return careOfLow[slot];
        }

        /**
         * Returns the tunnel to or from a slot's care-of address: from the home agent to it on
         * the home agent's side, from it to the home agent on the mobile node's.
         *
         * @param slot the slot
         * @return the tunnel, or null for an IPv4 care-of address
         */
        public Mip6Tunnel tunnel(int slot) {
            return tunnels[slot];
        }

        /**
         * Returns the tunnel of a slot's IPv4 care-of address (DSMIPv6, RFC 5555 §4.2). On the
         * home agent's side: IPv4 to the care-of address, or IPv4 and UDP to the address and port
         * its Binding Update came from when a NAT is on the path or UDP was forced (see
         * {@link BindingTable#apply(MobilityHeader, Ipv6Address, Ipv4Address, int, long)}). On the
         * mobile node's side: IPv4 from the care-of address to the home agent, or IPv4 and UDP
         * from the port the update was sent from to 4191 once UDP was forced or an answer
         * reported a NAT ({@link BindingTable#acknowledge}).
         *
         * @param slot the slot
         * @return the tunnel, or null: an IPv6 care-of address, a table without
         *     {@link Builder#homeAgentIpv4}, or UDP whose port was not given
         */
        public Ipv4CareOfTunnel ipv4Tunnel(int slot) {
            return ipv4Tunnels[slot];
        }

        /**
         * Chooses the binding for the IP packet at {@code index}; see the class description of
         * {@link BindingTable}. Allocates nothing, never throws for malformed octets (a packet
         * whose headers cannot be read matches no flow binding).
         *
         * @param buf the buffer
         * @param index the absolute index of the IPv4 or IPv6 header
         * @param end the end of the packet
         * @return the slot, or {@link #NONE} if the table has no binding
         * @throws IndexOutOfBoundsException if the range is outside {@code buf.limit()}
         */
        public int select(ByteBuffer buf, int index, int end) {
            int flow = matchFlow(buf, index, end);
            return flow >= 0 ? flowSlots[flow][0] : bindingIds.length == 0 ? NONE : 0;
        }

        /**
         * Returns the active flow binding the IP packet at {@code index} matches first (its
         * position in {@link #flowBindings()}), or -1. Allocates nothing.
         *
         * @param buf the buffer
         * @param index the absolute index of the IPv4 or IPv6 header
         * @param end the end of the packet
         * @return the position of the flow binding, or -1
         * @throws IndexOutOfBoundsException if the range is outside {@code buf.limit()}
         */
        public int matchFlow(ByteBuffer buf, int index, int end) {
            Objects.checkFromToIndex(index, end, buf.limit());
            if (flowSlots.length == 0 || end == index) {
                return -1;
            }
            int version = Wire.u8(buf, index) >>> 4;
            boolean ipv4 = version == 4;
            if (ipv4 ? v4.length == 0 : version != 6 || v6.length == 0) {
                return -1;
            }
            long scan = ipv4 ? IpScan.ipv4(buf, index, end) : IpScan.ipv6(buf, index, end);
            if (!IpScan.isValid(scan)) {
                return -1;
            }
            int protocol = IpScan.protocol(scan);
            int l4 = index + IpScan.headerLength(scan);
            int l4End = l4 + IpScan.payloadLength(scan);
            boolean fragment = IpScan.isFragment(scan);
            long ports = fragment ? -1 : ports(buf, protocol, l4, l4End);
            long spi = fragment ? BinaryTrafficSelector.NO_SPI : spi(buf, protocol, l4, l4End);
            int sp = ports < 0 ? BinaryTrafficSelector.NO_PORT : (int) (ports >>> 16);
            int dp = ports < 0 ? BinaryTrafficSelector.NO_PORT : (int) ports & 0xFFFF;
            if (ipv4) {
                return match4(Wire.i32(buf, index + 12), Wire.i32(buf, index + 16), spi, sp, dp, Wire.u8(buf, index + 1),
                        protocol);
            }
            int word0 = Wire.i32(buf, index);
            return match6(Wire.i64(buf, index + 8), Wire.i64(buf, index + 16), Wire.i64(buf, index + 24),
                    Wire.i64(buf, index + 32), spi, word0 & 0xF_FFFF, sp, dp, word0 >>> 20 & 0xFF, protocol);
        }

        // The selector loops are methods of their own, small enough for the JIT to inline matches() into them.
        private int match4(int source, int destination, long spi, int sp, int dp, int ds, int protocol) {
            Ipv4TrafficSelector[] s = v4;
            for (int f = 0; f < s.length; f++) {
                if (s[f].matches(source, destination, spi, sp, dp, ds, protocol)) {
                    return v4Flow[f];
                }
            }
            return -1;
        }

        private int match6(long sh, long sl, long dh, long dl, long spi, int label, int sp, int dp, int tc, int protocol) {
            Ipv6TrafficSelector[] s = v6;
            for (int f = 0; f < s.length; f++) {
                if (s[f].matches(sh, sl, dh, dl, spi, label, sp, dp, tc, protocol)) {
                    return v6Flow[f];
                }
            }
            return -1;
        }

        /** The two ports as one unsigned word (source in the high half), or -1 if the protocol has none or they are cut. */
        private static long ports(ByteBuffer buf, int protocol, int l4, int l4End) {
            if ((protocol == TCP || protocol == UDP || protocol == SCTP || protocol == UDP_LITE) && l4End - l4 >= 4) {
                return Wire.i32(buf, l4) & 0xFFFF_FFFFL;
            }
            return -1;
        }

        private static long spi(ByteBuffer buf, int protocol, int l4, int l4End) {
            if (protocol == ESP && l4End - l4 >= 4) {
                return Wire.i32(buf, l4) & 0xFFFF_FFFFL;
            }
            if (protocol == AH && l4End - l4 >= 8) {
                return Wire.i32(buf, l4 + 4) & 0xFFFF_FFFFL;
            }
            return BinaryTrafficSelector.NO_SPI;
        }

        /**
         * Returns the slots of the bindings a flow binding refers to that are registered, in slot
         * order (lowest BID-PRI first): where RFC 6089 §5.3.6 sends a copy each.
         *
         * @param flow the position of the flow binding, as {@link #matchFlow} returns it
         * @return a copy of the slots
         */
        public int[] flowSlots(int flow) {
            return flowSlots[flow].clone();
        }

        /**
         * Checks a packet that arrives from the tunnel and returns where its inner packet starts:
         * a whole outer IPv6 packet (not a fragment) carrying IPv6 or IPv4, on the home agent's
         * side from one of the registered care-of addresses to the home agent, on the mobile
         * node's from the home agent to one of them (RFC 2473 §3.3, RFC 6275 §10.4.5); also an
         * IPv4 packet through one of the {@link #ipv4Tunnel IPv4 tunnels} (RFC 5555 §4.1, §4.2:
         * on the home agent's side from the care-of address, or from the address and port a NAT
         * gave its Binding Update; on the mobile node's from the home agent). On the
         * home agent's side, a mobile router's packet must also come from its network: an inner
         * IPv6 packet whose source is the home address or in a registered Mobile Network Prefix,
         * not link-local (RFC 3963 §9, §8), or an IPv4 packet from its IPv4 home address (RFC
         * 5555). Never throws for malformed octets; allocates nothing.
         *
         * @param buf the buffer
         * @param index the absolute index of the outer IPv6 or IPv4 header
         * @param end the end of the readable range
         * @return the absolute index of the inner packet, or -1
         * @throws IndexOutOfBoundsException if the range is outside {@code buf.limit()}
         */
        public int decapsulate(ByteBuffer buf, int index, int end) {
            Objects.checkFromToIndex(index, end, buf.limit());
            if (anyIpv4Tunnel && end > index && Wire.u8(buf, index) >>> 4 == 4) {
                for (Ipv4CareOfTunnel t : ipv4Tunnels) {
                    long range = t == null ? -1 : t.range(buf, index, end);
                    if (range >= 0) {
                        int inner = (int) (range >>> 32);
                        int protocol = Wire.u8(buf, inner) >>> 4 == 6 ? 41 : 4; // the range holds an octet
                        return !homeAgentSide || !mobileRouter || mobileNetworkSource(buf, inner, (int) range, protocol)
                                ? inner : -1;
                    }
                }
                return -1;
            }
            long scan = IpScan.ipv6(buf, index, end);
            if (!IpScan.isValid(scan) || IpScan.isFragment(scan)) {
                return -1;
            }
            int protocol = IpScan.protocol(scan);
            if (protocol != 41 && protocol != 4) {
                return -1;
            }
            int agent = homeAgentSide ? index + 24 : index + 8;
            int peer = homeAgentSide ? index + 8 : index + 24;
            if (Wire.i64(buf, agent) != homeAgentHigh || Wire.i64(buf, agent + 8) != homeAgentLow) {
                return -1;
            }
            long ph = Wire.i64(buf, peer);
            long pl = Wire.i64(buf, peer + 8);
            for (int i = 0; i < careOfHigh.length; i++) {
                if (!ipv4CareOf[i] && careOfHigh[i] == ph && careOfLow[i] == pl) {
                    int inner = index + IpScan.headerLength(scan);
                    return !homeAgentSide || !mobileRouter
                            || mobileNetworkSource(buf, inner, inner + IpScan.payloadLength(scan), protocol) ? inner : -1;
                }
            }
            return -1;
        }

        /**
         * A mobile router's reverse-tunnelled packet at the home agent (RFC 3963 §9: its inner
         * source "MUST be topologically correct with respect to the IPv6 prefixes used in the
         * Mobile Network"): an IPv6 packet from the home address or a registered Mobile Network
         * Prefix, not link-local (§8); or an IPv4 packet from its IPv4 home address (RFC 5555), the
         * only IPv4 address registered here (no IPv4 mobile network prefix is delegated).
         */
        private boolean mobileNetworkSource(ByteBuffer buf, int inner, int innerEnd, int protocol) {
            if (protocol == 4) { // its IPv4 home address (RFC 5555), the only IPv4 address registered here
                return hasIpv4Home && innerEnd - inner >= 20 && Wire.i32(buf, inner + 12) == ipv4Home;
            }
            if (innerEnd - inner < 40) {
                return false;
            }
            long high = Wire.i64(buf, inner + 8);
            return (high & 0xFFC0_0000_0000_0000L) != 0xFE80_0000_0000_0000L
                    && inMobileNetwork(high, Wire.i64(buf, inner + 16));
        }

        /**
         * Returns the IPv4 home address bound to the home address (RFC 5555 §4.5): the route a
         * home agent points at this table for IPv4.
         *
         * @return the address as an unsigned 32-bit value, or -1 without one
         */
        public long ipv4HomeAddress() {
            return hasIpv4Home ? ipv4Home & 0xFFFF_FFFFL : -1;
        }

        /**
         * Returns whether the binding is a mobile router's (RFC 3963), whose Mobile Network
         * Prefixes the caller routes to this table.
         *
         * @return whether the bindings are a mobile router's
         */
        public boolean mobileRouter() {
            return mobileRouter;
        }

        /**
         * Returns the Mobile Network Prefixes forwarding is set up for: the routes a home agent
         * points at this table (RFC 3963 §6.3, §6.5); empty for a mobile node.
         *
         * @return the prefixes
         */
        public List<Prefix> mobileNetworkPrefixes() {
            return mobileNetwork;
        }

        /**
         * Returns whether an IPv6 address belongs to this mobile node or mobile router: it is
         * the home address, or in one of the {@link #mobileNetworkPrefixes()}. Allocates
         * nothing.
         *
         * @param high the first 64 bits of the address
         * @param low the last 64 bits
         * @return whether packets to it are this table's
         */
        public boolean inMobileNetwork(long high, long low) {
            if (high == homeHigh && low == homeLow) {
                return true;
            }
            for (int i = 0; i < prefixLength.length; i++) {
                if (Prefix.matches(prefixHigh[i], prefixLow[i], prefixLength[i], high, low)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "BindingTable.Snapshot[bindings " + bindings + ", active flow bindings " + flows + "]";
        }
    }

    /** Collects a table's settings. Not thread-safe. */
    public static final class Builder {
        private final Role role;
        private final Ipv6Address homeAgent;
        private final Ipv6Address homeAddress;
        private boolean bulkAllowed = true;
        private long maxLifetimeSeconds = 0xFFFF * 4L;
        private int encapsulationLimit = Mip6Tunnel.NO_LIMIT;
        private List<Prefix> prefixTable;
        private Ipv4Address homeAgentIpv4;
        private Ipv4Address ipv4HomeAddress;
        private int ipv4HomePrefixLength;

        private Builder(Role role, Ipv6Address homeAgent, Ipv6Address homeAddress) {
            this.role = role;
            this.homeAgent = homeAgent;
            this.homeAddress = homeAddress;
        }

        /**
         * Sets whether one Binding Update may register several BIDs (RFC 5648 §4.4; refused
         * with Status 168 when not).
         *
         * @param allowed whether bulk registration is allowed (the default)
         * @return this builder
         */
        public Builder bulkRegistration(boolean allowed) {
            this.bulkAllowed = allowed;
            return this;
        }

        /**
         * Sets the longest lifetime granted.
         *
         * @param seconds 0..262140
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxLifetime(long seconds) {
            this.maxLifetimeSeconds = Check.inRange("seconds", seconds, 0, 0xFFFF * 4L);
            return this;
        }

        /**
         * Sets the Tunnel Encapsulation Limit the snapshot's tunnels carry (RFC 2473 §6.6).
         *
         * @param limit 0..255, or {@link Mip6Tunnel#NO_LIMIT} (the default)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder encapsulationLimit(int limit) {
            this.encapsulationLimit = limit == Mip6Tunnel.NO_LIMIT ? limit : Check.inRange("limit", limit, 0, 255);
            return this;
        }

        /**
         * Sets the home agent's IPv4 address (DSMIPv6, RFC 5555): the snapshot then has an
         * {@link Ipv4CareOfTunnel} for each IPv4 care-of address ({@link Snapshot#ipv4Tunnel}: to
         * it on the home agent's side, from it on the mobile node's), and
         * {@link Snapshot#decapsulate} takes packets through them.
         *
         * @param address the home agent's IPv4 address
         * @return this builder
         * @throws NullPointerException if {@code address} is null
         */
        public Builder homeAgentIpv4(Ipv4Address address) {
            this.homeAgentIpv4 = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Sets the IPv4 home address allocated to the mobile node (DSMIPv6, RFC 5555 §4.5): an
         * update with an IPv4 Home Address option that asks for it, or for 0.0.0.0 (dynamic
         * allocation: this address is the one allocated), binds it, and the answer acknowledges
         * it with Status 0 and {@code prefixLength}; another address is answered with Status 130,
         * a prefix request (P) with 133 (no IPv4 prefix is delegated here), and without this call
         * a request is answered with 132 (0.0.0.0) or 130. The Binding Acknowledgement's own
         * Status does not depend on it (§3.2.1, §4.4.2).
         *
         * @param address the mobile node's IPv4 home address
         * @param prefixLength the Pref-len to acknowledge, 1..32 (32 for a single address, §3.1.1)
         * @return this builder
         * @throws IllegalArgumentException if {@code prefixLength} is out of range
         * @throws NullPointerException if {@code address} is null
         */
        public Builder ipv4HomeAddress(Ipv4Address address, int prefixLength) {
            this.ipv4HomeAddress = Objects.requireNonNull(address, "address");
            this.ipv4HomePrefixLength = Check.inRange("prefixLength", prefixLength, 1, 32);
            return this;
        }

        /**
         * Permits mobile router operation (NEMO Basic Support, RFC 3963) for this home address,
         * with the prefixes it may serve: the home agent's Prefix Table entry for it (§6.1.2).
         * A registration with R then sets up forwarding for the Mobile Network Prefixes its
         * options list (explicit mode: each must lie within a prefix given here, else Status
         * 142), or for the prefixes given here when it lists none (implicit mode: Status 143
         * when none is given). Without this call a registration with R is refused with Status
         * 140.
         *
         * @param prefixes the prefixes the mobile router is authorized for (may be empty)
         * @return this builder
         * @throws NullPointerException if {@code prefixes} or one of them is null
         */
        public Builder mobileRouter(List<Prefix> prefixes) {
            this.prefixTable = List.copyOf(prefixes);
            return this;
        }

        /**
         * Builds an empty table.
         *
         * @return the table
         */
        public BindingTable build() {
            return new BindingTable(this);
        }
    }
}
