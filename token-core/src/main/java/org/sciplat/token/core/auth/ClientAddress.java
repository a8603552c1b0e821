package org.sciplat.token.core.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.history.IpAddress;

/**
 * The client's IP address for the history: the connection's peer, or, when that peer is a trusted reverse proxy
 * ({@code sciplat.trusted-proxies}), the right-most address in X-Forwarded-For that is not itself a trusted proxy.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "sciplat.trusted-proxies")
    Optional<List<String>> trustedProxies;

    public String of(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>(List.of(forwardedFor.split(",")));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).trim();
            if (IpAddress.hex(hop).isEmpty()) {
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** Whether this peer is a configured trusted proxy, the only one whose ingress checks may mint tokens. */
    public boolean isTrustedProxy(String peer) {
        return isTrusted(peer);
    }

    private boolean isTrusted(String address) {
        Optional<String> hex = IpAddress.hex(address);
        if (hex.isEmpty() || trustedProxies.isEmpty()) {
            return false;
        }
        BigInteger value = new BigInteger(hex.get(), 16);
        return trustedProxies.get().stream().map(String::trim).filter(s -> !s.isEmpty()).anyMatch(block -> {
            String[] range = IpAddress.range(block);
            return value.compareTo(new BigInteger(range[0], 16)) >= 0
                    && value.compareTo(new BigInteger(range[1], 16)) <= 0;
        });
    }
}
