package org.sciplat.tap.service.upload;

/** A table an asynchronous job uploaded, kept with the job until it runs: its TAP_UPLOAD name and its VOTable. */
public record StoredUpload(String name, byte[] votable) {
}
