package org.sciplat.token.core.quota;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.core.InvalidLimitException;
import org.sciplat.token.core.InvalidQuotaException;
import org.sciplat.token.core.InvalidUsernameException;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.core.user.Username;

/**
 * Per-user quota overrides: an admin raises, lowers or blocks one user's quotas beyond what their groups grant (a
 * thesis deadline, a runaway script), every change kept with who made it, from where and why. Users see their own.
 */
@Stateless
public class QuotaOverrides {

    public static final int MAX_NOTES = 512;
    public static final int MAX_HISTORY = 1000;

    @Inject
    QuotaOverrideStore store;

    @Inject
    Event<QuotaOverridden> overridden;

    /** Sets the whole override of the user (admin:token). */
    public QuotaOverride set(VerifiedToken actor, String username, QuotaLimits limits, String notes,
            String ipAddress) {
        actor.requireAdmin();
        requireUsername(username);
        if (limits.isEmpty()) {
            throw new InvalidQuotaException("An override sets requests per minute, at once, or both; to go back to "
                    + "what the groups grant, delete it", RequestField.QUOTA_API);
        }
        String cleanNotes = notes(notes);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Optional<QuotaOverride> existing = store.findLocked(username);
        QuotaLimits before = existing.map(QuotaOverride::limits).orElse(null);
        QuotaOverride override = existing.orElseGet(() -> new QuotaOverride(username, limits, cleanNotes,
                actor.actor(), now));
        if (existing.isPresent()) {
            override.change(limits, cleanNotes, actor.actor(), now);
        } else {
            store.add(override);
        }
        store.record(new QuotaOverrideChange(username, QuotaOverrideChange.Action.SET, before, override.limits(),
                cleanNotes, actor.actor(), ipAddress, now));
        overridden.fire(new QuotaOverridden(username, Optional.of(override.limits())));
        return override;
    }

    /** Removes the user's override (admin:token): the groups' grants hold again. */
    public void remove(VerifiedToken actor, String username, String ipAddress) {
        actor.requireAdmin();
        QuotaOverride override = (Username.isValid(username) ? store.findLocked(username)
                : Optional.<QuotaOverride>empty()).orElseThrow(() -> notFound(username));
        store.remove(override);
        store.record(new QuotaOverrideChange(username, QuotaOverrideChange.Action.REMOVE, override.limits(), null,
                null, actor.actor(), ipAddress, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        overridden.fire(new QuotaOverridden(username, Optional.empty()));
    }

    /** The user's override: the user themselves or an admin; 404 when there is none. */
    public QuotaOverride get(VerifiedToken actor, String username) {
        if (!actor.isAdmin() && !actor.requireRealUser().username().equals(username)) {
            throw new PermissionDeniedException("Another user's quota override may only be read with admin:token");
        }
        return (Username.isValid(username) ? store.find(username) : Optional.<QuotaOverride>empty())
                .orElseThrow(() -> notFound(username));
    }

    /** Every override (admin:token). */
    public List<QuotaOverride> all(VerifiedToken actor) {
        actor.requireAdmin();
        return store.all();
    }

    /** The changes to the user's override, newest first, kept after it was removed (admin:token). */
    public List<QuotaOverrideChange> history(VerifiedToken actor, String username, int limit) {
        actor.requireAdmin();
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new InvalidLimitException("limit must be between 1 and " + MAX_HISTORY);
        }
        List<QuotaOverrideChange> changes = Username.isValid(username) ? store.history(username, limit) : List.of();
        if (changes.isEmpty()) {
            throw new NotFoundException("No quota override history for " + username, RequestField.USERNAME);
        }
        return changes;
    }

    private static void requireUsername(String username) {
        if (!Username.isValid(username)) {
            throw new InvalidUsernameException("Not a valid username");
        }
    }

    private static String notes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        if (notes.length() > MAX_NOTES || notes.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidQuotaException("notes: at most " + MAX_NOTES + " characters on one line",
                    RequestField.NOTES);
        }
        return notes.strip();
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException("No quota override for this user", RequestField.USERNAME);
    }
}
