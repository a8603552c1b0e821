/** Tests of the server as an operator sees it: health, the admin console, data that survives a restart. */
package org.sciplat.server;
