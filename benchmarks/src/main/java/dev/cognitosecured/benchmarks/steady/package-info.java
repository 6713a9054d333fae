/** Steady state with prefetch: a simulated clock, constant load, and who waited for a refresh. */
package dev.cognitosecured.benchmarks.steady;
