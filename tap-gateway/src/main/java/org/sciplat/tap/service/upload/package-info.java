/** TAP_UPLOAD: the VOTables a query brings, held in tables of their own for that query only. */
package org.sciplat.tap.service.upload;
