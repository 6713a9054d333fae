/** Implementation; not an API, and free to change in any release. */
package dev.cognitosecured.runtime.internal;
