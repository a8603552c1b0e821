package org.sciplat.tap.service.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every point of a shape lies in one of the cells covering it, wherever the shape is: across right ascension 0/360,
 * at and over the poles, tiny or large.
 */
class SkyCellsTest {

    @Test
    void everyPointOfAConeLiesInItsCovering() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            double[] centre = SkyPoints.centre(random);
            double radius = Math.pow(10, -3 + 4 * random.nextDouble());
            SkyCells.cone(centre[0], centre[1], radius).ifPresent(covering -> {
                Set<Integer> cells = new HashSet<>(covering);
                for (double[] p : SkyPoints.near(random, centre, radius * 1.5, 300)) {
                    if (SkyPoints.greatCircle(p[0], p[1], centre[0], centre[1]) <= radius) {
                        assertTrue(cells.contains(SkyCells.cell(p[0], p[1])), () -> "cone " + List.of(centre[0],
                                centre[1], radius) + " misses the cell of " + List.of(p[0], p[1]));
                    }
                }
            });
        });
    }

    @Test
    void everyPointOfABandLiesInItsCovering() {
        qt().withExamples(300).forAll(longs().all(), doubles().between(0, 200)).checkAssert((seed, halfWidth) -> {
            Random random = new Random(seed);
            double[] centre = SkyPoints.centre(random);
            double height = 20 * random.nextDouble();
            double south = centre[1] - height / 2;
            double north = centre[1] + height / 2;
            SkyCells.band(south, north, centre[0], halfWidth).ifPresent(covering -> {
                Set<Integer> cells = new HashSet<>(covering);
                for (int i = 0; i < 300; i++) {
                    double dec = Math.max(-90, Math.min(90, south + (north - south) * random.nextDouble()));
                    double ra = centre[0] + (2 * random.nextDouble() - 1) * Math.min(180, halfWidth);
                    assertTrue(cells.contains(SkyCells.cell(ra, dec)), () -> "band misses " + List.of(ra, dec));
                }
            });
        });
    }

    @Test
    void aCellIsTheSameForEveryWayOfWritingItsRightAscension() {
        qt().forAll(doubles().between(0, 360), doubles().between(-90, 90)).checkAssert((ra, dec) -> {
            assertEquals(SkyCells.cell(ra, dec), SkyCells.cell(ra + 360, dec));
            assertEquals(SkyCells.cell(ra, dec), SkyCells.cell(ra - 720, dec));
        });
    }

    @Test
    void theDocumentedConeCoversAFewDozenCellsAndAPoleConeAllOfItsZones() {
        int cells = SkyCells.cone(192.85, 27.13, 0.2).orElseThrow().size();
        assertTrue(cells > 20 && cells < 200, "cells: " + cells);
        List<Integer> pole = SkyCells.cone(10, 89.99, 0.02).orElseThrow();
        assertTrue(pole.contains(SkyCells.cell(190, 89.99)), "the far side of the pole");
        assertTrue(SkyCells.cone(0, 0, 90).isEmpty(), "a hemisphere is not worth an index");
    }
}
