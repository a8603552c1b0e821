package org.sciplat.tap.service.adql;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.sciplat.tap.service.catalogue.ArchiveReader;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapSchemaTables;
import org.sciplat.tap.service.demo.AllWiseMep;
import org.sciplat.tap.service.migration.TapDatabase;

/**
 * Whatever text a client sends as QUERY, the translator gives SQL or refuses it with an AdqlException (400 with an
 * ADQL error document): never another exception, which the service would answer as its own failure.
 */
class AdqlTranslatorPropertyTest {

    private static ExecutorService parsing;
    private static AdqlTranslator translator;

    @BeforeAll
    static void catalogue() throws SQLException {
        DataSource database = TapDatabase.migrated("adql-properties");
        Catalogue catalogue = new Catalogue(database, new ArchiveReader("archive", "archive-test"));
        catalogue.publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL);
        try (Connection connection = database.getConnection()) {
            AllWiseMep.createIn(connection);
        }
        catalogue.publish(AllWiseMep.SCHEMA, List.of(AllWiseMep.TABLE));
        parsing = Executors.newCachedThreadPool();
        translator = new AdqlTranslator(catalogue, parsing);
    }

    @AfterAll
    static void stopParsing() {
        parsing.shutdownNow();
    }

    @Test
    void anyTextIsTranslatedOrRefused() {
        qt().withExamples(1_000).forAll(adqlish()).checkAssert(AdqlTranslatorPropertyTest::translateOrRefuse);
    }

    @Test
    void anyStringIsTranslatedOrRefused() {
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert(AdqlTranslatorPropertyTest::translateOrRefuse);
    }

    /** ADQL's words, the published names and its punctuation, so that most tries get deep into the translator. */
    private static Gen<String> adqlish() {
        Gen<String> words = Generate.pick(List.of("SELECT", "TOP 3", "DISTINCT", "*", "FROM", "WHERE", "AND", "OR",
                "NOT", "GROUP BY", "HAVING", "ORDER BY", "JOIN", "ON", "AS", "IN", "LIKE", "BETWEEN", "IS NULL",
                "EXISTS", "CASE WHEN", "THEN", "ELSE", "END", "wise_00.allwise_p3as_mep", "TAP_SCHEMA.tables",
                "TAP_SCHEMA.columns", "ra", "decl", "source_id_mf", "w1mpro_ep", "table_name", "t", "COUNT(*)",
                "AVG", "SUM", "MIN", "LOG", "LOG10", "ROUND", "TRUNCATE", "CEILING", "ACOS", "LOWER", "POINT",
                "CIRCLE", "CONTAINS", "DISTANCE", "BOX", "'ICRS'", "'abc'", "''", "'", "\"", "\"size\"", "(", ")",
                ",", ".", "=", "<", ">", "<>", "+", "-", "/", "||", "0", "1", "-1", "1.5", "1e308", "1000000000",
                "99999999999999999999999", "--", "/*", "*/", ";", "\n", "?", "@x", "NULL", "`"));
        return lists().of(words).ofSizeBetween(1, 40).map(list -> String.join(" ", list));
    }

    private static void translateOrRefuse(String adql) {
        try {
            translator.translate(adql, 100);
        } catch (AdqlException refused) {
            // 400 with the reason
        }
    }
}
