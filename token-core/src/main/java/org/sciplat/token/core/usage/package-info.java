/** Where a token was used: the last few client addresses and services, collected in memory and stored coalesced. */
package org.sciplat.token.core.usage;
