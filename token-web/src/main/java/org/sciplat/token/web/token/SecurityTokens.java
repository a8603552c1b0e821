package org.sciplat.token.web.token;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIData;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AjaxBehaviorEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sciplat.token.core.history.InactiveTokens;
import org.sciplat.token.core.history.TokenChangeEntry;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.web.login.CurrentUser;

/**
 * The Security Tokens page: the signed-in user's tokens, one section per type, each revocable. The user tokens can
 * be searched by name, description or key; the one created last is listed first, marked new, once.
 */
@Named
@ViewScoped
public class SecurityTokens implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The user tokens' table, beside the search field in the page's form. */
    private static final String USER_TABLE = "user";

    @Inject
    Tokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    InactiveTokens inactive;

    @Inject
    IssuedToken issued;

    private Map<TokenType, List<TokenInfo>> byType;
    private List<TokenChangeEntry> ended;
    private String newKey;
    private String search;
    private List<TokenInfo> found;

    @PostConstruct
    void open() {
        newKey = issued.takeLatestKey().orElse(null);
        load();
    }

    private void load() {
        byType = tokens.list(currentUser.token(), currentUser.getUsername()).stream()
                .collect(Collectors.groupingBy(TokenInfo::type, () -> new EnumMap<>(TokenType.class),
                        Collectors.toList()));
        ended = inactive.of(currentUser.token(), currentUser.getUsername()).stream()
                .filter(change -> change.type() == TokenType.USER)
                .toList();
        find();
    }

    /** The user tokens the search finds, the new one first; a list of its own, which the table sorts in place. */
    private void find() {
        String text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        found = new ArrayList<>();
        for (TokenInfo token : of(TokenType.USER.name())) {
            if (text.isEmpty() || Stream.of(token.name(), token.description(), token.key())
                    .anyMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(text))) {
                found.add(token);
            }
        }
        found.sort(Comparator.comparing(token -> !isNew(token)));
    }

    public List<TokenInfo> getUserTokens() {
        return found;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
        find();
    }

    /** A new search shows its first page: the page the table was on may be past the end of what it found. */
    public void searched(AjaxBehaviorEvent event) {
        if (event.getComponent().findComponent(USER_TABLE) instanceof UIData table) {
            table.setFirst(0);
        }
    }

    /** The key of the token the user has just created; null if none. */
    public String getNewKey() {
        return newKey;
    }

    /** Whether this is the token the user has just created, which the list marks. */
    public boolean isNew(TokenInfo token) {
        return token.key().equals(newKey);
    }

    /** The token the user has just created, if it is still there. */
    public Optional<TokenInfo> findNew() {
        return of(TokenType.USER.name()).stream().filter(this::isNew).findFirst();
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
