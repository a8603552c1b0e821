package org.sciplat.token.core.websession;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import org.sciplat.token.core.token.UtcTime;

/** How a browser signed in: the session token it holds, its User-Agent, its address and when. */
@Entity
@Table(name = "web_session")
public class WebLogin {

    /** The column's width: a longer User-Agent is cut, not refused, since the login itself is fine. */
    static final int USER_AGENT_LENGTH = 512;
    private static final int ADDRESS_LENGTH = 45;

    @Id
    @Column(name = "token_key")
    private String tokenKey;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "client_address", nullable = false)
    private String clientAddress;

    @Column(name = "signed_in", nullable = false)
    private LocalDateTime signedIn;

    protected WebLogin() {
        // for JPA
    }

    WebLogin(String tokenKey, String userAgent, String clientAddress, Instant signedIn) {
        this.tokenKey = Objects.requireNonNull(tokenKey);
        this.userAgent = userAgent == null || userAgent.length() <= USER_AGENT_LENGTH
                ? userAgent : userAgent.substring(0, USER_AGENT_LENGTH);
        Objects.requireNonNull(clientAddress);
        if (clientAddress.length() > ADDRESS_LENGTH) {
            throw new IllegalArgumentException("not an IP address: too long");
        }
        this.clientAddress = clientAddress;
        this.signedIn = UtcTime.toColumn(Objects.requireNonNull(signedIn));
    }

    public String tokenKey() {
        return tokenKey;
    }

    public String userAgent() {
        return userAgent;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Instant signedIn() {
        return UtcTime.fromColumn(signedIn);
    }
}
