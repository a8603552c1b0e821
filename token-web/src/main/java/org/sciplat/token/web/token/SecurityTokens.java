package org.sciplat.token.web.token;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sciplat.token.core.history.InactiveTokens;
import org.sciplat.token.core.history.TokenChangeEntry;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.web.login.CurrentUser;

/** The Security Tokens page: the signed-in user's tokens, one section per type, each revocable. */
@Named
@ViewScoped
public class SecurityTokens implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    InactiveTokens inactive;

    private Map<TokenType, List<TokenInfo>> byType;
    private List<TokenChangeEntry> ended;

    @PostConstruct
    void load() {
        byType = tokens.list(currentUser.token(), currentUser.getUsername()).stream()
                .collect(Collectors.groupingBy(TokenInfo::type, () -> new EnumMap<>(TokenType.class),
                        Collectors.toList()));
        ended = inactive.of(currentUser.token(), currentUser.getUsername()).stream()
                .filter(change -> change.type() == TokenType.USER)
                .toList();
    }

    /** The user tokens that ended lately (sciplat.tokens.inactive-shown), latest first, as the change that did it. */
    public List<TokenChangeEntry> getEnded() {
        return ended;
    }

    /** Why a token ended, in words. */
    public String why(TokenChangeEntry change) {
        return switch (change.action()) {
            case LEAKED -> "Reported leaked";
            case EXPIRE -> "Expired";
            default -> "Revoked by " + change.actor();
        };
    }

    /** The tokens of one type ({@code USER}, {@code SESSION}, ...), most recently used first. */
    public List<TokenInfo> of(String type) {
        return byType.getOrDefault(TokenType.valueOf(type), List.of());
    }

    public void revoke(TokenInfo token) {
        tokens.revoke(currentUser.token(), token.username(), token.key(), currentUser.ipAddress());
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Token revoked",
                "Anything still using " + Labels.of(token) + " is refused from now on."));
        load();
    }
}
