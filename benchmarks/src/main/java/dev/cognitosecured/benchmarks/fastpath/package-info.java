/** The fast path: generated, hand-written and reflective clients of one interface (JMH). */
package dev.cognitosecured.benchmarks.fastpath;
