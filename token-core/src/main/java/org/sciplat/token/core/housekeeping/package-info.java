/** The periodic clean-up that one instance of a cluster does for all: expired tokens out, old history dropped. */
package org.sciplat.token.core.housekeeping;
