package org.sciplat.token.core.quota;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The quotas groups grant, from MicroProfile Config: {@code sciplat.quota.api.<group>.<service>} requests per
 * minute, and {@code sciplat.quota.api.<group>._default} for the services a group does not name; and
 * {@code sciplat.quota.concurrent.<group>.<service>} requests at once (the queries of a query service). A user gets
 * the highest grant of any of their groups; {@code 0} blocks the service; a user none of whose groups grants anything
 * has no quota there. Read once at the start, as the scopes are.
 */
@ApplicationScoped
public class QuotaGrants {

    static final String PREFIX = "sciplat.quota.api.";
    static final String CONCURRENT_PREFIX = "sciplat.quota.concurrent.";
    static final String DEFAULT = QuotaLimits.DEFAULT;

    @Inject
    Config config;

    /** group → service (or {@link #DEFAULT}) → requests per minute */
    private final Map<String, Map<String, Integer>> grants = new HashMap<>();
    /** group → service → requests at once */
    private final Map<String, Map<String, Integer>> concurrentGrants = new HashMap<>();

    @PostConstruct
    void load() {
        Map<String, String> api = new HashMap<>();
        Map<String, String> concurrent = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                api.put(name, config.getValue(name, String.class));
            } else if (name.startsWith(CONCURRENT_PREFIX)) {
                concurrent.put(name, config.getValue(name, String.class));
            }
        }
        grant(api);
        grantConcurrent(concurrent);
    }

    /** Takes in the grants of requests at once of these properties, all named {@code sciplat.quota.concurrent.*}. */
    void grantConcurrent(Map<String, String> properties) {
        properties.forEach((name, value) -> {
            String rest = name.substring(CONCURRENT_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new IllegalStateException(name + " names no group and service: "
                        + "sciplat.quota.concurrent.<group>.<service>");
            }
            int atOnce = amount(name, value);
            if (atOnce < 1 || atOnce > QuotaLimits.MAX_CONCURRENT) {
                throw new IllegalStateException(name + " must be 1 to " + QuotaLimits.MAX_CONCURRENT
                        + " requests at once");
            }
            concurrentGrants.computeIfAbsent(rest.substring(0, dot), group -> new HashMap<>())
                    .put(rest.substring(dot + 1), atOnce);
        });
    }

    private static int amount(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number", e);
        }
    }

    /** Takes in the grants of these properties, all named {@code sciplat.quota.api.*}. */
    void grant(Map<String, String> properties) {
        properties.forEach((name, value) -> {
            String rest = name.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new IllegalStateException(name + " names no group and service: sciplat.quota.api.<group>."
                        + "<service> (or _default)");
            }
            int perMinute = amount(name, value);
            if (perMinute < 0) {
                throw new IllegalStateException(name + " must be 0 (blocked) or more requests per minute");
            }
            grants.computeIfAbsent(rest.substring(0, dot), group -> new HashMap<>())
                    .put(rest.substring(dot + 1), perMinute);
        });
    }

    /**
     * What a member of these groups may make per minute: each service a group names, and under {@code _default}
     * every other service; empty when nothing limits them.
     */
    public Map<String, Integer> perMinuteByService(Set<String> groups) {
        Map<String, Integer> limits = new TreeMap<>();
        for (String group : groups) {
            for (String service : grants.getOrDefault(group, Map.of()).keySet()) {
                limits.put(service, perMinute(groups, service).getAsInt());
            }
        }
        return limits;
    }

    /** Requests per minute a member of these groups may make to the service; empty when nothing limits them. */
    public OptionalInt perMinute(Set<String> groups, String service) {
        OptionalInt highest = OptionalInt.empty();
        for (String group : groups) {
            Map<String, Integer> granted = grants.get(group);
            if (granted == null) {
                continue;
            }
            Integer limit = granted.getOrDefault(service, granted.get(DEFAULT));
            if (limit != null && (highest.isEmpty() || limit > highest.getAsInt())) {
                highest = OptionalInt.of(limit);
            }
        }
        return highest;
    }

    /** Requests at once a member of these groups may have running at the service; empty when no group says. */
    public OptionalInt atOnce(Set<String> groups, String service) {
        return groups.stream().map(group -> concurrentGrants.getOrDefault(group, Map.of()).get(service))
                .filter(Objects::nonNull).mapToInt(Integer::intValue).max();
    }

    /** Everything these groups grant together. */
    public QuotaLimits of(Set<String> groups) {
        Map<String, Integer> concurrent = new TreeMap<>();
        for (String group : groups) {
            for (String service : concurrentGrants.getOrDefault(group, Map.of()).keySet()) {
                concurrent.put(service, atOnce(groups, service).getAsInt());
            }
        }
        return QuotaLimits.of(perMinuteByService(groups), concurrent);
    }
}
