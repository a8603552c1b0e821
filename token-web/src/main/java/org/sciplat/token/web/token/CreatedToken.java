package org.sciplat.token.web.token;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.TokenInfo;

/** The one-time display of a new token: it holds the token for this view only, taken from {@link IssuedToken}. */
@Named
@ViewScoped
public class CreatedToken implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IssuedToken issued;

    private transient NewToken token;
    private boolean copied;

    @PostConstruct
    void take() {
        token = issued.take().orElse(null);
    }

    public boolean isShown() {
        return token != null;
    }

    public String getToken() {
        return token.credential().reveal();
    }

    public TokenInfo getInfo() {
        return token.info();
    }

    public void copied() {
        copied = true;
    }

    /** Said to screen readers too, since the button itself does not change. */
    public String getCopiedText() {
        return copied ? "Copied to the clipboard." : "";
    }
}
