/**
 * The secret scan: {@link dev.cognitosecured.secretscan.IssuedSecrets}, where stand-ins record every secret they
 * hand out or receive, and {@link dev.cognitosecured.secretscan.SecretScan}, the JUnit 5 extension that fails a
 * test whose log records, exceptions or reachable {@code toString()}s contain one.
 */
package dev.cognitosecured.secretscan;
