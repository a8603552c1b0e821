/** The built-in user directory: who may log in, with which password and in which groups. */
package org.sciplat.token.core.user;
