/** What token owners are told by email: a leaked token revoked (and, later, an expiry ahead). */
package org.sciplat.token.core.notice;
