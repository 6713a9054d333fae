/**
 * The runnable demo: the example application (a {@code @CognitoSecured} to-do client, a service that
 * injects it and the pool's {@code @AuthFlow SignIn}) booted in Weld SE, signed in through a chained
 * challenge (a new password, then an e-mail code), then calling the API from several threads across
 * several token lifetimes. It ends with one summary line:
 *
 * <pre>
 * summary: calls=&lt;n&gt; unauthorized_surfaced=&lt;n&gt; refreshes=&lt;n&gt; blocked_callers=&lt;n&gt; signins=&lt;n&gt; challenges=&lt;n&gt;
 * </pre>
 *
 * <p>By default it runs against {@code LocalCognito} and {@code LocalGraphQL} on 127.0.0.1, in real
 * time; given a user pool, an app client and a GraphQL endpoint it runs against Amazon Cognito and
 * AWS AppSync instead (see {@link dev.cognitosecured.it.demo.DemoOptions}). Start it with
 * {@link dev.cognitosecured.it.demo.DemoMain}.
 */
package dev.cognitosecured.it.demo;
