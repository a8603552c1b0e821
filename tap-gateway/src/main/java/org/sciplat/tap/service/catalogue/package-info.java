/** What the TAP service publishes: its tables and columns, the single source of TAP_SCHEMA, /tables and ADQL names. */
package org.sciplat.tap.service.catalogue;
