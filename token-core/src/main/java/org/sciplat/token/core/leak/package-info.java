/** Leaked tokens: the public report that revokes them, its throttle, and the owner's notice. */
package org.sciplat.token.core.leak;
