/** Synchronous TAP queries: the result in the response to the request that asked for it. */
package org.sciplat.tap.service.sync;
