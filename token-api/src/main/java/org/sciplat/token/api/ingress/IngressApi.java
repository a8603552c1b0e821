package org.sciplat.token.api.ingress;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Mounted at {@code /auth/ingress}: the anchor token service's {@code /ingress/auth}, which an NGINX
 * {@code auth_request} (or any proxy) calls for every request to a service it protects.
 */
@ApplicationPath("/ingress")
public class IngressApi extends Application {
}
