package org.sciplat.token.api.delegation;

import java.util.List;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.token.NewToken;

/** A delegated token and what it is: the token itself, its key, type, scopes, service and lifetime. */
public record DelegatedTokenJson(String token, String key, String tokenType, List<String> scopes, String service,
        Long created, Long expires) {

    static DelegatedTokenJson of(NewToken delegated) {
        return new DelegatedTokenJson(delegated.credential().reveal(), delegated.info().key(),
                delegated.info().type().wireName(), List.copyOf(delegated.info().scopes()), delegated.info().service(),
                Epoch.of(delegated.info().created()), Epoch.of(delegated.info().expires()));
    }
}
