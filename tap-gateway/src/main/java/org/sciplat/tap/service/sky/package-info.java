/** Positions on the sky as cells of a fixed grid, so that a database index can find the rows near a shape. */
package org.sciplat.tap.service.sky;
