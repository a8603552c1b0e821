package org.sciplat.tap.service.uws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.tap.service.migration.TapDatabase;
import org.sciplat.tap.service.upload.StoredUpload;

/**
 * Jobs in H2 with the service's own migrations, as two servers sharing one database see them: server A runs the
 * jobs, server B is any other server the user's next request reaches.
 */
class JobStoreTest {

    private static final String SERVER_A = UUID.randomUUID().toString();
    private static final Map<String, String> QUERY = Map.of("LANG", "ADQL", "QUERY", "SELECT TOP 1 ra FROM t");

    private static DataSource database;
    private static JobStore serverA;
    private static JobStore serverB;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void migrate() {
        database = TapDatabase.migrated("uws");
        serverA = new JobStore(database);
        serverB = new JobStore(database);
    }

    @Test
    void aJobCreatedOnOneServerReadsTheSameOnAnother() {
        Job created = serverA.create(newId(), "astronomer", now, ordered(), List.of(), Duration.ofMinutes(10),
                now.plus(Duration.ofDays(1)));

        Job seen = serverB.find(created.id()).orElseThrow();

        assertEquals("astronomer", seen.owner());
        assertEquals(Phase.PENDING, seen.phase());
        assertEquals(now, seen.created());
        assertEquals(Duration.ofMinutes(10), seen.executionDuration());
        assertEquals(now.plus(Duration.ofDays(1)), seen.destruction());
        assertEquals(List.of("LANG", "QUERY", "RUNID"), List.copyOf(seen.parameters().keySet()),
                "the parameters in the order the user gave them");
        assertEquals("my-run", seen.runId().orElseThrow());
        assertTrue(serverB.of("astronomer").stream().anyMatch(job -> job.id().equals(created.id())));
        assertTrue(serverB.of("observer").stream().noneMatch(job -> job.id().equals(created.id())));
    }

    @Test
    void uploadedTablesAreKeptInChunksUntilTheJobHasRun() {
        byte[] large = new byte[JobStore.CHUNK_BYTES + 77];
        new Random(11).nextBytes(large);
        byte[] small = "<VOTABLE/>".getBytes(StandardCharsets.UTF_8);
        Job job = serverA.create(newId(), "astronomer", now, QUERY, List.of(new StoredUpload("mine", large),
                new StoredUpload("also", small)), Duration.ofMinutes(10), now.plusSeconds(600));

        List<StoredUpload> kept = serverB.uploads(job.id());

        assertEquals(List.of("also", "mine"), kept.stream().map(StoredUpload::name).toList());
        assertArrayEquals(small, kept.get(0).votable());
        assertArrayEquals(large, kept.get(1).votable());
        serverA.deleteUploads(job.id());
        assertEquals(List.of(), serverB.uploads(job.id()), "gone once the job has run");
        Job deleted = serverA.create(newId(), "astronomer", now, QUERY, List.of(new StoredUpload("mine", small)),
                Duration.ofMinutes(10), now.plusSeconds(600));
        serverB.delete(deleted.id());
        assertEquals(List.of(), serverA.uploads(deleted.id()), "gone with the job");
    }

    @Test
    void aResultWrittenInChunksReadsBackByteIdentical() throws IOException {
        Job job = running();
        byte[] written = new byte[2 * JobStore.CHUNK_BYTES + 12_345];
        new Random(7).nextBytes(written);
        JobStore.ResultOutput output = serverA.resultOutput(job.id(), "text/csv");
        output.write(written[0]);
        int at = 1;
        for (int size = 1; at < written.length; size = size * 3 + 1) {
            int part = Math.min(size, written.length - at);
            output.write(written, at, part);
            at += part;
        }
        output.close();
        assertTrue(serverA.complete(job.id(), SERVER_A, output.stored(42, true), now));

        StoredResult result = serverB.find(job.id()).orElseThrow().result().orElseThrow();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        serverB.copyResult(job.id(), result, read);

        assertArrayEquals(written, read.toByteArray());
        assertEquals(new StoredResult("text/csv", 42, true, written.length, 3), result);
    }

    @Test
    void anAbortOnAnotherServerIsSeenByTheRunningOneAndItsResultIsNotKept() throws IOException {
        Job job = running();
        assertTrue(serverA.active(SERVER_A).contains(job.id()));

        assertTrue(serverB.abort(job.id(), now));

        assertFalse(serverA.active(SERVER_A).contains(job.id()), "the running server sees the abort");
        JobStore.ResultOutput output = serverA.resultOutput(job.id(), "text/csv");
        output.write(new byte[10]);
        output.close();
        assertFalse(serverA.complete(job.id(), SERVER_A, output.stored(1, false), now),
                "an aborted job does not complete");
        assertEquals(Phase.ABORTED, serverB.find(job.id()).orElseThrow().phase());
        assertTrue(serverB.find(job.id()).orElseThrow().result().isEmpty());
        assertFalse(serverB.abort(job.id(), now), "aborting twice changes nothing");
    }

