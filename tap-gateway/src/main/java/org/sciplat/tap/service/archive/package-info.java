/** What the TAP service publishes: one archive, chosen by configuration (the demo, or schemas an operator names). */
package org.sciplat.tap.service.archive;
