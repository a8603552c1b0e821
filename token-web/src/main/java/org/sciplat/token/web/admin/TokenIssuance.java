package org.sciplat.token.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.sciplat.token.core.scope.Scope;
import org.sciplat.token.core.scope.ScopeCatalogue;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.web.login.CurrentUser;
import org.sciplat.token.web.token.IssuedToken;
import org.sciplat.token.web.token.TokenRequest;

/**
 * An administrator makes a token for someone else: a named user token for any user, or a service token (no name)
 * for a {@code bot-} account, with any scopes the platform knows.
 */
@Named
@ViewScoped
public class TokenIssuance implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Inject
    ScopeCatalogue catalogue;

    @Inject
    CurrentUser currentUser;

    @Inject
    IssuedToken issued;

    private final TokenRequest request = new TokenRequest();
    private String username;
    private TokenType type = TokenType.USER;

    public List<Scope> getOfferedScopes() {
        return catalogue.all();
    }

    public TokenType[] getTypes() {
        return new TokenType[] {TokenType.USER, TokenType.SERVICE};
    }

    public boolean isService() {
        return type == TokenType.SERVICE;
    }

    /** A duplicate name can only be told once the user is known; it is checked again at creation either way. */
    public void validateName(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String name && username != null
                && !tokens.isNameAvailable(currentUser.token(), username, name)) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    username + " already has a token named \"" + name + "\"", null));
        }
    }

    public String create() {
        issued.hold(tokens.createForUser(currentUser.token(), username, type, isService() ? null : request.getName(),
                request.getDescription(), request.getScopes(), request.expires(), currentUser.ipAddress()));
        return "/tokens/created?faces-redirect=true";
    }

    public TokenRequest getRequest() {
        return request;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public TokenType getType() {
        return type;
    }

    public void setType(TokenType type) {
        this.type = type;
    }
}
