/** What this service is and which schema version it runs on. */
package org.sciplat.token.api.metadata;
