package org.sciplat.token.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.sciplat.token.api.error.InvalidJsonException;

/**
 * Reads a request body as exactly one JSON object, refusing what a lenient parser lets through: content after the
 * object (a second object, garbage), a key given twice (which copy would count?), nesting deeper than any request
 * of this API (a parser's stack is the limit otherwise) and numbers longer than any field's value, or with an
 * exponent that would make a later conversion to a whole number build a gigantic integer.
 */
public final class StrictJson {

    /** The API's bodies are an object holding arrays of strings: two levels. */
    static final int MAX_DEPTH = 8;
    /** Seconds since the epoch take 12 digits; no field needs more than a few more. */
    static final int MAX_NUMBER_LENGTH = 40;
    private static final int MAX_SCALE = 400;

    private StrictJson() {
    }

    /** The object the body holds, or null for an empty body (the field checks decide whether one is required). */
    public static JsonObject object(InputStream body) throws IOException {
        PushbackInputStream input = new PushbackInputStream(body, 1);
        int first = input.read();
        if (first < 0) {
            return null;
        }
        input.unread(first);
        try (JsonParser parser = Json.createParser(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidJsonException("The request body must be a JSON object");
            }
            JsonObject object = object(parser, 1);
            if (parser.hasNext()) {
                throw new InvalidJsonException("The request body must hold one JSON object and nothing after it");
            }
            return object;
        } catch (JsonException e) {
            // the parser's message quotes the client's text and its position; neither helps more than this
            throw new InvalidJsonException("Request body is not valid JSON");
        }
    }

    private static JsonObject object(JsonParser parser, int depth) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            String key = parser.getString();
            if (!keys.add(key)) {
                throw new InvalidJsonException("The request body gives the key \"" + abbreviate(key) + "\" twice");
            }
            object.add(key, value(parser, parser.next(), depth));
        }
        return object.build();
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, deeper(depth));
            case START_ARRAY -> array(parser, deeper(depth));
            case VALUE_STRING -> Json.createValue(parser.getString());
            case VALUE_NUMBER -> number(parser.getString());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new InvalidJsonException("Request body is not valid JSON");
        };
    }

    private static JsonValue array(JsonParser parser, int depth) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            array.add(value(parser, event, depth));
        }
        return array.build();
    }

    private static int deeper(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new InvalidJsonException("The request body nests more than " + MAX_DEPTH + " levels deep");
        }
        return depth + 1;
    }

    private static JsonValue number(String text) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new InvalidJsonException("The request body has a number of more than " + MAX_NUMBER_LENGTH
                    + " characters");
        }
        BigDecimal number = new BigDecimal(text);
        if (Math.abs(number.scale()) > MAX_SCALE) {
            throw new InvalidJsonException("The request body has a number out of range: " + text);
        }
        return Json.createValue(number);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
