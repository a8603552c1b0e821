package org.sciplat.tap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which TAP service answers at /api/tap: this application's own (embedded) or one elsewhere behind the gateway
 * (sciplat.tap.mode=proxy). The gateway forwards by it and the service leaves its archive unloaded by it, so it sits
 * beside both and neither depends on the other.
 */
@ApplicationScoped
public class TapMode {

    @Inject
    @ConfigProperty(name = "sciplat.tap.mode", defaultValue = "embedded")
    String mode;

    private boolean proxy;

    @PostConstruct
    void read() {
        proxy = switch (mode) {
            case "embedded" -> false;
            case "proxy" -> true;
            default -> throw new IllegalStateException("sciplat.tap.mode is embedded or proxy, not " + mode);
        };
    }

    public boolean isProxy() {
        return proxy;
    }
}
