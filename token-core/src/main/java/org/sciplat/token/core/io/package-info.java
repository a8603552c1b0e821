/** Streams of bytes read within a limit, for request bodies and uploads of any module. */
package org.sciplat.token.core.io;
