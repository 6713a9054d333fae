/**
 * The types the generated clients are written against. Applications do not use them directly.
 */
package dev.cognitosecured.runtime.client;
