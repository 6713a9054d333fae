/**
 * Reading the configuration of the user pools: from MicroProfile Config when an implementation is
 * on the class path, otherwise from system properties, otherwise from environment variables.
 */
package dev.cognitosecured.runtime.internal.config;
