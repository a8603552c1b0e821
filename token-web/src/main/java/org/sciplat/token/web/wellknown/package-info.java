/** The server root's well-known resources, served by this module because it owns the context root {@code /}. */
package org.sciplat.token.web.wellknown;
