/** The change history routes, with the anchor's filters and cursor pagination. */
package org.sciplat.token.api.history;
