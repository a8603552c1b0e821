/** The TAP service behind the gateway: sync and async queries, VOSI, ADQL, the catalogue and its demo archive. */
package org.sciplat.tap.service;
