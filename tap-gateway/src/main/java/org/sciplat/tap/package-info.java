/** What the TAP gateway and the TAP service behind it share: the mode, plain-text answers, the URL clients reached. */
package org.sciplat.tap;
