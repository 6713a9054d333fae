/** What the benchmarks share: a canned transport and identity provider, tokens, clocks, figures. */
package dev.cognitosecured.benchmarks.support;
