/** The IVOA VOSI endpoints that clients read before they authenticate. */
package org.sciplat.tap.service.vosi;
