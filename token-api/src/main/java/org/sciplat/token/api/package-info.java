/** The JSON API under {@code /auth/api/v1}: thin JAX-RS resources that translate HTTP to token-core and back. */
package org.sciplat.token.api;
