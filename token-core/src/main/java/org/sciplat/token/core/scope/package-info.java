/** Scopes: what a token allows, and which groups of users may hold each, all from configuration. */
package org.sciplat.token.core.scope;
