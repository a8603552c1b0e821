package org.sciplat.tap.service.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.sciplat.tap.service.catalogue.SkyIndex;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapSchema;
import org.sciplat.tap.service.catalogue.TapTable;

/**
 * wise_00.allwise_p3as_mep, as created and as published: IRSA's columns, units and UCDs, with decl for the
 * declination, and an unpublished, indexed sky cell of each row's position.
 */
public final class AllWiseMep {

    public static final TapSchema SCHEMA = new TapSchema("wise_00", "WISE data products: the AllWISE data release");

    public static final TapTable TABLE = new TapTable(SCHEMA.name(), "allwise_p3as_mep",
            "AllWISE Multiepoch Photometry Table: time-tagged W1-W4 profile-fit photometry of AllWISE sources on"
                    + " each single-exposure image (synthetic demo sample)",
            List.of(
                    id("cntr_mf", "long", "meta.id", "Unique identification number of the AllWISE source"),
                    text("source_id_mf", "*", "meta.id;meta.main", "Unique source ID of the AllWISE source")
                            .asNotNull().asIndexed().asPrincipal(),
                    position("ra", "pos.eq.ra;meta.main", "Right ascension (ICRS) of the AllWISE source"),
                    position("decl", "pos.eq.dec;meta.main", "Declination (ICRS) of the AllWISE source")
                            .asIndexed(),
                    TapColumn.of("nb", "int").withUcd("meta.number")
                            .described("Number of PSF components used simultaneously in the profile fit"),
                    TapColumn.of("na", "int").withUcd("meta.code")
                            .described("Active deblending flag (1 if the source was actively deblended)"),
                    text("cc_flags", "4", "meta.code", "Contamination and confusion flags, one per band W1-W4"),
                    id("cntr", "long", "meta.id", "Unique identification number of this epoch measurement"),
                    text("frame_id", "*", "meta.id;obs.image", "Scan and frame of the single-exposure image"),
                    TapColumn.of("mjd", "double").withUnit("d").withUcd("time.epoch").asNotNull().asPrincipal()
                            .described("Modified Julian Date of the mid-point of the exposure"),
                    magnitude(1, "em.IR.3-4um").asPrincipal(), error(1), chi2(1),
                    magnitude(2, "em.IR.4-8um").asPrincipal(), error(2), chi2(2),
                    magnitude(3, "em.IR.8-15um").asPrincipal(), error(3), chi2(3),
                    magnitude(4, "em.IR.15-30um"), error(4), chi2(4),
                    flux(1, "em.IR.3-4um"), fluxError(1),
                    flux(2, "em.IR.4-8um"), fluxError(2),
                    TapColumn.of("qi_fact", "float").withUcd("meta.code.qual")
                            .described("Frame image quality score: 0, 0.5 or 1 (best)"),
                    TapColumn.of("saa_sep", "int").withUnit("deg").withUcd("pos.angDistance")
                            .described("Distance from the South Atlantic Anomaly boundary"),
                    text("moon_masked", "4", "meta.code", "Flags for frames within the moon-masked region, W1-W4")),
            List.of(), new SkyIndex("ra", "decl", "sky_cell"));

    /** Its columns, indexes and keys, in SQL that H2 and PostgreSQL both run. */
    private static final String DDL = "allwise_p3as_mep.sql";

    private AllWiseMep() {
    }

    /** Creates the table, unless it is there already. */
    public static void createIn(Connection connection) throws SQLException {
        SqlScript.run(connection, DDL);
    }

    private static TapColumn id(String name, String datatype, String ucd, String description) {
        return TapColumn.of(name, datatype).withUcd(ucd).described(description).asNotNull();
    }

    private static TapColumn text(String name, String arraysize, String ucd, String description) {
        return TapColumn.of(name, "char").withArraysize(arraysize).withUcd(ucd).described(description);
    }

    private static TapColumn position(String name, String ucd, String description) {
        return TapColumn.of(name, "double").withUnit("deg").withUcd(ucd).described(description).asNotNull()
                .asPrincipal();
    }

    private static TapColumn magnitude(int band, String ucdBand) {
        return TapColumn.of("w" + band + "mpro_ep", "float").withUnit("mag").withUcd("phot.mag;" + ucdBand)
                .described("W" + band + " single-exposure profile-fit magnitude");
    }

    private static TapColumn error(int band) {
        return TapColumn.of("w" + band + "sigmpro_ep", "float").withUnit("mag").withUcd("stat.error;phot.mag")
                .described("W" + band + " single-exposure profile-fit magnitude uncertainty");
    }

    private static TapColumn chi2(int band) {
        return TapColumn.of("w" + band + "rchi2_ep", "float").withUcd("stat.fit.chi2")
                .described("W" + band + " reduced chi-squared of the single-exposure profile fit");
    }

    private static TapColumn flux(int band, String ucdBand) {
        return TapColumn.of("w" + band + "flux_ep", "float").withUnit("DN").withUcd("phot.flux;" + ucdBand)
                .described("W" + band + " single-exposure profile-fit flux");
    }

    private static TapColumn fluxError(int band) {
        return TapColumn.of("w" + band + "sigflux_ep", "float").withUnit("DN").withUcd("stat.error;phot.flux")
                .described("W" + band + " single-exposure profile-fit flux uncertainty");
    }
}
