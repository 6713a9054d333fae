/** Helpers for completion stages shared by the store, the sign-in flow, the transport and the caller. */
package dev.cognitosecured.runtime.internal.concurrent;
