package dev.cognitosecured.testing.graphql;

/** The kinds of Cognito user-pool token, as named by their {@code token_use} claim. */
public enum TokenUse {

    /** An access token ({@code token_use: access}), what AppSync expects by default. */
    ACCESS("access"),

    /** An id token ({@code token_use: id}). */
    ID("id");

    private final String claimValue;

    TokenUse(String claimValue) {
        this.claimValue = claimValue;
    }

    /** {@return the value of the {@code token_use} claim for this kind} */
    public String claimValue() {
        return claimValue;
    }
}
