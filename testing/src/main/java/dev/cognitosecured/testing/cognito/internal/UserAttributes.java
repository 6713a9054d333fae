package dev.cognitosecured.testing.cognito.internal;

import java.util.Collection;
import java.util.Set;

/** Which attributes a user may write, with Cognito's messages. */
final class UserAttributes {

    /** Attributes only Cognito or an administrator sets. */
    private static final Set<String> READ_ONLY = Set.of("sub", "email_verified", "phone_number_verified");

    private UserAttributes() {}

    /** @throws CognitoException {@code InvalidParameterException} if one of {@code names} is not the user's to write */
    static void checkWritable(Collection<String> names) {
        for (String name : names) {
            if (READ_ONLY.contains(name)) {
                throw CognitoException.invalidParameter("Cannot modify an immutable attribute: " + name);
            }
            if (name.isEmpty() || name.length() > 32) {
                throw CognitoException.invalidParameter("Invalid user attributes: " + name);
            }
        }
    }
}
