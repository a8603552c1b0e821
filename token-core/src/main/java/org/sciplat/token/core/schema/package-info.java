/** The database schema: Flyway migrations applied at start-up, and what version is live. */
package org.sciplat.token.core.schema;
