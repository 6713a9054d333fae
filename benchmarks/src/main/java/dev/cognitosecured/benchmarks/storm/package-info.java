/** The refresh storm: many callers at once on an expired token, one refresh. */
package dev.cognitosecured.benchmarks.storm;
