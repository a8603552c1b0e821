/** Who the caller is: the calling token and its user. */
package org.sciplat.token.api.user;
