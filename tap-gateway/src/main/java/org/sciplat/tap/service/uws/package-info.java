/**
 * Asynchronous TAP queries as UWS 1.1 jobs: created, run, waited on, read and deleted by their owner only. Jobs and
 * their results live in the database, so that every server on it sees the same ones; only the running of a job
 * belongs to one server.
 */
package org.sciplat.tap.service.uws;
