package org.sciplat.token.web.error;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.RequestField;

class TokenServiceExceptionHandlerTest {

    /** A renamed input would otherwise send its messages to the top of the page without anyone noticing. */
    @Test
    void everyInputAFieldIsMappedToIsOnAPage() throws IOException {
        String pages;
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            pages = files.filter(file -> file.toString().endsWith(".xhtml"))
                    .map(TokenServiceExceptionHandlerTest::read)
                    .collect(Collectors.joining());
        }
        for (RequestField field : RequestField.values()) {
            TokenServiceExceptionHandler.findInputId(field).ifPresent(id ->
                    assertTrue(pages.contains(" id=\"" + id + "\""), field + " is mapped to " + id + ", on no page"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
