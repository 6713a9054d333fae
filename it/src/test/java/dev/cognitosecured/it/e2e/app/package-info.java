/**
 * The application of the end-to-end suite: two {@code @CognitoSecured} interfaces against a to-do
 * schema (queries, a mutation, {@code CompletionStage} methods, a field only a group may read) and a
 * service that injects them and the pool's {@code @AuthFlow SignIn}.
 */
package dev.cognitosecured.it.e2e.app;
