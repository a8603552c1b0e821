/** Logging in through an OpenID Connect provider: its settings, the authorization code flow, the ID token's checks. */
package org.sciplat.token.core.oidc;
