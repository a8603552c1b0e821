package org.sciplat.token.core.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.sciplat.token.core.user.Identities;

/**
 * Each user's quotas as they hold now: an admin's override where it speaks, else the highest grant of the user's
 * groups. Only memory is read: the overrides are taken from the database about once a second ({@link QuotaSync}) and
 * at once on the instance where one changes.
 */
@ApplicationScoped
public class UserQuotas {

    @Inject
    QuotaGrants grants;

    @Inject
    Identities identities;

    private volatile Map<String, QuotaLimits> overrides = Map.of();

    /** Requests per minute the user may make to the service; empty when nothing limits them. */
    public OptionalInt perMinute(String username, Set<String> groups, String service) {
        QuotaLimits override = overrides.get(username);
        if (override != null) {
            OptionalInt limit = override.perMinute(service);
            if (limit.isPresent()) {
                return limit;
            }
        }
        return grants.perMinute(groups, service);
    }

    /** Requests the user may have running at once at the service; empty when neither override nor group says. */
    public OptionalInt atOnce(String username, String service) {
        QuotaLimits override = overrides.get(username);
        OptionalInt overridden = override == null ? OptionalInt.empty() : override.atOnce(service);
        return overridden.isPresent() ? overridden : grants.atOnce(identities.of(username).groups(), service);
    }

    /** All the user's quotas, as user-info shows them. */
    public QuotaLimits of(String username, Set<String> groups) {
        QuotaLimits granted = grants.of(groups);
        QuotaLimits override = overrides.get(username);
        return override == null ? granted : override.over(granted);
    }

    /** Every override, as the database has them now. */
    void replaceAll(Map<String, QuotaLimits> current) {
        overrides = Map.copyOf(current);
    }

    void apply(@Observes(during = TransactionPhase.AFTER_SUCCESS) QuotaOverridden change) {
        Map<String, QuotaLimits> next = new HashMap<>(overrides);
        change.limits().ifPresentOrElse(limits -> next.put(change.username(), limits),
                () -> next.remove(change.username()));
        overrides = Map.copyOf(next);
    }
}
