package org.sciplat.token.web.token;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Optional;
import org.sciplat.token.core.token.NewToken;

/**
 * A token just created, waiting for the one page that shows it. That page takes it out, so that a reload, the
 * back button or a second tab finds nothing: the secret exists nowhere else.
 */
@SessionScoped
public class IssuedToken implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Never written out with the session. */
    private transient NewToken waiting;

    /** The key of the token created last in this session, which the token list marks as new once. */
    private String latestKey;

    public void hold(NewToken token) {
        waiting = token;
        latestKey = token.info().key();
    }

    /** The key of the token created last, once: the list that marks it takes it. */
    public Optional<String> takeLatestKey() {
        Optional<String> key = Optional.ofNullable(latestKey);
        latestKey = null;
        return key;
    }

    public Optional<NewToken> take() {
        Optional<NewToken> token = Optional.ofNullable(waiting);
        waiting = null;
        return token;
    }
}
