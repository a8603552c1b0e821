package org.sciplat.tap.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sciplat.tap.service.demo.SyntheticImages.Image;

/** The demo archive's images: the same on every machine, on the demo sky, with footprints right everywhere. */
class SyntheticImagesTest {

    private static final double FRAME_HALF_SIDE = 47.0 / 60 / 2;

    @Test
    void theImagesAreTheSameOnEveryCallWithDistinctIdentifiers() {
        List<Image> images = SyntheticImages.images();
        assertEquals(images, SyntheticImages.images());
        assertEquals(images.size(), new HashSet<>(images.stream().map(Image::obsPublisherDid).toList()).size());
        assertEquals(2 * 13 * 4 + 4 + 400 * 4, images.size());
    }

    @Test
    void everyExposureOfTheDemoFieldCoversTheDemoCone() {
        List<Image> field = SyntheticImages.images().stream().filter(i -> i.targetName() != null).toList();
        assertEquals(2 * 13 * 4 + 4, field.size());
        for (Image image : field) {
            double distance = degreesBetween(image.sRa(), image.sDec(), SyntheticSample.DEMO_RA,
                    SyntheticSample.DEMO_DEC);
            assertTrue(distance + 0.2 < FRAME_HALF_SIDE, image.obsId() + " is " + distance + " deg off the cone");
        }
    }

    @Test
    void theSkysExposuresWereTakenWhenTheDemoSourcesThereWereMeasured() {
        for (Image image : SyntheticImages.images()) {
            if (image.targetName() == null) {
                double firstVisit = 55203 + image.sRa() / 360 * 180;
                double since = image.tMin() - firstVisit;
                assertTrue(since >= 0 && since < 0.2 || since >= 180 && since < 180.2, image.toString());
                assertTrue(image.tMax() > image.tMin() && image.emMax() > image.emMin(), image.toString());
            }
        }
    }

    /** Corners equally far from the centre, at the pole and across RA 0/360 too. */
    @Test
    void aFootprintsCornersAreEquallyFarFromItsCentreAnywhere() {
        double[][] centres = {{192.85, 27.13}, {359.95, -3}, {0.05, 89.7}, {180, -89.9}};
        double expected = Math.toDegrees(Math.atan(Math.sqrt(2) * Math.tan(Math.toRadians(FRAME_HALF_SIDE))));
        for (double[] centre : centres) {
            String polygon = SyntheticImages.square(centre[0], centre[1], FRAME_HALF_SIDE);
            assertTrue(polygon.startsWith("Polygon ICRS "), polygon);
            double[] numbers = Arrays.stream(polygon.substring("Polygon ICRS ".length()).split(" "))
                    .mapToDouble(Double::parseDouble).toArray();
            assertEquals(8, numbers.length, polygon);
            for (int i = 0; i < 8; i += 2) {
                assertTrue(numbers[i] >= 0 && numbers[i] < 360, polygon);
                assertEquals(expected, degreesBetween(centre[0], centre[1], numbers[i], numbers[i + 1]), 1e-4,
                        polygon);
            }
        }
    }

    private static double degreesBetween(double ra1, double dec1, double ra2, double dec2) {
        double a = Math.toRadians(dec1);
        double b = Math.toRadians(dec2);
        double h = Math.pow(Math.sin((b - a) / 2), 2)
                + Math.cos(a) * Math.cos(b) * Math.pow(Math.sin(Math.toRadians(ra2 - ra1) / 2), 2);
        return Math.toDegrees(2 * Math.asin(Math.sqrt(h)));
    }
}
