/** What the server instances sharing one database agree on: which of them does a piece of shared work. */
package org.sciplat.token.core.cluster;
