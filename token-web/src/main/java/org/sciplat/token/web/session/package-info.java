/** The user's signed-in web sessions page. */
package org.sciplat.token.web.session;
