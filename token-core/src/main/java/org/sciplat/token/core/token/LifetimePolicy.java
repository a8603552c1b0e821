package org.sciplat.token.core.token;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.sciplat.token.core.LifetimeTooLongException;
import org.sciplat.token.core.NeverExpiresNotAllowedException;

/**
 * How long user tokens may live, from MicroProfile Config: {@code sciplat.lifetime.max} for every user token and
 * {@code sciplat.scope.<scope>.max-lifetime} for tokens with that scope (ISO-8601 durations; the shortest that
 * applies wins; unset, no limit), and {@code sciplat.lifetime.never-expiring-scopes}, the scopes a never-expiring
 * token may have ({@code *}, the default, for all; {@code none} for none). Enforced when a user token is created, edited and rotated.
 */
@ApplicationScoped
public class LifetimePolicy {

    private static final String ALL = "*";
    private static final String NONE = "none";

    @Inject
    Config config;

    private Optional<Duration> globalMax = Optional.empty();
    private Map<String, Duration> scopeMax = Map.of();
    /** Null when every scope may be held by a never-expiring token. */
    private Set<String> neverExpiring;
    /** Every scope the platform knows, for saying which must expire. */
    private List<String> known = List.of();

    public LifetimePolicy() {
        // for the container, which loads the settings
    }

    /** A policy with these settings, as the configuration would give them, for these known scopes. */
    public LifetimePolicy(Duration globalMax, Map<String, Duration> scopeMax, Collection<String> neverExpiring,
            Collection<String> known) {
        this.globalMax = Optional.ofNullable(globalMax);
        this.scopeMax = Map.copyOf(scopeMax);
        this.neverExpiring = neverExpiring == null ? null : Set.copyOf(neverExpiring);
        this.known = List.copyOf(known);
    }

    @PostConstruct
    void load() {
        globalMax = config.getOptionalValue("sciplat.lifetime.max", Duration.class);
        Map<String, Duration> limits = new TreeMap<>();
        known = config.getValues("sciplat.scopes", String.class);
        for (String scope : known) {
            config.getOptionalValue("sciplat.scope." + scope + ".max-lifetime", Duration.class)
                    .ifPresent(max -> limits.put(scope, max));
        }
        scopeMax = Map.copyOf(limits);
        List<String> never = config.getOptionalValues("sciplat.lifetime.never-expiring-scopes", String.class)
                .orElse(List.of(ALL));
        neverExpiring = never.contains(ALL) ? null : never.contains(NONE) ? Set.of() : Set.copyOf(never);
    }

    /** The longest a token with these scopes may live; empty if no limit applies. */
    public Optional<Duration> maxLifetime(Collection<String> scopes) {
        Optional<Duration> max = globalMax;
        for (String scope : scopes) {
            Duration limit = scopeMax.get(scope);
            if (limit != null && (max.isEmpty() || limit.compareTo(max.get()) < 0)) {
                max = Optional.of(limit);
            }
        }
        return max;
    }

    /** The scopes among these that a never-expiring token may not have. */
    public Set<String> notNeverExpiring(Collection<String> scopes) {
        Set<String> refused = new TreeSet<>();
        if (neverExpiring != null) {
            scopes.stream().filter(scope -> !neverExpiring.contains(scope)).forEach(refused::add);
        }
        return refused;
    }

    /** Refuses an expiry (null: never) the policy does not allow for these scopes, counted from {@code from}. */
    public void check(Collection<String> scopes, Instant expires, Instant from) {
        if (expires == null) {
            Set<String> refused = notNeverExpiring(scopes);
            if (!refused.isEmpty()) {
                throw new NeverExpiresNotAllowedException("Tokens with " + String.join(", ", refused)
                        + " must expire" + maxLifetime(scopes).map(max -> ", within " + describe(max)).orElse(""));
            }
            return;
        }
        Optional<Duration> max = maxLifetime(scopes);
        if (max.isPresent() && expires.isAfter(from.plus(max.get()))) {
            throw new LifetimeTooLongException("Tokens with these scopes may live at most " + describe(max.get()));
        }
    }

    /**
     * The expiry a rotation gives: as far ahead as the token was given, but never beyond what the policy now
     * allows. A never-expiring token whose scopes no longer allow that gets the longest lifetime allowed.
     */
    public Instant rotatedExpiry(Collection<String> scopes, Optional<Duration> lifetime, Instant now) {
        Optional<Duration> max = maxLifetime(scopes);
        if (lifetime.isEmpty()) {
            if (notNeverExpiring(scopes).isEmpty()) {
                return null;
            }
            if (max.isEmpty()) {
                check(scopes, null, now);
            }
            return now.plus(max.orElseThrow());
        }
        Duration given = lifetime.get();
        return now.plus(max.filter(limit -> limit.compareTo(given) < 0).orElse(given));
    }

    /** The rules in words, for the create dialog; empty when there are none. */
    public List<String> rules() {
        List<String> rules = new ArrayList<>();
        globalMax.ifPresent(max -> rules.add("A token may live at most " + describe(max) + "."));
        scopeMax.forEach((scope, max) -> rules.add("With " + scope + ", at most " + describe(max) + "."));
        Set<String> mustExpire = notNeverExpiring(known);
        if (!mustExpire.isEmpty()) {
            rules.add(mustExpire.size() == known.size() ? "Every token must expire."
                    : "With " + String.join(", ", mustExpire) + ", a token must expire.");
        }
        return rules;
    }

    static String describe(Duration duration) {
        long days = duration.toDays();
        if (days > 0 && duration.equals(Duration.ofDays(days))) {
            return days == 1 ? "1 day" : days + " days";
        }
        long hours = duration.toHours();
        if (hours > 0 && duration.equals(Duration.ofHours(hours))) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
