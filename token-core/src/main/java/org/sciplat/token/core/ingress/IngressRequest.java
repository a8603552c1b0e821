package org.sciplat.token.core.ingress;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.sciplat.token.core.InvalidRequestException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.auth.Requirement;
import org.sciplat.token.core.user.Username;

/**
 * What the proxy's configuration asks of the ingress check for one protected location, parsed from the query
 * string of {@code /auth/ingress/auth}. The parameters belong to the operator's configuration, never to the client:
 * the ones that mint tokens are honoured only from a trusted proxy ({@link IngressGate}).
 *
 * @param requirement the scopes the caller needs ({@code scope}, repeatable, with {@code satisfy=all|any})
 * @param basicChallenge whether a 401 challenges for HTTP Basic ({@code auth_type=basic}) rather than Bearer
 * @param delegateTo the service an internal token is minted for, if any
 * @param delegateScopes the scopes asked for that internal token, intersected with the caller's
 * @param notebook whether a notebook token is minted instead
 * @param minimumLifetime how long the caller's token, and a delegated one, must still be valid
 * @param service the protected service's name, announced in {@code X-Auth-Request-Service}
 * @param onlyServices when not empty, only tokens delegated to one of these services pass
 * @param username when present, only this user passes
 * @param allowOptions whether a CORS preflight passes without credentials
 */
public record IngressRequest(Requirement requirement, boolean basicChallenge, Optional<String> delegateTo,
        SortedSet<String> delegateScopes, boolean notebook, Optional<Duration> minimumLifetime,
        Optional<String> service, SortedSet<String> onlyServices, Optional<String> username, boolean allowOptions) {

    private static final Pattern SCOPE = Pattern.compile("[a-zA-Z0-9:._-]{1,64}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_VALUES = 32;

    public IngressRequest {
        delegateScopes = Collections.unmodifiableSortedSet(new TreeSet<>(delegateScopes));
        onlyServices = Collections.unmodifiableSortedSet(new TreeSet<>(onlyServices));
        if (notebook && delegateTo.isPresent()) {
            throw invalid("notebook=true and delegate_to exclude each other");
        }
        if (!delegateScopes.isEmpty() && delegateTo.isEmpty()) {
            throw invalid("delegate_scope needs delegate_to");
        }
    }

    /** Whether the proxy asked for a token to pass on, which only a trusted proxy may. */
    public boolean delegates() {
        return notebook || delegateTo.isPresent();
    }

    /**
     * Parses the query parameters as the servlet container gives them. Every message is a fixed text: a proxy
     * misconfiguration is reported without echoing what was sent.
     */
    public static IngressRequest parse(Map<String, String[]> parameters) {
        List<String> scopes = values(parameters, "scope");
        if (scopes.isEmpty() || !scopes.stream().allMatch(scope -> SCOPE.matcher(scope).matches())) {
            throw invalid("At least one valid scope is required");
        }
        String satisfy = single(parameters, "satisfy").orElse("all");
        if (!satisfy.equals("all") && !satisfy.equals("any")) {
            throw invalid("satisfy must be all or any");
        }
        String authType = single(parameters, "auth_type").orElse("bearer").toLowerCase(Locale.ROOT);
        if (!authType.equals("bearer") && !authType.equals("basic")) {
            throw invalid("auth_type must be bearer or basic");
        }
        Optional<String> delegateTo = single(parameters, "delegate_to").map(IngressRequest::serviceName);
        SortedSet<String> delegateScopes = new TreeSet<>();
        for (String value : values(parameters, "delegate_scope")) {
            for (String scope : value.split(",")) {
                if (!SCOPE.matcher(scope.trim()).matches()) {
                    throw invalid("delegate_scope must be a comma-separated list of scopes");
                }
                delegateScopes.add(scope.trim());
            }
        }
        Optional<String> username = single(parameters, "username");
        if (username.isPresent() && !Username.isValid(username.get())) {
            throw invalid("username must be a valid username");
        }
        SortedSet<String> onlyServices = new TreeSet<>();
        values(parameters, "only_service").forEach(name -> onlyServices.add(serviceName(name)));
        return new IngressRequest(
                satisfy.equals("any") ? Requirement.anyOf(scopes) : Requirement.allOf(scopes),
                authType.equals("basic"), delegateTo, delegateScopes, flag(parameters, "notebook"),
                single(parameters, "minimum_lifetime").map(IngressRequest::seconds),
                single(parameters, "service").map(IngressRequest::serviceName), onlyServices, username,
                flag(parameters, "allow_options"));
    }

    private static List<String> values(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        if (values.length > MAX_VALUES) {
            throw invalid("Too many values of one parameter");
        }
        return Arrays.asList(values);
    }

    private static Optional<String> single(Map<String, String[]> parameters, String name) {
        List<String> values = values(parameters, name);
        if (values.size() > 1) {
            throw invalid("A parameter that takes one value was given more than one");
        }
        return values.stream().findFirst();
    }

    private static boolean flag(Map<String, String[]> parameters, String name) {
        String value = single(parameters, name).orElse("false").toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid("notebook and allow_options must be true or false");
        }
        return value.equals("true");
    }

    private static String serviceName(String name) {
        if (!SERVICE.matcher(name).matches()) {
            throw invalid("A service name is lower-case letters, digits, '.', '_' and '-', at most 64 characters");
        }
        return name;
    }

    private static Duration seconds(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw invalid("minimum_lifetime must be whole seconds");
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message, RequestField.QUERY);
    }
}
