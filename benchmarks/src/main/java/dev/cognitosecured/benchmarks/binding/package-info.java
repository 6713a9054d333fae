/** Binding a large GraphQL answer: the runtime's response reader against plain JSON-B on the same bytes (JMH). */
package dev.cognitosecured.benchmarks.binding;
