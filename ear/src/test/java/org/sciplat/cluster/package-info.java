/** Two servers on one PostgreSQL database, as behind a load balancer: what one does, the other knows. */
package org.sciplat.cluster;
