package org.sciplat.token.web.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Absolute URLs of the services, as the user's browser reached this server, ready to paste into a client. */
@Named
@RequestScoped
public class ServiceLinks {

    @Inject
    ExternalContext externalContext;

    public String getTapUrl() {
        return origin() + "/api/tap";
    }

    public String getApiUrl() {
        return origin() + "/auth/api/v1";
    }

    private String origin() {
        String scheme = externalContext.getRequestScheme();
        int port = externalContext.getRequestServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + externalContext.getRequestServerName() + (defaultPort ? "" : ":" + port);
    }
}
