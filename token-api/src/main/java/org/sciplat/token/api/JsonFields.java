package org.sciplat.token.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.core.InvalidRequestException;
import org.sciplat.token.core.RequestField;

/** Reads request fields with an error that names the field, instead of a parser's stack trace. */
public final class JsonFields {

    private JsonFields() {
    }

    public static JsonObject require(JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON object is required", RequestField.BODY);
        }
        return body;
    }

    public static String string(JsonObject body, RequestField field) {
        JsonValue value = body.get(field.wireName());
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(field, "must be a string");
        }
        return ((JsonString) value).getString();
    }

    public static String requiredString(JsonObject body, RequestField field) {
        String value = string(body, field);
        if (value == null) {
            throw invalid(field, "is required");
        }
        return value;
    }

    /** A list of strings; absent is empty. */
    public static List<String> strings(JsonObject body, RequestField field) {
        return optionalStrings(body, field).orElse(List.of());
    }

    public static Optional<List<String>> optionalStrings(JsonObject body, RequestField field) {
        JsonValue value = body.get(field.wireName());
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(field, "must be a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw invalid(field, "must be a list of strings");
            }
            strings.add(((JsonString) item).getString());
        }
        return Optional.of(strings);
    }

    /** Whole seconds, such as a duration; empty for JSON null or absent. */
    public static Optional<Long> seconds(JsonObject body, RequestField field) {
        JsonValue value = body.get(field.wireName());
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw invalid(field, "must be whole seconds");
        }
        try {
            return Optional.of(((JsonNumber) value).longValueExact());
        } catch (ArithmeticException e) {
            throw invalid(field, "is out of range");
        }
    }

    /** A time as seconds since the epoch or an ISO-8601 date-time; null for JSON null or absent. */
    public static Instant instant(JsonObject body, RequestField field) {
        JsonValue value = body.get(field.wireName());
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            JsonNumber number = (JsonNumber) value;
            if (!number.isIntegral()) {
                throw invalid(field, "must be whole seconds since the epoch");
            }
            try {
                return epochSeconds(number.longValueExact(), field);
            } catch (ArithmeticException e) {
                throw invalid(field, "is out of range");
            }
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            return parseTime(((JsonString) value).getString(), field);
        }
        throw invalid(field, "must be seconds since the epoch or an ISO-8601 date-time");
    }

    /** A query or body time: digits are seconds since the epoch, anything else ISO-8601 with a zone. */
    public static Instant parseTime(String text, RequestField field) {
        if (text == null) {
            return null;
        }
        if (text.matches("-?\\d{1,12}")) {
            return epochSeconds(Long.parseLong(text), field);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be seconds since the epoch or an ISO-8601 date-time with a zone");
        }
    }

    private static Instant epochSeconds(long seconds, RequestField field) {
        if (seconds < 0 || seconds > 253_402_300_799L) {
            throw invalid(field, "is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** The message starts with the field's wire name, which is what the client sent. */
    private static InvalidRequestException invalid(RequestField field, String problem) {
        return new InvalidRequestException(field.wireName() + " " + problem, field);
    }
}
