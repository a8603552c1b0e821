/** Token change history, the user's own and, for administrators, everyone's, with filters. */
package org.sciplat.token.web.history;
