package dev.cognitosecured.benchmarks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void aRatioIsPrintedWithItsPairsAndInterquartileRange() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Figures figures = new Figures(new PrintStream(printed, true, StandardCharsets.UTF_8));

        figures.ratio("fastpath.generated_vs_handwritten", new PairedRatios(12, 1.0123, 0.9712, 1.0409));

        String line = "bench: fastpath.generated_vs_handwritten 1.01 ratio (pairs 12, IQR 0.971-1.04)";
        assertEquals(List.of(line), figures.lines());
        assertEquals(line + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void figuresKeepThreeSignificantDigits() {
        assertEquals("1.00", Figures.format(1));
        assertEquals("0.0600", Figures.format(0.06));
        assertEquals("28.2", Figures.format(28.24));
        assertEquals("582", Figures.format(581.7));
        assertEquals("12595", Figures.format(12595));
        assertEquals("1.00", Figures.format(0.99996));
        assertEquals("0.100", Figures.format(0.099996));
    }
}
