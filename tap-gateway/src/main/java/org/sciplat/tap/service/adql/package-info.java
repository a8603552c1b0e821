/** ADQL 2.0: parsed, checked against an allow-list of syntax, functions and published tables, and written as SQL. */
package org.sciplat.tap.service.adql;
