package dev.cognitosecured.testing.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who made a request, as read from its verified token. {@link LocalGraphQL} puts it in the GraphQL
 * context of every request it executes, so a data fetcher can answer per caller:
 *
 * <pre>{@code
 * .dataFetcher("Query", "me", env -> Map.of("name", VerifiedCaller.of(env).username()))
 * }</pre>
 *
 * <p>It holds the token's claims, never the token itself.
 *
 * @param subject the {@code sub} claim
 * @param username the {@code username} claim of an access token or {@code cognito:username} of an id
 *     token (the subject when the token has neither)
 * @param groups the {@code cognito:groups} claim, possibly empty
 * @param tokenUse the kind of token the request carried
 * @param clientId the app client: {@code client_id} of an access token, {@code aud} of an id token
 * @param claims every claim of the token as JSON values (times in epoch seconds)
 */
public record VerifiedCaller(
        String subject,
        String username,
        Set<String> groups,
        TokenUse tokenUse,
        Optional<String> clientId,
        Map<String, Object> claims) {

    /**
     * A caller, its groups and claims copied.
     *
     * @param subject the {@code sub} claim
     * @param username the user's name
     * @param groups the {@code cognito:groups} claim, possibly empty
     * @param tokenUse the kind of token the request carried
     * @param clientId the app client, if the token names one
     * @param claims every claim of the token as JSON values
     * @throws NullPointerException if a component is {@code null}
     */
    public VerifiedCaller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(tokenUse, "tokenUse");
        Objects.requireNonNull(clientId, "clientId");
        groups = Set.copyOf(groups);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /**
     * The caller of the request that {@code environment} belongs to.
     *
     * @param environment the data fetcher's environment
     * @return the caller, from the GraphQL context
     * @throws IllegalStateException if the environment does not come from a {@link LocalGraphQL}
     */
    public static VerifiedCaller of(DataFetchingEnvironment environment) {
        VerifiedCaller caller = environment.getGraphQlContext().get(VerifiedCaller.class);
        if (caller == null) {
            throw new IllegalStateException("no VerifiedCaller in the GraphQL context: the data fetcher was not"
                    + " called by LocalGraphQL");
        }
        return caller;
    }

    /**
     * {@return whether the caller belongs to {@code group}}
     *
     * @param group a group's name
     */
    public boolean isInGroup(String group) {
        return groups.contains(group);
    }

    /**
     * {@return the claim named {@code name}, if the token has it}
     *
     * @param name the claim's name, e.g. {@code email}
     */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }
}
