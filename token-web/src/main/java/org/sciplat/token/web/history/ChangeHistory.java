package org.sciplat.token.web.history;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.sciplat.token.core.history.HistoryPage;
import org.sciplat.token.core.history.HistoryQuery;
import org.sciplat.token.core.history.TokenChangeEntry;
import org.sciplat.token.core.history.TokenHistory;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.web.login.CurrentUser;

/**
 * The change history pages, newest first, a page at a time: the user's own, or (admin:token) everyone's, which
 * may also be filtered by user and by who made the change. Dates are whole days in UTC.
 */
@Named
@ViewScoped
public class ChangeHistory implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Inject
    TokenHistory history;

    @Inject
    CurrentUser currentUser;

    private boolean global;
    private LocalDate since;
    private LocalDate until;
    private TokenType type;
    private String key;
    private String ipAddress;
    private String username;
    private String actor;
    private String cursor;
    private HistoryPage page;

    public void loadOwn() {
        global = false;
        search();
    }

    public void loadAll() {
        global = true;
        search();
    }

    public void search() {
        cursor = null;
        fetch();
    }

    public void older() {
        cursor = page.next().orElse(null);
        fetch();
    }

    public void newer() {
        cursor = page.previous().orElse(null);
        fetch();
    }

    private void fetch() {
        VerifiedToken me = currentUser.token();
        Instant from = since == null ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = until == null ? null : until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        HistoryQuery query = new HistoryQuery(from, to, global ? username : null, global ? actor : null, key, type,
                ipAddress);
        page = global
                ? history.all(me, query, cursor, PAGE_SIZE)
                : history.ofUser(me, me.username(), query, cursor, PAGE_SIZE);
    }

    public List<TokenChangeEntry> getEntries() {
        return page == null ? List.of() : page.entries();
    }

    public long getTotal() {
        return page == null ? 0 : page.total();
    }

    public boolean isOlder() {
        return page != null && page.next().isPresent();
    }

    public boolean isNewer() {
        return page != null && page.previous().isPresent();
    }

    public boolean isGlobal() {
        return global;
    }

    public TokenType[] getTypes() {
        return TokenType.values();
    }

    public LocalDate getSince() {
        return since;
    }

    public void setSince(LocalDate since) {
        this.since = since;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public TokenType getType() {
        return type;
    }

    public void setType(TokenType type) {
        this.type = type;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }
}
