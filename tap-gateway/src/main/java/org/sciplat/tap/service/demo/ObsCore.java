package org.sciplat.tap.service.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapSchema;
import org.sciplat.tap.service.catalogue.TapTable;

/**
 * ivoa.obscore, as created and as published: the mandatory columns of ObsCore 1.1 (IVOA Recommendation 2017-05-09,
 * table 5) with their standard types, units, UCDs and utypes, over the demo archive's image collection.
 */
public final class ObsCore {

    public static final TapSchema SCHEMA = new TapSchema("ivoa", "IVOA standard data models");

    public static final TapTable TABLE = new TapTable(SCHEMA.name(), "obscore",
            "ObsCore 1.1: the demo archive's WISE images (synthetic): single exposures over the demo cone in both"
                    + " visits, the Atlas tile holding it, and single exposures over the whole sky, when and where"
                    + " the demo table's sources were observed. No pixels are served: access_url is null.",
            List.of(
                    text("dataproduct_type", "ObsDataset.dataProductType", "meta.code.class",
                            "Data product type: image"),
                    TapColumn.of("calib_level", "int").withUtype(utype("ObsDataset.calibLevel"))
                            .withUcd("meta.code;obs.calib").asNotNull().asPrincipal()
                            .described("Calibration level: 2 a calibrated single exposure, 3 a coadded Atlas image"),
                    text("obs_collection", "DataID.Collection", "meta.id", "Name of the data collection")
                            .asNotNull(),
                    text("obs_id", "DataID.observationID", "meta.id", "Observation identifier: scan and frame, or"
                            + " Atlas tile").asNotNull(),
                    text("obs_publisher_did", "Curation.PublisherDID", "meta.ref.ivoid",
                            "Dataset identifier given by the publisher").asNotNull().asIndexed(),
                    text("access_url", "Access.Reference", "meta.ref.url", "URL of the data file (none: synthetic)"),
                    text("access_format", "Access.Format", "meta.code.mime", "Format of the data file"),
                    number("access_estsize", "long", "Access.Size", "phys.size;meta.file", "kbyte",
                            "Estimated size of the data file"),
                    text("target_name", "Target.Name", "meta.id;src", "Name of the observed field, if any"),
                    number("s_ra", "double", "Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1",
                            "pos.eq.ra", "deg", "Right ascension (ICRS) of the image centre").asPrincipal(),
                    number("s_dec", "double", "Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2",
                            "pos.eq.dec", "deg", "Declination (ICRS) of the image centre").asPrincipal().asIndexed(),
                    number("s_fov", "double", "Char.SpatialAxis.Coverage.Bounds.Extent.diameter",
                            "phys.angSize;instr.fov", "deg", "Diameter of the circle covering the image"),
                    text("s_region", "Char.SpatialAxis.Coverage.Support.Area", "pos.outline;obs.field",
                            "Footprint of the image as an STC-S polygon (ICRS)").withXtype("adql:REGION"),
                    number("s_resolution", "double", "Char.SpatialAxis.Resolution.Refval.value", "pos.angResolution",
                            "arcsec", "Angular resolution: the band's PSF FWHM"),
                    number("s_xel1", "long", "Char.SpatialAxis.numBins1", "meta.number", null,
                            "Pixels along the first axis"),
                    number("s_xel2", "long", "Char.SpatialAxis.numBins2", "meta.number", null,
                            "Pixels along the second axis"),
                    number("t_min", "double", "Char.TimeAxis.Coverage.Bounds.Limits.StartTime",
                            "time.start;obs.exposure", "d", "Start of the exposure (MJD)").asPrincipal().asIndexed(),
                    number("t_max", "double", "Char.TimeAxis.Coverage.Bounds.Limits.StopTime",
                            "time.end;obs.exposure", "d", "End of the exposure (MJD)"),
                    number("t_exptime", "double", "Char.TimeAxis.Coverage.Support.Extent",
                            "time.duration;obs.exposure", "s", "Total exposure time"),
                    number("t_resolution", "double", "Char.TimeAxis.Resolution.Refval.value", "time.resolution", "s",
                            "Temporal resolution"),
                    number("t_xel", "long", "Char.TimeAxis.numBins", "meta.number", null, "Samples along time"),
                    number("em_min", "double", "Char.SpectralAxis.Coverage.Bounds.Limits.LoLimit", "em.wl;stat.min",
                            "m", "Shortest wavelength of the band").asPrincipal(),
                    number("em_max", "double", "Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit", "em.wl;stat.max",
                            "m", "Longest wavelength of the band").asPrincipal(),
                    number("em_res_power", "double", "Char.SpectralAxis.Resolution.ResolPower.refVal",
                            "spect.resolution", null, "Spectral resolving power: the band's wavelength over its width"),
                    number("em_xel", "long", "Char.SpectralAxis.numBins", "meta.number", null,
                            "Samples along the spectral axis"),
                    text("o_ucd", "Char.ObservableAxis.ucd", "meta.ucd", "UCD of the pixel values"),
                    text("pol_states", "Char.PolarizationAxis.stateList", "meta.code;phys.polarization",
                            "Polarization states (none)"),
                    number("pol_xel", "long", "Char.PolarizationAxis.numBins", "meta.number", null,
                            "Polarization samples (none)"),
                    text("facility_name", "Provenance.ObsConfig.Facility.name", "meta.id;instr.tel",
                            "Name of the facility"),
                    text("instrument_name", "Provenance.ObsConfig.Instrument.name", "meta.id;instr",
                            "Name of the instrument")),
            List.of());

    /** Its columns and indexes, in SQL that H2 and PostgreSQL both run. */
    private static final String DDL = "ivoa_obscore.sql";

    private ObsCore() {
    }

    /** Creates the table, unless it is there already. */
    public static void createIn(Connection connection) throws SQLException {
        SqlScript.run(connection, DDL);
    }

    private static String utype(String name) {
        return "obscore:" + name;
    }

    private static TapColumn text(String name, String utype, String ucd, String description) {
        return TapColumn.of(name, "char").withArraysize("*").withUtype(utype(utype)).withUcd(ucd)
                .described(description);
    }

    private static TapColumn number(String name, String datatype, String utype, String ucd, String unit,
            String description) {
        return TapColumn.of(name, datatype).withUtype(utype(utype)).withUcd(ucd).withUnit(unit)
                .described(description);
    }
}
