/** Tests of the notebook side: delegated tokens, the lab-side program and the token-info notebook. */
package org.sciplat.notebook;
