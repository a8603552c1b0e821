package org.sciplat.tap.service.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many rows, how much time and how long a stored result the service gives a query (TAPRegExt's limits). */
@ApplicationScoped
public class QueryLimits {

    @Inject
    @ConfigProperty(name = "sciplat.tap.maxrec.default", defaultValue = "100000")
    long defaultMaxrec;

    @Inject
    @ConfigProperty(name = "sciplat.tap.maxrec.hard", defaultValue = "2000000")
    long hardMaxrec;

    @Inject
    @ConfigProperty(name = "sciplat.tap.execution-duration.default", defaultValue = "PT10M")
    Duration defaultExecutionDuration;

    @Inject
    @ConfigProperty(name = "sciplat.tap.execution-duration.hard", defaultValue = "PT1H")
    Duration hardExecutionDuration;

    @Inject
    @ConfigProperty(name = "sciplat.tap.retention.default", defaultValue = "P1D")
    Duration defaultRetention;

    @Inject
    @ConfigProperty(name = "sciplat.tap.retention.hard", defaultValue = "P7D")
    Duration hardRetention;

    @Inject
    @ConfigProperty(name = "sciplat.tap.max-request-size", defaultValue = "1048576")
    long maxRequestBytes;

    @Inject
    @ConfigProperty(name = "sciplat.tap.max-job-parameters-size", defaultValue = "1048576")
    long maxJobParameterChars;

    @Inject
    @ConfigProperty(name = "sciplat.tap.max-jobs-per-user", defaultValue = "100")
    int maxJobsPerUser;

    public long defaultMaxrec() {
        return defaultMaxrec;
    }

    public long hardMaxrec() {
        return hardMaxrec;
    }

    public Duration defaultExecutionDuration() {
        return defaultExecutionDuration;
    }

    public Duration hardExecutionDuration() {
        return hardExecutionDuration;
    }

    public Duration defaultRetention() {
        return defaultRetention;
    }

    public Duration hardRetention() {
        return hardRetention;
    }

    /** The largest body a TAP request may have, form or multipart, in bytes. */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** The most characters (names and values) a job keeps as its parameters, however they were sent. */
    public long maxJobParameterChars() {
        return maxJobParameterChars;
    }

    /** The most jobs one user may keep at once; their destruction time or a DELETE frees a place. */
    public int maxJobsPerUser() {
        return maxJobsPerUser;
    }

    /**
     * An execution duration asked for (0 meaning "no limit" in UWS), within the hard limit; a negative one is
     * refused rather than read as "no limit".
     */
    public Duration executionDuration(long requestedSeconds) {
        if (requestedSeconds < 0) {
            throw new InvalidQueryException("EXECUTIONDURATION must not be negative: give seconds, or 0 for the"
                    + " longest the service allows");
        }
        if (requestedSeconds == 0 || requestedSeconds > hardExecutionDuration.toSeconds()) {
            return hardExecutionDuration;
        }
        return Duration.ofSeconds(requestedSeconds);
    }
}
