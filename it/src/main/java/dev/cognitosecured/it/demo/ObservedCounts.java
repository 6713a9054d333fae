package dev.cognitosecured.it.demo;

import java.util.OptionalLong;

/** The counts the demo reads from outside the callers: from the stand-ins, or from the application's events. */
public interface ObservedCounts {

    /** Refresh requests: as Cognito received them (stand-ins), or as the application saw them settle. */
    long refreshes();

    /** HTTP 401 answers the GraphQL server sent, if the demo can see them (only LocalGraphQL's). */
    OptionalLong serverUnauthorized();

    /** Where {@link #refreshes()} comes from, for the output. */
    String refreshesSource();
}
