package dev.cognitosecured.benchmarks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairedRatiosTest {

    @Test
    void eachPairGivesOneRatioAndTheFigureIsTheirMedianWithTheQuartiles() {
        double[] generated = {10, 22, 33, 40, 50};
        double[] handWritten = {10, 20, 30, 50, 40};
        // ratios 1.0, 1.1, 1.1, 0.8, 1.25; sorted 0.8, 1.0, 1.1, 1.1, 1.25
        PairedRatios ratios = PairedRatios.of(generated, handWritten);

        assertEquals(5, ratios.pairs());
        assertEquals(1.1, ratios.median(), 1e-12);
        assertEquals(1.0, ratios.lowerQuartile(), 1e-12);
        assertEquals(1.1, ratios.upperQuartile(), 1e-12);
    }

    @Test
    void aLoadThatHitsBothSidesOfAPairLeavesItsRatioAlone() {
        // the same clients, the machine three times slower during the last two pairs
        double[] generated = {30, 30, 30, 90, 90};
        double[] handWritten = {30, 30, 30, 90, 90};
        PairedRatios paired = PairedRatios.of(generated, handWritten);

        assertEquals(1.0, paired.median());
        assertEquals(1.0, paired.lowerQuartile());
        assertEquals(1.0, paired.upperQuartile());
    }

    @Test
    void aDisturbanceOfOneSideInAFewPairsMovesTheSpreadNotTheMedian() {
        double[] generated = {30, 30, 90, 30, 30, 30, 30};
        double[] handWritten = {30, 30, 30, 30, 30, 90, 30};
        PairedRatios paired = PairedRatios.of(generated, handWritten);

        assertEquals(7, paired.pairs());
        assertEquals(1.0, paired.median());
    }

    @Test
    void ratiosAlreadyComputedAreSummarisedTheSameWay() {
        PairedRatios ratios = PairedRatios.of(new double[] {1.04, 0.96, 1.00, 1.02});

        assertEquals(4, ratios.pairs());
        assertEquals(1.01, ratios.median(), 1e-12);
        assertEquals(0.99, ratios.lowerQuartile(), 1e-12);
        assertEquals(1.025, ratios.upperQuartile(), 1e-12);
    }

    @Test
    void sidesOfDifferentLengthsAreNotPairs() {
        assertThrows(IllegalArgumentException.class, () -> PairedRatios.of(new double[] {1, 2}, new double[] {1}));
    }
}
