/** Token change history: its rules (TokenHistory), its store (HistoryStore, every query) and its values; reads token. */
package org.sciplat.token.core.history;
