package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.srp.SrpChallenge;
import dev.cognitosecured.testing.cognito.srp.SrpServer;
import dev.cognitosecured.testing.cognito.srp.SrpVerifier;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Arrays;

/** {@link SrpAuthentication} on {@link SrpServer}: Cognito's SRP, with timestamps judged by LocalCognito's clock. */
final class SrpServerAuthentication implements SrpAuthentication {

    private final SecureRandom random = new SecureRandom();
    private final SrpServer server;

    SrpServerAuthentication(InstantSource clock) {
        this.server = new SrpServer(random, clock.withZone(ZoneOffset.UTC));
    }

    @Override
    public SrpVerifier verifier(String poolId, String userIdForSrp, String password) {
        char[] characters = password.toCharArray();
        try {
            return SrpVerifier.create(poolName(poolId), userIdForSrp, characters, random);
        } finally {
            Arrays.fill(characters, '\0');
        }
    }

    @Override
    public SrpStart begin(SrpVerifier verifier, String srpA) {
        SrpChallenge challenge = server.challenge(verifier, srpA);
        return new SrpStart(challenge.salt(), challenge.srpB(), challenge.secretBlock(),
                (secretBlock, timestamp, signature) -> server.verify(challenge, secretBlock, timestamp, signature));
    }

    /** The part of {@code <region>_<name>} that Cognito's SRP hashes: the name. */
    static String poolName(String poolId) {
        int underscore = poolId.indexOf('_');
        if (underscore < 0 || underscore == poolId.length() - 1) {
            throw new IllegalArgumentException("not a user pool id of the form <region>_<name>: " + poolId);
        }
        return poolId.substring(underscore + 1);
    }
}
