/** A user's signed-in web sessions: which browser, from where, since when, and signing them out. */
package org.sciplat.token.core.websession;
