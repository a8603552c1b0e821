package org.sciplat.token.core.user;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.DatabaseUnavailableException;
import org.sciplat.token.core.cluster.ClusterLease;
import org.sciplat.token.core.schema.SchemaMigrated;

/**
 * Fills an empty user directory from the seed file ({@code sciplat.users.seed-file}) once the schema is ready, so
 * a fresh installation has users to log in with. A directory that already has users is never touched. Of several
 * instances starting together on an empty database, one seeds: the others wait for its transaction (a row lock) and
 * then find the users there; both seeding failed the second instance's start on a duplicate user.
 */
@Stateless
public class UserSeeder {

    private static final Logger LOG = Logger.getLogger(UserSeeder.class.getName());

    @Inject
    UserDirectory directory;

    @Inject
    @ConfigProperty(name = "sciplat.users.seed-file")
    String seedFile;

    @Resource(lookup = "jdbc/tokens")
    DataSource dataSource;

    public void seed(@Observes SchemaMigrated migrated) {
        try (Connection connection = dataSource.getConnection()) {
            ClusterLease.lockUntilCommit(connection, "user-seed");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot take the lock on seeding the user directory", e);
        }
        if (directory.count() > 0) {
            return;
        }
        Path file = Path.of(seedFile);
        if (!Files.isRegularFile(file)) {
            LOG.warning(() -> "The user directory is empty and there is no seed file at " + file.toAbsolutePath());
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader json = Json.createReader(reader)) {
            int added = 0;
            for (JsonValue entry : json.readObject().getJsonArray("users")) {
                JsonObject user = entry.asJsonObject();
                List<UserGroup> groups = new ArrayList<>();
                for (JsonValue group : user.getJsonArray("groups")) {
                    groups.add(group instanceof JsonString name ? UserGroup.named(name.getString())
                            : new UserGroup(group.asJsonObject().getString("name"), id(group.asJsonObject(), "id")));
                }
                directory.add(new UserProfile(user.getString("username"), user.getString("name", null),
                        user.getString("email", null), id(user, "uid"), id(user, "gid"), groups),
                        user.getString("password").toCharArray());
                added++;
            }
            int count = added;
            LOG.info(() -> "Seeded the user directory with " + count + " users from " + file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot seed the user directory from " + file.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static OptionalLong id(JsonObject object, String name) {
        return object.containsKey(name) ? OptionalLong.of(object.getJsonNumber(name).longValueExact())
                : OptionalLong.empty();
    }
}
