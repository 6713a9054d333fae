/** Memory per signed-in session: the store alone (JOL) and a session-scoped store in Weld (heap). */
package dev.cognitosecured.benchmarks.memory;
