/** The pages' addresses without ".xhtml": /tokens, /tokens/{key}, /history, /sessions, /admin/tokens... */
package org.sciplat.token.web.address;
