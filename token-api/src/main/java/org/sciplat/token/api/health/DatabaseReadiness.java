package org.sciplat.token.api.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.sciplat.token.core.DatabaseUnavailableException;
import org.sciplat.token.core.schema.SchemaMigration;

/**
 * Ready once the database answers and every migration has been applied. It lives in one WAR only: Open Liberty
 * asks every module of the EAR for its checks, and a bean of the shared EJB module would be reported by each.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @EJB
    SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!schema.isComplete()) {
            return response.down().withData("reason", schema.failure().orElse("migrating")).build();
        }
        try {
            return schema.appliedVersion()
                    .map(version -> response.up().withData("schema_version", version).build())
                    .orElseGet(() -> response.down().withData("reason", "no migration recorded").build());
        } catch (DatabaseUnavailableException e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
