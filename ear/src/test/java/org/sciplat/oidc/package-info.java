/** Tests of logging in through an OpenID Connect provider: a real Keycloak, against the server configured for it. */
package org.sciplat.oidc;
