package dev.cognitosecured.benchmarks.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertEquals(3.0, Quantiles.median(5, 1, 3, 4, 2));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Quantiles.median(4, 1, 3, 2));
    }

    @Test
    void quartilesInterpolateBetweenTheNearestRanks() {
        Quantiles quantiles = Quantiles.of(1, 2, 3, 4, 5, 6, 7, 8);
        // positions 0.25 * 7 = 1.75 and 0.75 * 7 = 5.25, counted from 0
        assertEquals(2.75, quantiles.at(0.25), 1e-12);
        assertEquals(6.25, quantiles.at(0.75), 1e-12);
        assertEquals(1.0, quantiles.at(0));
        assertEquals(8.0, quantiles.at(1));
    }

    @Test
    void oneValueIsEveryQuantile() {
        Quantiles quantiles = Quantiles.of(0.9);
        assertEquals(0.9, quantiles.at(0.25));
        assertEquals(0.9, quantiles.at(0.75));
        assertEquals(1, quantiles.count());
    }

    @Test
    void theValuesGivenAreNotReordered() {
        double[] values = {3, 1, 2};
        Quantiles.median(values);
        assertArrayEquals(new double[] {3, 1, 2}, values);
    }

    @Test
    void noValuesAndFractionsOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, Quantiles::of);
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(1, 2).at(1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(1, 2).at(Double.NaN));
    }
}
