/** Token change history: who created, edited, revoked or expired which token, when and from where. */
package org.sciplat.token.core.history;
