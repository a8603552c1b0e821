package org.sciplat.token.api.quota;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.core.InvalidQuotaException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.quota.QuotaLimits;

/**
 * A quota on the wire in the anchor's shape, as user-info shows it and an admin sets it:
 * {@code {"api": {"<service>": n}, "tap": {"<service>": {"concurrent": n}}}}.
 */
@Schema(name = "Quota")
public record QuotaJson(
        @Schema(description = "Requests per minute to each service behind the gate; _default for every service not "
                + "named. 0: blocked") Map<String, Integer> api,
        @Schema(description = "Queries at once, by query service (the embedded TAP service is tap)")
        Map<String, Concurrent> tap) {

    private static final String CONCURRENT = "concurrent";

    @Schema(name = "ConcurrencyQuota")
    public record Concurrent(@Schema(description = "Queries the user may run at once") int concurrent) {
    }

    /** Null when the quota says nothing. */
    public static QuotaJson of(QuotaLimits limits) {
        if (limits.isEmpty()) {
            return null;
        }
        Map<String, Concurrent> concurrent = new TreeMap<>();
        limits.concurrent().forEach((service, atOnce) -> concurrent.put(service, new Concurrent(atOnce)));
        return new QuotaJson(limits.api().isEmpty() ? null : limits.api(), concurrent.isEmpty() ? null : concurrent);
    }

    /** The quota a request body's {@code api} and {@code tap} give; their contents are checked strictly. */
    static QuotaLimits limitsFrom(JsonObject body) {
        Map<String, Integer> api = new TreeMap<>();
        JsonObject rates = object(body.get(RequestField.QUOTA_API.wireName()), RequestField.QUOTA_API);
        if (rates != null) {
            rates.forEach((service, value) -> api.put(service, amount(value, RequestField.QUOTA_API)));
        }
        Map<String, Integer> concurrent = new TreeMap<>();
        RequestField field = RequestField.QUOTA_CONCURRENT;
        JsonObject services = object(body.get(field.wireName()), field);
        if (services != null) {
            services.forEach((service, value) -> {
                JsonObject quota = object(value, field);
                if (quota == null || !Set.of(CONCURRENT).equals(quota.keySet())) {
                    throw new InvalidQuotaException(field.wireName() + " holds {\"concurrent\": n} by service", field);
                }
                concurrent.put(service, amount(quota.get(CONCURRENT), field));
            });
        }
        return QuotaLimits.of(api, concurrent);
    }

    private static JsonObject object(JsonValue value, RequestField field) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidQuotaException(field.wireName() + " must be an object", field);
        }
        return value.asJsonObject();
    }

    private static int amount(JsonValue value, RequestField field) {
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new InvalidQuotaException(field.wireName() + " holds whole numbers", field);
        }
        try {
            return ((JsonNumber) value).intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidQuotaException(field.wireName() + " holds a number out of range", field);
        }
    }
}
