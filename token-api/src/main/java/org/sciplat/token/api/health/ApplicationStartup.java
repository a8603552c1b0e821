package org.sciplat.token.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the API module has started, with the time it did. Until then an orchestrator must not judge
 * liveness. It never looks at the database: an instance whose database is away is started but not ready, and a
 * restart would not bring the database back.
 */
@Startup
@ApplicationScoped
public class ApplicationStartup implements HealthCheck {

    private volatile Instant started;

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("application");
        if (started == null) {
            return response.down().build();
        }
        return response.up().withData("started", started.toString()).build();
    }
}
