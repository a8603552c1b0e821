package org.sciplat.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Parses response bodies the way a client of the API would. */
public final class Json {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    public static JsonArray array(String body) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    public static JsonObject object(String body) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
