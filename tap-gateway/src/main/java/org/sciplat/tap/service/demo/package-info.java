/** The demo archive: a synthetic AllWISE multi-epoch photometry table, generated the same way on every machine. */
package org.sciplat.tap.service.demo;
