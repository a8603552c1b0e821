/** The Faces web UI: thin backing beans over token-core. */
package org.sciplat.token.web;
