/** Throughput benchmarks against the assembled EAR on a real server, run only by {@code mvn verify -Pbenchmark}. */
package org.sciplat.bench;
