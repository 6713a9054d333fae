/** Implementation shared by the stand-ins; not an API. */
package dev.cognitosecured.testing.internal;
