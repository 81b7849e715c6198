package org.tunnelcodec.mpls;

import java.util.Objects;

/**
 * The identified payload of a label stack: its type and the rule that decided it. The instances
 * are shared ({@link #of} allocates nothing), so identification on a data path is free.
 *
 * @param type the payload's type
 * @param rule the rule that decided it
 */
public record MplsPayload(MplsPayloadType type, MplsPayloadRule rule) {
    private static final int RULES = MplsPayloadRule.values().length;
    private static final MplsPayload[] SHARED = new MplsPayload[MplsPayloadType.values().length * RULES];

    static {
        for (MplsPayloadType t : MplsPayloadType.values()) {
            for (MplsPayloadRule r : MplsPayloadRule.values()) {
                SHARED[t.ordinal() * RULES + r.ordinal()] = new MplsPayload(t, r);
            }
        }
    }

    /**
     * Checks the components.
     *
     * @param type the payload's type
     * @param rule the rule that decided it
     */
    public MplsPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * Returns the shared instance for a type and rule.
     *
     * @param type the payload's type
     * @param rule the rule that decided it
     * @return the shared instance
     */
    public static MplsPayload of(MplsPayloadType type, MplsPayloadRule rule) {
        return SHARED[type.ordinal() * RULES + rule.ordinal()];
    }

    @Override
    public String toString() {
        return type + " (" + rule + ")";
    }
}
