/** Container boot with 1, 10 and 100 generated clients against the same application without the library. */
package dev.cognitosecured.benchmarks.boot;
