/** What every response carries to keep the browser safe: framing, sniffing, referrer and caching rules. */
package org.sciplat.token.web.security;
