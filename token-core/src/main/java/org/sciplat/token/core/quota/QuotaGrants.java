package org.sciplat.token.core.quota;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The API quotas groups grant, from MicroProfile Config: {@code sciplat.quota.api.<group>.<service>} requests per
 * minute, and {@code sciplat.quota.api.<group>._default} for the services a group does not name. A user gets the
 * highest grant of any of their groups; {@code 0} blocks the service; a user none of whose groups grants anything
 * has no quota there. Read once at the start, as the scopes are.
 */
@ApplicationScoped
public class QuotaGrants {

    static final String PREFIX = "sciplat.quota.api.";
    static final String DEFAULT = "_default";

    @Inject
    Config config;

    /** group → service (or {@link #DEFAULT}) → requests per minute */
    private final Map<String, Map<String, Integer>> grants = new HashMap<>();

    @PostConstruct
    void load() {
        Map<String, String> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                properties.put(name, config.getValue(name, String.class));
            }
        }
        grant(properties);
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
            int perMinute;
            try {
                perMinute = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                perMinute = -1;
            }
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
}
