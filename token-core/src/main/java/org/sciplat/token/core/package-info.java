/** The token domain, free of web code; its failures are the {@link org.sciplat.token.core.TokenServiceException} family. */
package org.sciplat.token.core;
