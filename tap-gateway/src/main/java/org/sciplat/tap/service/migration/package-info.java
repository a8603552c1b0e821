/** The TAP service's own tables (TAP_SCHEMA, UWS jobs): their Flyway migrations, with a history of their own. */
package org.sciplat.tap.service.migration;
