/** Running a TAP query: its parameters, its limits, and its result written as VOTable, CSV or TSV. */
package org.sciplat.tap.service.query;
