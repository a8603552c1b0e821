package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sciplat.token.api.error.BodyTooLargeException;
import org.sciplat.token.api.error.InvalidJsonException;

class StrictJsonTest {

    @Test
    void readsAnObjectOfTheApi() throws IOException {
        JsonObject body = read("{\"token_name\": \"topcat\", \"scopes\": [\"read:tap\"], \"expires\": 1893456000}");

        assertEquals("topcat", body.getString("token_name"));
        assertEquals(1893456000L, body.getJsonNumber("expires").longValueExact());
        assertEquals("read:tap", body.getJsonArray("scopes").getString(0));
    }

    @Test
    void anEmptyBodyIsNoObject() throws IOException {
        assertNull(read(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "[{}]", "\"x\"", "1", "null", "true", " ",
        "{} garbage", "{}{}", "{\"a\": 1}{\"a\": 2}", "{} []",
        "{\"a\": 1, \"a\": 2}", "{\"x\": {\"b\": 1, \"b\": 1}}",
        "{\"a\": 1e999999999}", "{\"a\": -1E-999999999}",
        "{\"a\": 1", "{'a': 1}", "{a: 1}", "{\"a\": 01}", "{\"a\": NaN}", "\u0000", "{\"a\": \"\\ud800\"",
    })
    void refusesWhatIsNotExactlyOneObject(String body) {
        assertThrows(InvalidJsonException.class, () -> read(body));
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{\"a\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}";

        assertThrows(InvalidJsonException.class, () -> read(deep));
    }

    @Test
    void refusesAHundredThousandDigitNumber() {
        assertThrows(InvalidJsonException.class, () -> read("{\"expires\": " + "9".repeat(100_000) + "}"));
    }

    @Test
    void nestingAsDeepAsAllowedIsRead() throws IOException {
        int levels = StrictJson.MAX_DEPTH - 1;
        String body = "{\"a\":" + "[".repeat(levels) + "]".repeat(levels) + "}";

        assertEquals(1, read(body).size());
    }

    @Test
    void theSizeLimitStopsABodyWithoutALength() {
        InputStream body = new BodySizeLimit.Bounded(new ByteArrayInputStream(
                ("{\"token_name\": \"" + "x".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8)), 64);

        assertThrows(BodyTooLargeException.class, () -> StrictJson.object(body));
    }

    @Test
    void theSizeLimitLetsABodyOfExactlyTheLimitThrough() throws IOException {
        byte[] bytes = "{\"a\": \"bc\"}".getBytes(StandardCharsets.UTF_8);

        JsonObject body = StrictJson.object(new BodySizeLimit.Bounded(new ByteArrayInputStream(bytes), bytes.length));

        assertEquals("bc", body.getString("a"));
    }

    private static JsonObject read(String body) throws IOException {
        return StrictJson.object(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
