package org.sciplat.tap.service.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much a query may upload (declared in the capabilities): rows and columns per table, tables per query, and the
 * bytes of each table, which a multipart upload also meets as the request size limit. Tables by URL come only from
 * the hosts the operator names (none by default): the service would otherwise fetch whatever a user points it at.
 */
@ApplicationScoped
public class UploadLimits {

    @Inject
    @ConfigProperty(name = "sciplat.tap.upload.max-rows", defaultValue = "100000")
    long maxRows;

    @Inject
    @ConfigProperty(name = "sciplat.tap.upload.max-columns", defaultValue = "100")
    int maxColumns;

    @Inject
    @ConfigProperty(name = "sciplat.tap.upload.max-tables", defaultValue = "4")
    int maxTables;

    @Inject
    @ConfigProperty(name = "sciplat.tap.upload.max-bytes", defaultValue = "1048576")
    long maxBytes;

    /** Host names, comma-separated; empty: no URL uploads. */
    @Inject
    @ConfigProperty(name = "sciplat.tap.upload.allowed-hosts", defaultValue = " ")
    String allowedHosts;

    protected UploadLimits() {
    }

    /** Limits as given; the server injects its configuration into the no-argument form. */
    public UploadLimits(long maxRows, int maxColumns, int maxTables, long maxBytes, String allowedHosts) {
        this.maxRows = maxRows;
        this.maxColumns = maxColumns;
        this.maxTables = maxTables;
        this.maxBytes = maxBytes;
        this.allowedHosts = allowedHosts;
    }

    public long maxRows() {
        return maxRows;
    }

    public int maxColumns() {
        return maxColumns;
    }

    public int maxTables() {
        return maxTables;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Set<String> allowedHosts() {
        return Arrays.stream(allowedHosts.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
