/** Finding a user for an administrator: names by their beginning, and whether a name is anyone's. */
package org.sciplat.token.core.lookup;
