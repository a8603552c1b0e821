/** Support for the integration tests that run against the assembled EAR on a real Open Liberty. */
package org.sciplat.it;
