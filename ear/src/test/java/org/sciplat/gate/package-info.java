/** The platform's gate behind Debian's nginx: the repository's configuration, a service of the tests' own behind it. */
package org.sciplat.gate;
