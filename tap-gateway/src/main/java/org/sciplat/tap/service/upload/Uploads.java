package org.sciplat.tap.service.upload;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sciplat.tap.service.adql.UploadedTable;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.query.QueryFailedException;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * Loads the tables a query uploads (TAP_UPLOAD) into tables of their own, under random names in the tap_upload
 * schema, which the archive user may read but only the uploading query can name. VOTables are read by STIL as they
 * arrive, row by row, within the upload limits.
 */
@ApplicationScoped
public class Uploads {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration URL_TIME_OUT = Duration.ofSeconds(30);

    /** Where a part of the request is read from, if the request has it. */
    @FunctionalInterface
    public interface Parts {
        Optional<InputStream> open(String name) throws IOException;
    }

    @Inject
    Catalogue catalogue;

    @Inject
    UploadLimits limits;

    /** The owner of the TAP service's tables, who may create and drop tables in tap_upload. */
    @Resource(lookup = "jdbc/jobs")
    DataSource dataSource;

    private volatile boolean readable;

    protected Uploads() {
    }

    /** Uploads into the given database; the server injects its own into the no-argument form. */
    public Uploads(Catalogue catalogue, UploadLimits limits, DataSource dataSource) {
        this.catalogue = catalogue;
        this.limits = limits;
        this.dataSource = dataSource;
    }

    /** The tables the UPLOAD parameter names (none if it is null), loaded; UploadRefusedException if refused. */
    public UploadedTables load(String upload, Parts parts) {
        if (upload == null || upload.isBlank()) {
            return UploadedTables.none();
        }
        return loadAll(UploadParameter.parse(upload, limits).stream()
                .map(table -> new Source(table.name(), () -> open(table, parts))).toList());
    }

    /**
     * The tables the UPLOAD parameter names, read whole for a job to keep until it runs, and checked as a query
     * loading them checks them (loaded, then dropped), so that a refusal comes when the job is created.
     */
    public List<StoredUpload> read(String upload, Parts parts) {
        List<StoredUpload> read = new ArrayList<>();
        for (UploadParameter.Upload table : UploadParameter.parse(upload, limits)) {
            try (InputStream in = open(table, parts)) {
                read.add(new StoredUpload(table.name(), in.readAllBytes()));
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
        load(read).close();
        return read;
    }

    /** Tables kept with a job, loaded for its query. */
    public UploadedTables load(List<StoredUpload> stored) {
        return loadAll(stored.stream()
                .map(table -> new Source(table.name(), () -> new ByteArrayInputStream(table.votable()))).toList());
    }

    /** A table to load: its TAP_UPLOAD name, and where its bytes are read from. */
    private record Source(String name, Opener opener) {
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private UploadedTables loadAll(List<Source> wanted) {
        List<UploadedTable> loaded = new ArrayList<>();
        try {
            allowReading();
            for (Source table : wanted) {
                try (InputStream in = table.opener().open()) {
                    loaded.add(load(table.name(), in));
                }
            }
            return new UploadedTables(dataSource, loaded);
        } catch (IOException e) {
            new UploadedTables(dataSource, loaded).close();
            throw unreadable(e);
        } catch (SQLException e) {
            new UploadedTables(dataSource, loaded).close();
            throw new QueryFailedException("The uploaded table could not be stored; please try again later", false,
                    e);
        } catch (RuntimeException e) {
            new UploadedTables(dataSource, loaded).close();
            throw e;
        }
    }

    private static UploadRefusedException unreadable(IOException e) {
        return new UploadRefusedException(e.getMessage() == null ? "The uploaded table could not be read"
                : e.getMessage());
    }

    private void allowReading() throws SQLException {
        if (!readable) {
            catalogue.allowReading(UploadedTable.SCHEMA);
            readable = true;
        }
    }

    private InputStream open(UploadParameter.Upload table, Parts parts) throws IOException {
        InputStream raw;
        if (table.part() != null) {
            raw = parts.open(table.part()).orElseThrow(() -> new UploadRefusedException("UPLOAD " + table.name()
                    + ": the request has no part named " + table.part() + " (send it as multipart/form-data)"));
        } else {
            raw = fetch(table);
        }
        return new LimitedInputStream(new BufferedInputStream(raw), limits.maxBytes(), table.name());
    }

    private static InputStream fetch(UploadParameter.Upload table) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(URL_TIME_OUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(table.url())
                    .timeout(URL_TIME_OUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new UploadRefusedException("UPLOAD " + table.name() + ": the URL answered HTTP "
                        + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadRefusedException("UPLOAD " + table.name() + ": stopped while reading the URL");
        }
    }

    private UploadedTable load(String name, InputStream in) throws IOException, SQLException {
        VotableProlog.requireSafe(in, name);
        String physical = catalogue.physical(UploadedTable.SCHEMA) + "."
                + catalogue.physical("u" + HexFormat.of().formatHex(randomBytes()));
        try (Connection connection = dataSource.getConnection()) {
            UploadSink sink = new UploadSink(connection, catalogue, name, physical, limits);
            try {
                new VOTableBuilder().streamStarTable(in, sink, null);
            } catch (TableFormatException e) {
                sink.dropIfCreated();
                throw new UploadRefusedException("UPLOAD " + name + " is not a VOTable this service can read: "
                        + firstLine(e.getMessage()));
            } catch (IOException | RuntimeException e) {
                sink.dropIfCreated();
                throw e;
            }
            return new UploadedTable(sink.table(), physical);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
