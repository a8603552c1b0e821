package org.sciplat.tap.service.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sciplat.tap.service.demo.SyntheticSample;
import org.sciplat.tap.service.migration.TapDatabase;
import org.sciplat.tap.service.sky.SkyPoints;

/** ADQL translated and run on H2 with the service's own migrations, tables and demo sample. */
class AdqlTranslatorTest {

    private static final String CONE = "SELECT w1mpro_ep, w2mpro_ep, w3mpro_ep FROM wise_00.allwise_p3as_mep"
            + " WHERE CONTAINS(POINT('ICRS', ra, decl), CIRCLE('ICRS', 192.85, 27.13, .2)) = 1";
    private static final SyntheticSample SAMPLE = new SyntheticSample(30_000);

    private static DataSource database;
    private static AdqlTranslator translator;
    private static ExecutorService parsing;

    @BeforeAll
    static void migrateAndLoad() throws SQLException {
        database = TapDatabase.migrated("adql");
        parsing = Executors.newCachedThreadPool();
        translator = new AdqlTranslator(AdqlFixture.demo(database, SAMPLE), parsing);
    }

    @AfterAll
    static void stopParsing() {
        parsing.shutdownNow();
    }

    @Test
    void theDocumentedConeQueryReturnsExactlyTheRowsWithinItsRadius() throws SQLException {
        List<Long> expected = new ArrayList<>();
        SAMPLE.generate(e -> {
            if (SkyPoints.greatCircle(e.ra(), e.decl(), 192.85, 27.13) <= 0.2) {
                expected.add(e.cntr());
            }
        });
        TranslatedQuery query = translator.translate(CONE.replace("SELECT w1mpro_ep, w2mpro_ep, w3mpro_ep",
                "SELECT cntr"), Long.MAX_VALUE);
        Set<Long> found = new TreeSet<>();
        run(query.sql(), r -> found.add(r.getLong(1)));
        assertTrue(expected.size() > 1000, "the demo cone holds a few thousand rows: " + expected.size());
        assertEquals(new TreeSet<>(expected), found);
    }

    @Test
    void resultColumnsCarryTheirPublishedMetadata() {
        TranslatedQuery query = translator.translate(CONE, 100);
        assertEquals(List.of("w1mpro_ep", "w2mpro_ep", "w3mpro_ep"),
                query.columns().stream().map(OutputColumn::name).toList());
        assertEquals("mag", query.columns().get(0).published().unit());
        assertTrue(query.sql().endsWith("FETCH FIRST 101 ROWS ONLY"), query.sql());
    }

    @Test
    void topAndMaxrecTakeTheSmallerLimit() {
        assertTrue(translator.translate("SELECT TOP 5 ra FROM wise_00.allwise_p3as_mep", 100).sql()
                .endsWith("FETCH FIRST 5 ROWS ONLY"));
        assertTrue(translator.translate("SELECT TOP 500 ra FROM wise_00.allwise_p3as_mep", 100).sql()
                .endsWith("FETCH FIRST 101 ROWS ONLY"));
    }

    @Test
    void tapSchemaDescribesItselfAndTheDemoTable() throws SQLException {
        List<String> tables = new ArrayList<>();
        run(translator.translate("SELECT table_name FROM TAP_SCHEMA.tables ORDER BY table_name", 1000).sql(),
                r -> tables.add(r.getString(1)));
        assertEquals(List.of("tap_schema.columns", "tap_schema.key_columns", "tap_schema.keys",
                "tap_schema.schemas", "tap_schema.tables", "wise_00.allwise_p3as_mep"), tables);
        List<Integer> sizes = new ArrayList<>();
        run(translator.translate("SELECT \"size\", arraysize FROM TAP_SCHEMA.columns c WHERE c.column_name ="
                + " 'cc_flags'", 10).sql(), r -> sizes.add(r.getInt(1)));
        assertEquals(List.of(4), sizes);
    }

    @Test
    void topcatsKeyQueryWithNaturalJoinRuns() throws SQLException {
        List<String> keys = new ArrayList<>();
        run(translator.translate("SELECT key_id, from_table, target_table, from_column, target_column"
                + " FROM TAP_SCHEMA.keys NATURAL JOIN TAP_SCHEMA.key_columns", 100).sql(),
                r -> keys.add(r.getString(1)));
        assertTrue(keys.contains("columns_table"), keys.toString());
    }

