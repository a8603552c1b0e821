package org.sciplat.token.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.cluster.ClusterLease;
import org.sciplat.token.core.history.HistoryQuery;
import org.sciplat.token.core.history.TokenChangeEntry;
import org.sciplat.token.core.history.TokenHistory;
import org.sciplat.token.core.housekeeping.Housekeeping;
import org.sciplat.token.core.scope.Scope;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.Sessions;
import org.sciplat.token.core.token.TokenChangeAction;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.core.user.Username;

/**
 * In a real Open Liberty, every migration runs at start-up, and the token domain works on the result: a token is
 * issued, verified, revoked and then refused, with its history written in the same transactions.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaMigrationIT {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** Where the deployment carries the newest migration's version, read from the source tree as it is built. */
    private static final String NEWEST = "schema-migration-it/newest-version";
    /** token-core's own classes, not the unit tests and their helpers that share its packages. */
    private static final Filter<ArchivePath> MAIN_CLASSES =
            path -> Files.exists(Path.of("target/classes" + path.get()));

    @Deployment
    static WebArchive deployment() throws IOException {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "schema-migration-it.war")
                .addPackages(false, MAIN_CLASSES, TokenServiceException.class.getPackage(),
                        SchemaMigration.class.getPackage(), ClusterLease.class.getPackage(),
                        Scope.class.getPackage(), Tokens.class.getPackage(), TokenHistory.class.getPackage(),
                        Housekeeping.class.getPackage())
                .addClasses(SchemaMigrationIT.class, Username.class)
                // logging in needs the user directory and Jakarta Security, which this server leaves out
                .deleteClass(Sessions.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("META-INF/microprofile-config.properties")
                .addAsResource("db/callback/flyway.location")
                .addAsResource(new StringAsset(newestMigration()), NEWEST)
                .addAsLibraries(new File("target/deployment-libs").listFiles());
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.forEach(file -> war.addAsResource("db/migration/" + file.getFileName()));
        }
        return war;
    }

    @EJB
    SchemaMigration migration;

    @Resource(lookup = "jdbc/tokens")
    DataSource dataSource;

    @Inject
    Tokens tokens;

    @Inject
    TokenVerifier verifier;

    @Inject
    TokenHistory history;

    @Test
    void everyMigrationRanAtStartUp() {
        assertTrue(migration.isComplete(), () -> migration.failure().orElse(""));
        assertEquals(Optional.empty(), migration.failure());
        assertEquals(Optional.of(deployedNewest()), migration.appliedVersion());
    }

    @Test
    void schemaHasTheTokenTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase());
            }
        }
        assertTrue(tables.containsAll(Set.of("directory_user", "directory_user_group", "token",
                "token_change_history", "cluster_lease", "flyway_schema_history")), tables.toString());
    }

    @Test
    void aTokenIsIssuedVerifiedRevokedAndThenRefused() {
        VerifiedToken administrator = new VerifiedToken(null, VerifiedToken.BOOTSTRAP_ACTOR, TokenType.SERVICE,
                new TreeSet<>(Set.of(Scope.ADMIN_TOKEN)), null, true);
        NewToken created = tokens.createForUser(administrator, "arquillian", TokenType.USER, "round trip", null,
                Set.of(Scope.USER_TOKEN, "read:tap"), null, "127.0.0.1");
        String presented = created.credential().reveal();

        VerifiedToken holder = verifier.verify(presented);
        assertEquals("arquillian", holder.username());
        assertEquals(Set.of(Scope.USER_TOKEN, "read:tap"), holder.scopes());

        tokens.revoke(holder, "arquillian", holder.key(), "127.0.0.1");
        assertThrows(InvalidTokenException.class, () -> verifier.verify(presented));
        List<TokenChangeAction> recorded = history.ofToken(administrator, "arquillian", holder.key(),
                HistoryQuery.all(), null, 10).entries().stream().map(TokenChangeEntry::action).toList();
        assertEquals(List.of(TokenChangeAction.REVOKE, TokenChangeAction.CREATE), recorded);
    }

    /** The version of the newest V<n>__ file in the migration folder. */
    private static String newestMigration() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow());
        }
    }

    private static String deployedNewest() {
        try (InputStream in = SchemaMigrationIT.class.getClassLoader().getResourceAsStream(NEWEST)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
