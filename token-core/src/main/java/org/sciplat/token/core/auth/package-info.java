/** Who is calling, decided once for every entry point: a sealed result, its metric and its challenge. */
package org.sciplat.token.core.auth;
