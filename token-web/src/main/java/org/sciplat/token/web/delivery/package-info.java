/** How pages and their style sheets, scripts and fonts reach a browser: early, compressed once, served from memory. */
package org.sciplat.token.web.delivery;
