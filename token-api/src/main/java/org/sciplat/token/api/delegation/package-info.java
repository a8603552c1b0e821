/** Tokens a login session hands on: the notebook token and internal tokens for services. */
package org.sciplat.token.api.delegation;
