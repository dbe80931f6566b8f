package nl.knooppunt.gateway.registry;

import java.time.LocalDate;
import java.util.Set;

/**
 * A creditor's convenant with up-front consent (vooraf akkoord, Collectief Schuldregelen) for one
 * settlement type, valid from its first day until its last day inclusive (none: open-ended).
 *
 * @param settlementType a TypeSchuldregeling of the module Schuldregeling: SB, SK or SA
 */
public record Convenant(String settlementType, LocalDate validFrom, LocalDate validUntil) {

    static final Set<String> SETTLEMENT_TYPES = Set.of("SB", "SK", "SA");

    public Convenant {
        if (settlementType == null || !SETTLEMENT_TYPES.contains(settlementType)) {
            throw new IllegalStateException("a convenant needs a settlement-type: SB, SK or SA");
        }
        if (validFrom == null) {
            throw new IllegalStateException("a convenant needs valid-from (its first day)");
        }
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalStateException("a convenant's valid-until is before its valid-from");
        }
    }

    /** Whether it covers this settlement type on this day. */
    public boolean covers(String type, LocalDate day) {
        return settlementType.equals(type) && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
