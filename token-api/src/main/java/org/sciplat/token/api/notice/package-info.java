/** Notices the API adds to its answers: the Warning header of a token about to expire. */
package org.sciplat.token.api.notice;
