/** Per-user quota overrides and their history, for admins. */
package org.sciplat.token.api.quota;
