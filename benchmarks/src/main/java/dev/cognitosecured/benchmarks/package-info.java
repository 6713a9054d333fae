/**
 * The benchmarks of cognito-secured and the program that runs them ({@link dev.cognitosecured.benchmarks.Main}).
 * See {@code docs/BENCHMARKS.md}.
 */
package dev.cognitosecured.benchmarks;
