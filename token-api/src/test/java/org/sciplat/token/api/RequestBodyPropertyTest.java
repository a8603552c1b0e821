package org.sciplat.token.api;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.TokenServiceException;

/**
 * Whatever a client sends as a JSON body, reading it and taking the API's fields from it gives a value or a typed
 * refusal (a TokenServiceException, which the API answers with its status and error body), never anything else.
 */
class RequestBodyPropertyTest {

    @Property(tries = 2_000)
    void anyTextIsReadOrRefused(@ForAll("jsonish") String body) throws IOException {
        readFields(body);
    }

    @Property(tries = 500)
    void anyBytesAreReadOrRefused(@ForAll byte[] body) throws IOException {
        try {
            JsonObject object = StrictJson.object(new ByteArrayInputStream(body));
            fields(object);
        } catch (TokenServiceException refused) {
            // a typed 4xx
        }
    }

    /** Text made of JSON's own characters and a few others, so that most tries get deep into the parser. */
    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\"token_name\"",
                "\"scopes\"", "\"expires\"", "\"minimum_lifetime\"", "\"service\"", "\"a\"", "null", "true",
                "false", "0", "-1", "1e999", "1.5", "12345678901234567890", "\"read:tap\"", " ", "\\u0000", "\\",
                "x", "\u00e9", "\ud800");
        return tokens.list().ofMaxSize(60).map(list -> String.join("", list));
    }

    private static void readFields(String body) throws IOException {
        try {
            fields(StrictJson.object(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        } catch (TokenServiceException refused) {
            // a typed 4xx
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