    @Test
    void aggregatesFunctionsAndSubqueriesTranslate() throws SQLException {
        List<Long> counts = new ArrayList<>();
        run(translator.translate("SELECT COUNT(*) AS n, ROUND(AVG(w1mpro_ep), 2) FROM wise_00.allwise_p3as_mep AS m"
                + " WHERE m.source_id_mf IN (SELECT source_id_mf FROM wise_00.allwise_p3as_mep WHERE"
                + " DISTANCE(POINT('ICRS', ra, decl), POINT('ICRS', 192.85, 27.13)) < 0.05) AND LOG10(1) = 0",
                10).sql(), r -> counts.add(r.getLong(1)));
        assertEquals(1, counts.size());
        assertTrue(counts.get(0) > 0);
    }

    @Test
    void aConditionAfterAnInListStillApplies() throws SQLException {
        long[] expected = {0};
        SAMPLE.generate(e -> {
            if ((e.nb() == 2 || e.nb() == 3) && e.decl() > 60) {
                expected[0]++;
            }
        });
        List<Long> counts = new ArrayList<>();
        run(translator.translate("SELECT COUNT(*) FROM wise_00.allwise_p3as_mep WHERE nb IN (2, 3) AND decl > 60",
                10).sql(), r -> counts.add(r.getLong(1)));
        assertEquals(List.of(expected[0]), counts);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT FILE_READ('/etc/passwd') FROM wise_00.allwise_p3as_mep",
        "SELECT * FROM wise_00.allwise_p3as_mep WHERE ra = CSVWRITE('/tmp/x.csv', 'SELECT 1')",
        "SELECT LINK_SCHEMA('x', '', 'jdbc:h2:mem:y', 'sa', '', 'PUBLIC') FROM TAP_SCHEMA.schemas",
        "SELECT * FROM INFORMATION_SCHEMA.TABLES",
        "SELECT * FROM information_schema.users",
        "SELECT * FROM PUBLIC.TOKEN",
        "SELECT * FROM token",
        "SELECT secret_hash FROM directory_user",
        "DROP TABLE wise_00.allwise_p3as_mep",
        "DELETE FROM wise_00.allwise_p3as_mep",
        "INSERT INTO TAP_SCHEMA.schemas VALUES ('x', NULL, NULL, 1)",
        "UPDATE TAP_SCHEMA.schemas SET description = 'x'",
        "SELECT ra FROM wise_00.allwise_p3as_mep; DROP TABLE wise_00.allwise_p3as_mep",
        "SELECT ra FROM wise_00.allwise_p3as_mep; SELECT 1",
        "CREATE ALIAS EXEC AS 'String e(String c) throws Exception { return \"\"; }'",
        "CALL FILE_WRITE('x', '/tmp/x')",
        "SELECT ra FROM wise_00.allwise_p3as_mep LIMIT 5",
        "SELECT ra FROM wise_00.allwise_p3as_mep OFFSET 5 ROWS",
        "SELECT ra INTO x FROM wise_00.allwise_p3as_mep",
        "SELECT ra FROM wise_00.allwise_p3as_mep FOR UPDATE",
        "WITH t AS (SELECT ra FROM wise_00.allwise_p3as_mep) SELECT * FROM t",
        "SELECT ra FROM wise_00.allwise_p3as_mep UNION SELECT 1 FROM TAP_SCHEMA.schemas",
        "SELECT ra FROM (SELECT ra FROM wise_00.allwise_p3as_mep) AS sub",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE ra = (SELECT DATABASE_PATH() FROM TAP_SCHEMA.schemas)",
        "SELECT SLEEP(100) FROM TAP_SCHEMA.schemas",
        "SELECT ra FROM wise_00.allwise_p3as_mep -- comment\n; DROP TABLE wise_00.allwise_p3as_mep",
        "SELECT ra /* hidden */ FROM wise_00.allwise_p3as_mep; SHUTDOWN",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE source_id_mf = 'a'''; DROP TABLE x; --'",
        "SELECT `ra` FROM wise_00.allwise_p3as_mep",
        "SELECT ra FROM wise_00.nonexistent",
        "SELECT nothere FROM wise_00.allwise_p3as_mep",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE decl = 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE CONTAINS(POINT('GALACTIC', ra, decl), CIRCLE('ICRS', 1, 2, 3)) = 1",
        "SELECT POINT('ICRS', ra, decl) FROM wise_00.allwise_p3as_mep",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE ra = X'00'",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE REGEXP_LIKE(source_id_mf, '.*')",
        "SELECT CAST(ra AS VARCHAR) FROM wise_00.allwise_p3as_mep",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE ra IN (SELECT user_name FROM INFORMATION_SCHEMA.USERS)",
        "SELECT ROW_NUMBER() OVER (ORDER BY ra) FROM wise_00.allwise_p3as_mep",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE ra = @x",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE ra = ?",
        "",
        "   ",
        "SELEC ra FROM wise_00.allwise_p3as_mep",
        "SELECT AVG(source_id_mf) FROM wise_00.allwise_p3as_mep",
        "SELECT SUM(LOWER(source_id_mf)) FROM wise_00.allwise_p3as_mep",
        "SELECT CEILING('abc') FROM wise_00.allwise_p3as_mep",
        "SELECT LOG(source_id_mf || 'x') FROM wise_00.allwise_p3as_mep",
        "SELECT ROUND(ra, 'x') FROM wise_00.allwise_p3as_mep",
        "SELECT ra FROM wise_00.allwise_p3as_mep /* ' */ WHERE ra = ((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))",
        "SELECT ra FROM wise_00.allwise_p3as_mep -- '\n WHERE ra = ((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))"
    })
    void hostileOrInvalidQueriesAreRefusedBeforeTheDatabase(String adql) {
        assertThrows(AdqlException.class, () -> translator.translate(adql, 100));
    }

    @Test
    void aHugeQueryIsRefusedUnread() {
        String huge = "SELECT ra FROM wise_00.allwise_p3as_mep WHERE source_id_mf = '" + "x".repeat(200_000) + "'";
        AdqlException refused = assertThrows(AdqlException.class, () -> translator.translate(huge, 100));
        assertTrue(refused.getMessage().contains("at most"), refused.getMessage());
    }

    @Test
    void deeplyNestedQueriesAreRefusedNotCrashed() {
        String nested = "SELECT ra FROM wise_00.allwise_p3as_mep WHERE " + "(".repeat(5000) + "ra = 1"
                + ")".repeat(5000);
        assertThrows(AdqlException.class, () -> translator.translate(nested, 100));
    }

    @Test
    void quotesInStringLiteralsStayInsideTheLiteral() throws SQLException {
        TranslatedQuery query = translator.translate("SELECT ra FROM wise_00.allwise_p3as_mep WHERE source_id_mf"
                + " = 'x'' OR ''1''=''1'", 10);
        List<Double> rows = new ArrayList<>();
        run(query.sql(), r -> rows.add(r.getDouble(1)));
        assertTrue(rows.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE source_id_mf = '$$' OR source_id_mf = '$$'",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE source_id_mf = '-- not a comment'",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE source_id_mf = '/* not a comment */'",
        "SELECT ra AS \"x\"\"; DROP TABLE token; --\" FROM wise_00.allwise_p3as_mep WHERE source_id_mf = ''''",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE source_id_mf LIKE 'a\\_%'"
    })
    void trickyButValidQueriesRunAsWrittenAndFindNothing(String adql) throws SQLException {
        List<Double> rows = new ArrayList<>();
        run(translator.translate(adql, 10).sql(), r -> rows.add(r.getDouble(1)));
        assertTrue(rows.isEmpty(), "no source has such an id: " + adql);
        List<Long> count = new ArrayList<>();
        run("SELECT COUNT(*) FROM PUBLIC.TOKEN", r -> count.add(r.getLong(1)));
        assertEquals(List.of(0L), count, "the token table is still there");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ra FROM wise_00.allwise_p3as_mep ORDER BY 99999999999999999999",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE CONTAINS(POINT('ICRS', ra, decl), CIRCLE('ICRS', 1, 2, 3))"
                + " = 99999999999999999999",
        "SELECT ra FROM wise_00.allwise_p3as_mep AS a OUTER JOIN wise_00.allwise_p3as_mep AS b ON a.cntr = b.cntr",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE ((((((((((((((((((((((((((((((((((ra = 1))))))))))))))))))))))))))))))))))"
    })
    void outOfRangeAndMalformedQueriesAreAdqlErrorsNotCrashes(String adql) {
        assertThrows(AdqlException.class, () -> translator.translate(adql, 100));
    }

    @Test
    void aQueryThatWouldKeepTheParserBusyIsRefusedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(AdqlException.class,
                () -> translator.translate("SELECT ra FROM t WHERE ((((((((((ra = 1)))))))))) AND", 100)));
    }

    @Test
    void everySpellingOfNotEqualsWorks() throws SQLException {
        for (String operator : List.of("<>", "!=", "^=")) {
            List<Long> count = new ArrayList<>();
            run(translator.translate("SELECT COUNT(*) FROM TAP_SCHEMA.schemas WHERE schema_name " + operator
                    + " 'wise_00'", 10).sql(), r -> count.add(r.getLong(1)));
            assertEquals(List.of(1L), count, operator);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CONTAINS(POINT('ICRS', ra, decl), CIRCLE('ICRS', 192.85, 27.13, .2)) = 1",
        "1 = INTERSECTS(CIRCLE('ICRS', 192.85, 27.13, .2), POINT('ICRS', ra, decl))",
        "DISTANCE(POINT('ICRS', ra, decl), POINT('ICRS', 192.85, 27.13)) < .2",
        ".2 >= DISTANCE(POINT('ICRS', 192.85, 27.13), POINT('ICRS', ra, decl))"
    })
    void everyFormOfTheConeIsAnsweredFromTheSkyCellIndex(String cone) throws SQLException {
        String sql = translator.translate("SELECT cntr FROM wise_00.allwise_p3as_mep WHERE " + cone, 10_000).sql();
        List<String> plan = new ArrayList<>();
        run("EXPLAIN " + sql, r -> plan.add(r.getString(1)));
        assertTrue(plan.get(0).contains("ALLWISE_P3AS_MEP_CELL"), plan.get(0));
        List<Long> rows = new ArrayList<>();
        run(sql.replaceFirst("FETCH FIRST \\d+ ROWS ONLY", ""), r -> rows.add(r.getLong(1)));
        long[] expected = {0};
        SAMPLE.generate(e -> expected[0] += SkyPoints.greatCircle(e.ra(), e.decl(), 192.85, 27.13) <= 0.2 ? 1 : 0);
        assertEquals(expected[0], rows.size(), cone);
    }

    @Test
    void aCrossMatchOfTwoTablesReadsTheDeclinationIndexPerRow() throws SQLException {
        String sql = translator.translate("SELECT a.cntr FROM wise_00.allwise_p3as_mep AS a JOIN"
                + " wise_00.allwise_p3as_mep AS b ON CONTAINS(POINT('ICRS', a.ra, a.decl), CIRCLE('ICRS', b.ra,"
                + " b.decl, 0.001)) = 1 WHERE b.cntr < 10", 10_000).sql();
        List<String> plan = new ArrayList<>();
        run("EXPLAIN " + sql, r -> plan.add(r.getString(1)));
        assertTrue(plan.get(0).contains("ALLWISE_P3AS_MEP_DECL"), plan.get(0));
    }

    @Test
    void everyDeclaredFeatureRunsAndNothingBeyondIt() throws SQLException {
        for (String condition : List.of("LOWER(source_id_mf) = 'x'", "UPPER(source_id_mf) = 'X'",
                "source_id_mf ILIKE '1926P272%'", "DISTANCE(ra, decl, 192.85, 27.13) < 0.01",
                "CONTAINS(POINT(ra, decl), POLYGON(192.8, 27.1, 192.9, 27.1, 192.85, 27.2)) = 1",
                "INTERSECTS(POINT('ICRS', ra, decl), BOX('ICRS', 192.85, 27.13, 0.1, 0.1)) = 1",
                "COORD1(POINT('ICRS', ra, decl)) > 0 AND COORD2(POINT('ICRS', ra, decl)) > 0")) {
            run(translator.translate("SELECT COUNT(*) FROM wise_00.allwise_p3as_mep WHERE " + condition, 10).sql(),
                    r -> assertTrue(r.getLong(1) >= 0));
        }
        for (String undeclared : List.of("COALESCE(w3mpro_ep, 0) > 1", "CAST(ra AS INTEGER) = 1",
                "source_id_mf SIMILAR TO 'x'")) {
            assertThrows(AdqlException.class, () -> translator.translate("SELECT COUNT(*) FROM"
                    + " wise_00.allwise_p3as_mep WHERE " + undeclared, 10), undeclared);
        }
    }

    private static void run(String sql, AdqlFixture.RowReader reader) throws SQLException {
        AdqlFixture.read(database, sql, reader);
    }
}
