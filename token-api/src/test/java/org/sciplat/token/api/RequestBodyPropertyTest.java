package org.sciplat.token.api;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.TokenServiceException;

/**
 * Whatever a client sends as a JSON body, reading it and taking the API's fields from it gives a value or a typed
 * refusal (a TokenServiceException, which the API answers with its status and error body), never anything else.
 */
class RequestBodyPropertyTest {

    @Test
    void anyTextIsReadOrRefused() {
        qt().withExamples(2_000).forAll(jsonish())
                .checkAssert(body -> readFields(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anyBytesAreReadOrRefused() {
        qt().withExamples(500).forAll(Generate.byteArrays(integers().between(0, 200),
                arbitrary().pick(List.of((byte) '{', (byte) '}', (byte) '"', (byte) 0, (byte) 0xC3, (byte) 0xFF,
                        (byte) 'a', (byte) ':', (byte) '[', (byte) '\\')).mix(Generate.bytes(Byte.MIN_VALUE,
                        Byte.MAX_VALUE, (byte) 0))))
                .checkAssert(RequestBodyPropertyTest::readFields);
    }

    /** Text made of JSON's own characters and a few others, so that most tries get deep into the parser. */
    private static Gen<String> jsonish() {
        Gen<String> tokens = Generate.pick(List.of("{", "}", "[", "]", ":", ",", "\"", "\"token_name\"",
                "\"scopes\"", "\"expires\"", "\"minimum_lifetime\"", "\"service\"", "\"a\"", "null", "true",
                "false", "0", "-1", "1e999", "1.5", "12345678901234567890", "\"read:tap\"", " ", "\\u0000", "\\",
                "x", "\u00e9", "\ud800"));
        return lists().of(tokens).ofSizeBetween(0, 60).map(list -> String.join("", list));
    }

    private static void readFields(byte[] body) {
        try {
            fields(StrictJson.object(new ByteArrayInputStream(body)));
        } catch (TokenServiceException refused) {
            // a typed 4xx
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from memory cannot fail", e);
        }
    }

    /** What the resources take from a body, in the way they take it. */
    private static void fields(JsonObject read) {
        JsonObject body = JsonFields.require(read);
        JsonFields.string(body, RequestField.TOKEN_NAME);
        JsonFields.strings(body, RequestField.SCOPES);
        JsonFields.instant(body, RequestField.EXPIRES);
        JsonFields.string(body, RequestField.SERVICE);
    }
}
