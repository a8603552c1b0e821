package org.sciplat.token.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * token-core's migrations build the token database only: the TAP service's tables (TAP_SCHEMA, the archive, UWS
 * jobs) are the TAP service's, with their own migration history, so that they change without a core release.
 */
class CoreMigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern OF_TAP = Pattern.compile("tap_schema|wise_00|uws");

    @Test
    void createNothingOfTheTapService() throws IOException {
        List<String> ofTap;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            ofTap = files.filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .filter(CoreMigrationsTest::mentionsTap).map(file -> file.getFileName().toString()).sorted()
                    .toList();
        }
        assertEquals(List.of(), ofTap);
    }

    private static boolean mentionsTap(Path migration) {
        try {
            return OF_TAP.matcher(Files.readString(migration).toLowerCase(Locale.ROOT)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
