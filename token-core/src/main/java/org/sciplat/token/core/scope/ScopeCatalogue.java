package org.sciplat.token.core.scope;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.sciplat.token.core.InvalidScopesException;

/**
 * The scopes this platform knows, with their descriptions and the groups that grant them, read from MicroProfile
 * Config: {@code sciplat.scopes} lists the names, {@code sciplat.scope.<name>.description} and
 * {@code sciplat.scope.<name>.groups} describe each.
 */
@ApplicationScoped
public class ScopeCatalogue {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9:._-]+$");
    private static final Set<String> REQUIRED = Set.of(Scope.ADMIN_TOKEN, Scope.ADMIN_USERINFO, Scope.USER_TOKEN);

    @Inject
    Config config;

    private Map<String, Scope> known;
    private Map<String, Set<String>> groupsByScope;

    @PostConstruct
    void load() {
        Map<String, Scope> scopes = new LinkedHashMap<>();
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String name : config.getValues("sciplat.scopes", String.class)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("Invalid scope name in sciplat.scopes: " + name);
            }
            String description = config.getOptionalValue("sciplat.scope." + name + ".description", String.class)
                    .orElseThrow(() -> new IllegalStateException("No description for scope " + name));
            scopes.put(name, new Scope(name, description));
            groups.put(name, Set.copyOf(config.getOptionalValues("sciplat.scope." + name + ".groups", String.class)
                    .orElse(List.of())));
        }
        if (!scopes.keySet().containsAll(REQUIRED)) {
            throw new IllegalStateException("sciplat.scopes must include " + REQUIRED);
        }
        known = Map.copyOf(scopes);
        groupsByScope = Map.copyOf(groups);
    }

    /** Every known scope, sorted by name. */
    public List<Scope> all() {
        return known.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<Scope> find(String name) {
        return Optional.ofNullable(known.get(name));
    }

    /** The scopes a member of these groups holds; empty if none of the groups is mapped to any scope. */
    public Set<String> scopesFor(Collection<String> userGroups) {
        Set<String> scopes = new TreeSet<>();
        groupsByScope.forEach((scope, groups) -> {
            if (userGroups.stream().anyMatch(groups::contains)) {
                scopes.add(scope);
            }
        });
        return scopes;
    }

    /** Refuses any scope this platform does not know, naming them. */
    public void requireKnown(Collection<String> scopes) {
        Set<String> unknown = new TreeSet<>(scopes);
        unknown.removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidScopesException("Unknown scopes requested: " + String.join(", ", unknown));
        }
    }
}
