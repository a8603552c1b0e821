package org.sciplat.token.web.token;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.sciplat.token.core.InvalidScopesException;
import org.sciplat.token.core.scope.Scope;
import org.sciplat.token.core.scope.ScopeCatalogue;
import org.sciplat.token.core.token.LifetimePolicy;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.web.login.CurrentUser;

/** The Create Token dialog: a user token for the signed-in user, with at most their own scopes. */
@Named
@ViewScoped
public class TokenCreation implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String NO_SCOPE = "Choose at least one scope: a token without any can only say whose it is.";

    @Inject
    Tokens tokens;

    @Inject
    ScopeCatalogue catalogue;

    @Inject
    CurrentUser currentUser;

    @Inject
    IssuedToken issued;

    @Inject
    LifetimePolicy lifetimePolicy;

    private final TokenRequest request = new TokenRequest();

    public TokenRequest getRequest() {
        return request;
    }

    /** The scopes the user holds, so the form never offers one that token-core would refuse. */
    public List<Scope> getOfferedScopes() {
        VerifiedToken me = currentUser.token();
        return catalogue.all().stream().filter(scope -> me.hasScope(scope.name())).toList();
    }

    /** Tells at once, before the form is sent, that the name is taken. */
    public void validateName(FacesContext context, UIComponent component, Object value) {
        VerifiedToken me = currentUser.token();
        if (value instanceof String name && !tokens.isNameAvailable(me, me.username(), name)) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "You already have a token named \"" + name + "\"", null));
        }
    }

    /**
     * Creates the token and shows it once. A token without scopes is refused here, though the API allows it (as
     * Gafaelfawr does, for scripts that only ask who they are): from this form it is nearly always a box left
     * unticked, and the page after it would explain how to use a token that TOPCAT and the TAP service refuse.
     */
    public String create() {
        if (request.getScopes().isEmpty()) {
            throw new InvalidScopesException(NO_SCOPE);
        }
        VerifiedToken me = currentUser.token();
        issued.hold(tokens.createUserToken(me, me.username(), request.getName(), request.getDescription(),
                request.getScopes(), request.expires(), currentUser.ipAddress()));
        return "/tokens/created?faces-redirect=true";
    }

    /** The operator's lifetime rules, said in the create dialog before a refusal would say them. */
    public List<String> getLifetimeRules() {
        return lifetimePolicy.rules();
    }
}
