package dev.cognitosecured.testing.cognito.srp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Base64;
import java.util.Locale;

/**
 * Cognito's side of {@code USER_SRP_AUTH}. {@link #challenge} answers the client's {@code SRP_A}
 * with {@code B = k*v + g^b}; {@link #verify} checks the {@code PASSWORD_VERIFIER} answer: the secret
 * block sent back, the {@code TIMESTAMP}'s form and its distance from this server's clock, and the
 * {@code PASSWORD_CLAIM_SIGNATURE}, recomputed from {@code S = (A * v^u)^b} and compared in constant
 * time. Stateless and thread-safe: the caller keeps each {@link SrpChallenge} until its answer.
 */
public final class SrpServer {

    /**
     * How far a {@code TIMESTAMP} may be from the server's clock, either way, unless configured.
     * Cognito documents no figure; five minutes is the usual allowance for signed AWS requests.
     */
    public static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    /** Cognito's form: English names, day of the month unpadded, UTC, e.g. "Tue Feb 3 04:05:06 UTC 2026". */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
            .ofPattern("EEE MMM d HH:mm:ss 'UTC' uuuu", Locale.US)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final int SECRET_BITS = 512;
    private static final int SECRET_BLOCK_BYTES = 96;

    private final SecureRandom random;
    private final Clock clock;
    private final Duration timestampTolerance;

    /**
     * A server with {@link #DEFAULT_TIMESTAMP_TOLERANCE}.
     *
     * @param random the source of the server's secret {@code b} and of the secret blocks
     * @param clock the server's clock, which timestamps are checked against
     */
    public SrpServer(SecureRandom random, Clock clock) {
        this(random, clock, DEFAULT_TIMESTAMP_TOLERANCE);
    }

    /**
     * A server that accepts timestamps within {@code timestampTolerance} of its clock.
     *
     * @param random the source of the server's secret {@code b} and of the secret blocks
     * @param clock the server's clock, which timestamps are checked against
     * @param timestampTolerance how far a timestamp may be from {@code clock}, either way
     * @throws IllegalArgumentException if {@code timestampTolerance} is negative
     */
    public SrpServer(SecureRandom random, Clock clock, Duration timestampTolerance) {
        if (timestampTolerance.isNegative()) {
            throw new IllegalArgumentException("the timestamp tolerance must not be negative: " + timestampTolerance);
        }
        this.random = random;
        this.clock = clock;
        this.timestampTolerance = timestampTolerance;
    }

    /**
     * The {@code PASSWORD_VERIFIER} challenge for a client that sent {@code srpA}.
     *
     * @param verifier the user's verifier, as the pool keeps it
     * @param srpA the client's {@code SRP_A}, in hexadecimal
     * @return the challenge, with {@code B}, the salt and a new secret block; keep it until its answer
     * @throws InvalidSrpParameterException if {@code srpA} is missing, not hexadecimal, or zero modulo N
     */
    public SrpChallenge challenge(SrpVerifier verifier, String srpA) {
        BigInteger clientPublic = clientPublic(srpA);
        while (true) {
            BigInteger serverSecret = new BigInteger(SECRET_BITS, random);
            BigInteger serverPublic = SrpMath.MULTIPLIER.multiply(verifier.value())
                    .add(SrpMath.GENERATOR.modPow(serverSecret, SrpMath.PRIME_3072))
                    .mod(SrpMath.PRIME_3072);
            // Draw again in the (astronomically unlikely) cases SRP-6a forbids: B = 0 or u = 0.
            if (serverPublic.signum() != 0 && SrpMath.scrambler(clientPublic, serverPublic).signum() != 0) {
                byte[] secretBlock = new byte[SECRET_BLOCK_BYTES];
                random.nextBytes(secretBlock);
                return new SrpChallenge(verifier, clientPublic, serverSecret, serverPublic, secretBlock);
            }
        }
    }

    /**
     * Checks the answer to {@code challenge}, which is spent by this call whatever the outcome.
     *
     * @param challenge the challenge {@link #challenge} made
     * @param secretBlock {@code PASSWORD_CLAIM_SECRET_BLOCK}
     * @param timestamp {@code TIMESTAMP}
     * @param signature {@code PASSWORD_CLAIM_SIGNATURE}
     * @return {@link SrpOutcome#VERIFIED}, or what was wrong with the answer
     */
    public SrpOutcome verify(SrpChallenge challenge, String secretBlock, String timestamp, String signature) {
        if (!challenge.markAnswered()) {
            return SrpOutcome.ALREADY_ANSWERED;
        }
        byte[] expectedBlock = challenge.secretBlockBytes();
        if (!MessageDigest.isEqual(expectedBlock, base64(secretBlock))) {
            return SrpOutcome.SECRET_BLOCK_MISMATCH;
        }
        Instant signedAt = parseTimestamp(timestamp);
        if (signedAt == null) {
            return SrpOutcome.MALFORMED_TIMESTAMP;
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(timestampTolerance) > 0) {
            return SrpOutcome.STALE_TIMESTAMP;
        }
        SrpVerifier verifier = challenge.verifier();
        BigInteger scrambler = SrpMath.scrambler(challenge.clientPublic(), challenge.serverPublic());
        BigInteger premasterSecret = challenge.clientPublic()
                .multiply(verifier.value().modPow(scrambler, SrpMath.PRIME_3072))
                .modPow(challenge.serverSecret(), SrpMath.PRIME_3072);
        byte[] key = SrpMath.passwordKey(premasterSecret, scrambler);
        byte[] expected = SrpMath.claimSignature(
                key, verifier.poolName(), verifier.userIdForSrp(), expectedBlock, timestamp);
        return MessageDigest.isEqual(expected, base64(signature)) ? SrpOutcome.VERIFIED : SrpOutcome.WRONG_SIGNATURE;
    }

    /** The instant of a timestamp in Cognito's exact form, or null if it is not in that form. */
    static Instant parseTimestamp(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            LocalDateTime parsed = LocalDateTime.parse(timestamp, TIMESTAMP);
            // Parsing alone would let "Feb 03" or a day name in another case through.
            return TIMESTAMP.format(parsed).equals(timestamp) ? parsed.toInstant(ZoneOffset.UTC) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigInteger clientPublic(String srpA) {
        if (srpA == null || srpA.isEmpty()) {
            throw new InvalidSrpParameterException("SRP_A is missing");
        }
        if (!srpA.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            throw new InvalidSrpParameterException("SRP_A is not a hexadecimal number");
        }
        BigInteger clientPublic = new BigInteger(srpA, 16);
        if (clientPublic.mod(SrpMath.PRIME_3072).signum() == 0) {
            throw new InvalidSrpParameterException("SRP_A is zero modulo N, which SRP-6a refuses");
        }
        return clientPublic;
    }

    /** The decoded bytes, or an empty array for anything that is not base64: it then matches nothing. */
    private static byte[] base64(String text) {
        if (text == null) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
