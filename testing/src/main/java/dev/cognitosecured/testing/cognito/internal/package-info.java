/**
 * LocalCognito's implementation: the HTTP server, the actions, the state and the rules. Not an API: use {@link
 * dev.cognitosecured.testing.cognito.LocalCognito}. {@link
 * dev.cognitosecured.testing.cognito.internal.SrpAuthentication} is the extension point for the server side of
 * SRP, implemented on {@link dev.cognitosecured.testing.cognito.srp.SrpServer}.
 */
package dev.cognitosecured.testing.cognito.internal;