    @Test
    void aResultStillBeingWrittenForADeletedJobIsRefusedAndLeavesNothing() throws IOException, SQLException {
        Job job = running();
        JobStore.ResultOutput output = serverA.resultOutput(job.id(), "text/csv");
        output.write(new byte[JobStore.CHUNK_BYTES + 1]);

        assertTrue(serverB.delete(job.id()));

        assertThrows(IOException.class, output::close, "the next chunk has no job to belong to");
        assertFalse(serverA.active(SERVER_A).contains(job.id()));
        assertEquals(0, chunks(job.id()));
        assertFalse(serverB.delete(job.id()), "deleting twice changes nothing and fails nothing");
    }

    @Test
    void onlyAPendingJobTakesNewParametersOrExecutionDuration() {
        Job job = serverA.create(newId(), "astronomer", now, QUERY, List.of(), Duration.ofMinutes(10),
                now.plus(Duration.ofDays(1)));
        serverB.changeParameters(job.id(), Map.of("MAXREC", "5", "QUERY", "SELECT TOP 2 ra FROM t"), all -> { });
        serverB.executionDuration(job.id(), Duration.ofSeconds(30));
        Job changed = serverA.find(job.id()).orElseThrow();
        assertEquals("SELECT TOP 2 ra FROM t", changed.parameters().get("QUERY"));
        assertEquals("5", changed.parameters().get("MAXREC"));
        assertEquals(Duration.ofSeconds(30), changed.executionDuration());

        assertTrue(serverA.queue(job.id(), SERVER_A, now));

        assertThrows(JobStateException.class, () -> serverB.changeParameters(job.id(), Map.of("MAXREC", "6"), all -> { }));
        assertThrows(JobStateException.class, () -> serverB.executionDuration(job.id(), Duration.ofSeconds(5)));
        assertEquals("5", serverA.find(job.id()).orElseThrow().parameters().get("MAXREC"));
        assertFalse(serverB.queue(job.id(), UUID.randomUUID().toString(), now), "a job runs on one server only");
    }

    @Test
    void theSweepDeletesOnlyExpiredJobsWithTheirResultsAndTwoSweepsAtOnceDoNoHarm() throws IOException,
            SQLException {
        Job expired = serverA.create(newId(), "astronomer", now.minus(Duration.ofDays(2)), QUERY, List.of(),
                Duration.ofMinutes(10), now.minusSeconds(1));
        JobStore.ResultOutput output = serverA.resultOutput(expired.id(), "text/csv");
        output.write(new byte[100]);
        output.close();
        Job kept = serverA.create(newId(), "astronomer", now, QUERY, List.of(), Duration.ofMinutes(10), now.plusSeconds(60));

        int destroyedByA = serverA.destroyExpired(now);
        int destroyedByB = serverB.destroyExpired(now);

        assertTrue(destroyedByA >= 1);
        assertEquals(0, destroyedByB);
        assertTrue(serverB.find(expired.id()).isEmpty());
        assertEquals(0, chunks(expired.id()));
        assertTrue(serverB.find(kept.id()).isPresent());
    }

    @Test
    void aRunningJobWhoseServerFellSilentBecomesAnErrorAPersonUnderstands() {
        Job lost = running();
        String otherServer = UUID.randomUUID().toString();
        Job alive = serverB.create(newId(), "astronomer", now, QUERY, List.of(), Duration.ofMinutes(10), now.plusSeconds(600));
        serverB.queue(alive.id(), otherServer, now);
        serverB.begin(alive.id(), otherServer, now);
        Instant later = now.plusSeconds(90);
        serverB.heartbeat(otherServer, later.minusSeconds(5));

        serverB.failStale(later.minusSeconds(60), Jobs.SERVER_STOPPED, later);

        Job failed = serverB.find(lost.id()).orElseThrow();
        assertEquals(Phase.ERROR, failed.phase());
        assertEquals(Jobs.SERVER_STOPPED, failed.error().orElseThrow());
        assertEquals(later, failed.ended().orElseThrow());
        assertEquals(Phase.EXECUTING, serverB.find(alive.id()).orElseThrow().phase(), "a job still heard from");
        assertFalse(serverA.fail(lost.id(), SERVER_A, "late", later), "its server, back, cannot change it again");
    }

    /** A job server A has started. */
    private Job running() {
        Job job = serverA.create(newId(), "astronomer", now, QUERY, List.of(), Duration.ofMinutes(10), now.plusSeconds(600));
        assertTrue(serverA.queue(job.id(), SERVER_A, now));
        assertTrue(serverA.begin(job.id(), SERVER_A, now));
        return job;
    }

    private static Map<String, String> ordered() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("LANG", "ADQL");
        parameters.put("QUERY", "SELECT TOP 1 ra FROM t WHERE s = 'it''s'");
        parameters.put("RUNID", "my-run");
        return parameters;
    }

    private static int chunks(String id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM uws_result_chunk WHERE job_id = ?")) {
            count.setString(1, id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
