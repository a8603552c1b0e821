/** Per-user API quotas of the services behind the gate: requests per minute, granted by group, counted cluster-wide. */
package org.sciplat.token.core.quota;
