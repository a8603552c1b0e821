/** Users' groups, names and POSIX ids from an LDAP directory, looked up at login and cached briefly. */
package org.sciplat.token.core.ldap;
