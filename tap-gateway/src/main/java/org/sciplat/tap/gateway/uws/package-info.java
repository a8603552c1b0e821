/** Asynchronous TAP queries as UWS 1.1 jobs: created, run, waited on, read and deleted by their owner only. */
package org.sciplat.tap.gateway.uws;
