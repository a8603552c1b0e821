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

    public void hold(NewToken token) {
        waiting = token;
    }

    public Optional<NewToken> take() {
        Optional<NewToken> token = Optional.ofNullable(waiting);
        waiting = null;
        return token;
    }
}
