package org.sciplat.token.core.quota;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.sciplat.token.core.InvalidQuotaException;
import org.sciplat.token.core.RequestField;

/**
 * What one user may do: requests per minute per service behind the gate ({@link #DEFAULT} for the services not named;
 * 0 blocks), and requests running at once per service that runs long ones (queries). A value only once valid,
 * whether an admin sent it or the database held it.
 *
 * @param api requests per minute by service
 * @param concurrent requests at once by service
 */
public record QuotaLimits(SortedMap<String, Integer> api, SortedMap<String, Integer> concurrent) {

    /** The key of the rate for every service a quota does not name. */
    public static final String DEFAULT = "_default";
    public static final int MAX_SERVICES = 32;
    public static final int MAX_PER_MINUTE = 1_000_000;
    public static final int MAX_CONCURRENT = 64;
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String API = "api.";
    private static final String CONCURRENT = "concurrent.";

    public QuotaLimits {
        if (api.size() > MAX_SERVICES || concurrent.size() > MAX_SERVICES) {
            throw new InvalidQuotaException("At most " + MAX_SERVICES + " services", api.size() > MAX_SERVICES
                    ? RequestField.QUOTA_API : RequestField.QUOTA_CONCURRENT);
        }
        api.forEach((service, perMinute) -> {
            if (service == null || !(service.equals(DEFAULT) || SERVICE.matcher(service).matches())) {
                throw new InvalidQuotaException("A service is named by lower-case letters, digits, '.', '_' and '-' "
                        + "(at most 64), or is _default", RequestField.QUOTA_API);
            }
            if (perMinute == null || perMinute < 0 || perMinute > MAX_PER_MINUTE) {
                throw new InvalidQuotaException("Requests per minute run from 0 (blocked) to " + MAX_PER_MINUTE,
                        RequestField.QUOTA_API);
            }
        });
        concurrent.forEach((service, atOnce) -> {
            if (service == null || !SERVICE.matcher(service).matches()) {
                throw new InvalidQuotaException("A service is named by lower-case letters, digits, '.', '_' and '-' "
                        + "(at most 64)", RequestField.QUOTA_CONCURRENT);
            }
            if (atOnce == null || atOnce < 1 || atOnce > MAX_CONCURRENT) {
                throw new InvalidQuotaException("Requests at once run from 1 to " + MAX_CONCURRENT,
                        RequestField.QUOTA_CONCURRENT);
            }
        });
        api = Collections.unmodifiableSortedMap(new TreeMap<>(api));
        concurrent = Collections.unmodifiableSortedMap(new TreeMap<>(concurrent));
    }

    public static QuotaLimits of(Map<String, Integer> api, Map<String, Integer> concurrent) {
        return new QuotaLimits(new TreeMap<>(api), new TreeMap<>(concurrent));
    }

    public boolean isEmpty() {
        return api.isEmpty() && concurrent.isEmpty();
    }

    /** The rate this quota gives the service: its own, else the default; empty when it says nothing of it. */
    public OptionalInt perMinute(String service) {
        Integer limit = api.getOrDefault(service, api.get(DEFAULT));
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** The requests at once this quota gives the service; empty when it says nothing of it. */
    public OptionalInt atOnce(String service) {
        Integer limit = concurrent.get(service);
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** This quota where it speaks, the other where it does not: an override over what the groups grant. */
    public QuotaLimits over(QuotaLimits granted) {
        SortedMap<String, Integer> rates = new TreeMap<>();
        for (String service : granted.api.keySet()) {
            rates.put(service, perMinute(service).orElse(granted.api.get(service)));
        }
        rates.putAll(api);
        SortedMap<String, Integer> atOnce = new TreeMap<>(granted.concurrent);
        atOnce.putAll(concurrent);
        return new QuotaLimits(rates, atOnce);
    }

    /** As the database stores it: {@code api.<service>=<n>,...,concurrent.<service>=<n>,...}. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        api.forEach((service, limit) -> append(text, API + service, limit));
        concurrent.forEach((service, limit) -> append(text, CONCURRENT + service, limit));
        return text.toString();
    }

    private static void append(StringBuilder text, String name, int limit) {
        text.append(text.isEmpty() ? "" : ",").append(name).append('=').append(limit);
    }

    /** The quota {@link #toText} wrote. */
    public static QuotaLimits fromText(String text) {
        SortedMap<String, Integer> api = new TreeMap<>();
        SortedMap<String, Integer> concurrent = new TreeMap<>();
        for (String part : text.isEmpty() ? new String[0] : text.split(",")) {
            int equals = part.indexOf('=');
            String name = part.substring(0, equals);
            int value = Integer.parseInt(part.substring(equals + 1));
            if (name.startsWith(CONCURRENT)) {
                concurrent.put(name.substring(CONCURRENT.length()), value);
            } else {
                api.put(name.substring(API.length()), value);
            }
        }
        return new QuotaLimits(api, concurrent);
    }
}
