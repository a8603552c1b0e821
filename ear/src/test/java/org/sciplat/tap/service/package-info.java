/** The embedded TAP service over HTTP: hostile ADQL, asynchronous jobs and their owners. */
package org.sciplat.tap.service;
