package org.sciplat.tap.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.sciplat.token.core.auth.Authentications;
import org.sciplat.token.core.auth.Authentications.Where;

/** The TAP gateway as a way in, counted apart from the others: its series exist from the start, at 0. */
@ApplicationScoped
public class TapGate {

    static final Where WHERE = Where.bearer("tap");

    @Inject
    Authentications authentications;

    void created(@Observes @Initialized(ApplicationScoped.class) Object start) {
        authentications.register(WHERE);
    }
}
