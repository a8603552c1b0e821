-- The demo table: AllWISE multi-epoch photometry (IRSA's allwise_p3as_mep, with decl for dec as in Qserv).
-- The demo archive creates it when it is the archive (sciplat.tap.archive=demo), and fills it with a deterministic
-- synthetic sample on first start. SQL that both H2 2.x and PostgreSQL accept; what exists is left alone, as
-- token-core's migrations created it on databases set up before the TAP service had migrations of its own.
CREATE SCHEMA IF NOT EXISTS wise_00;

CREATE TABLE IF NOT EXISTS wise_00.allwise_p3as_mep (
    cntr_mf      BIGINT           NOT NULL,
    source_id_mf VARCHAR(25)      NOT NULL,
    ra           DOUBLE PRECISION NOT NULL,
    decl         DOUBLE PRECISION NOT NULL,
    nb           INTEGER,
    na           INTEGER,
    cc_flags     VARCHAR(4),
    cntr         BIGINT           NOT NULL PRIMARY KEY,
    frame_id     VARCHAR(10),
    mjd          DOUBLE PRECISION NOT NULL,
    w1mpro_ep    REAL,
    w1sigmpro_ep REAL,
    w1rchi2_ep   REAL,
    w2mpro_ep    REAL,
    w2sigmpro_ep REAL,
    w2rchi2_ep   REAL,
    w3mpro_ep    REAL,
    w3sigmpro_ep REAL,
    w3rchi2_ep   REAL,
    w4mpro_ep    REAL,
    w4sigmpro_ep REAL,
    w4rchi2_ep   REAL,
    w1flux_ep    REAL,
    w1sigflux_ep REAL,
    w2flux_ep    REAL,
    w2sigflux_ep REAL,
    qi_fact      REAL,
    saa_sep      INTEGER,
    moon_masked  VARCHAR(4),
    sky_cell     INTEGER
);

-- Tables created before the sky index get its column here; the demo archive reloads a table whose rows lack it.
ALTER TABLE wise_00.allwise_p3as_mep ADD COLUMN IF NOT EXISTS sky_cell INTEGER;

-- The spatial index: each row's sky cell (SkyCells), so that a cone, box or polygon of numbers reads only the rows
-- of the cells covering it. Other shapes (a cross-match's circles around another table's rows) become a
-- declination band plus an exact distance test, which reads the band from the declination index.
CREATE INDEX IF NOT EXISTS allwise_p3as_mep_cell ON wise_00.allwise_p3as_mep (sky_cell);
CREATE INDEX IF NOT EXISTS allwise_p3as_mep_decl ON wise_00.allwise_p3as_mep (decl);
CREATE INDEX IF NOT EXISTS allwise_p3as_mep_source ON wise_00.allwise_p3as_mep (source_id_mf);
