package org.sciplat.token.core.quota;

import java.util.Optional;

/**
 * A user's override changed: this instance applies it once the change is committed, the others at their next
 * reading of the table.
 *
 * @param username whose
 * @param limits the override now; empty when it was removed
 */
public record QuotaOverridden(String username, Optional<QuotaLimits> limits) {
}
