package org.sciplat.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user's catalogue for an upload cross-match, written as a VOTable file (columns id, ra, dec): three positions in
 * four moved up to 0.001 degrees in each coordinate from a row of the demo table, the fourth anywhere on the sky.
 * With it, the pairs "id,cntr" that a great-circle match of every catalogue row against every row of the demo table
 * (read straight from the database) gives: what the service's cross-match must answer.
 */
public record UploadCatalogue(Path file, double radius, Set<String> expected) {

    /** 300 positions, a seeded random choice, cross-matched within 0.001 degrees. */
    public static UploadCatalogue write() throws SQLException, IOException {
        double radius = 0.001;
        List<double[]> demo = new ArrayList<>();
        try (Connection db = TestDatabase.open(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT RA, DECL, CNTR FROM WISE_00.ALLWISE_P3AS_MEP")) {
            while (rows.next()) {
                demo.add(new double[] {rows.getDouble(1), rows.getDouble(2), rows.getLong(3)});
            }
        }
        Random random = new Random(19);
        StringBuilder votable = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.3\""
                + " xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE><FIELD name=\"id\""
                + " datatype=\"int\"/><FIELD name=\"ra\" datatype=\"double\" unit=\"deg\"/><FIELD name=\"dec\""
                + " datatype=\"double\" unit=\"deg\"/><DATA><TABLEDATA>\n");
        List<double[]> catalogue = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double[] near = demo.get(random.nextInt(demo.size()));
            double[] position = i % 4 == 3 ? new double[] {360 * random.nextDouble(), 180 * random.nextDouble() - 90}
                    : new double[] {near[0] + (random.nextDouble() - 0.5) * 0.002, near[1]
                            + (random.nextDouble() - 0.5) * 0.002};
            catalogue.add(position);
            votable.append("<TR><TD>").append(i).append("</TD><TD>").append(position[0]).append("</TD><TD>")
                    .append(position[1]).append("</TD></TR>\n");
        }
        Path file = Files.createTempFile("catalogue", ".vot");
        Files.writeString(file, votable.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n"));
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < catalogue.size(); i++) {
            double ra = catalogue.get(i)[0];
            double dec = catalogue.get(i)[1];
            for (double[] row : demo) {
                // every pair is measured; declinations further apart than the radius put the pair beyond it, which
                // spares the trigonometry of nearly all of them (75 million against the tests' 250,000-row table)
                if (Math.abs(dec - row[1]) <= radius && TapService.greatCircle(ra, dec, row[0], row[1]) <= radius) {
                    expected.add(i + "," + (long) row[2]);
                }
            }
        }
        if (expected.size() < 100) {
            throw new IllegalStateException("The catalogue should match rows of the demo table: " + expected.size());
        }
        return new UploadCatalogue(file, radius, expected);
    }

    /** The cross-match in ADQL, the catalogue uploaded as TAP_UPLOAD.name; one clause a line, as a user types it. */
    public String adql(String name) {
        return "SELECT u.id, t.cntr\nFROM TAP_UPLOAD." + name + " AS u\nJOIN wise_00.allwise_p3as_mep AS t\n"
                + "ON CONTAINS(POINT('ICRS', u.ra, u.dec), CIRCLE('ICRS', t.ra, t.decl, " + radius + ")) = 1";
    }

    /** CSV lines of id and cntr, after their header, as the set of "id,cntr" pairs. */
    public static Set<String> pairs(List<String> csv) {
        return new TreeSet<>(csv.stream().skip(1).filter(line -> !line.isBlank()).map(String::strip).toList());
    }
}
