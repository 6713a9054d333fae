package dev.cognitosecured.runtime.internal.cognito.srp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Cognito's variant on values computed by other people's clients, never by this code.
 *
 * <p>The first two vectors were made by running {@code amazon-cognito-identity-js} 6.3.15 (npm,
 * Apache-2.0), AWS's own Cognito client: its {@code AuthenticationHelper} with {@code smallAValue}
 * set to the secret below gave {@code A}, {@code k}, {@code u} and the HKDF key; the signature is
 * Node's {@code crypto.createHmac('sha256', key)} over pool name, user id, decoded secret block and
 * timestamp. {@code B} is an arbitrary value below N. The second vector has an {@code A} with its
 * top bit set, a salt and a {@code u} with leading zero digits, and non-ASCII password characters,
 * so every case of the integer encoding is crossed.
 *
 * <p>The third is from the tests of soto-cognito-authentication-kit ({@code SRPTests.testSRPKey},
 * Apache-2.0), a Swift client that signs in against real Cognito: pool name and user id are
 * concatenated there as {@code "poolidtestuser"}.
 */
class SrpClientKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void cognitoMultiplier() {
        assertEquals("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6",
                SrpSuite.COGNITO.multiplier().toString(16));
    }

    @Test
    void amazonCognitoIdentityJsVector1() {
        SrpClient client = new SrpClient(SrpSuite.COGNITO, hex(
                "a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00"
                + "a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff01"));
        String b = "e4dcf55f3e01bcdd5f940c213e6ef1dc88f848bbe5b91d9cdc2bba4e04b180765616e48c6e3b6b0d5e79ce85c03127af7fc0"
                + "1b1e780bf02468479a9a178406067ab6c0aa2d07f3ea74ea833cff0a4a915cd5aeceb186d464ac28c22262290cbd5c705b43"
                + "67751b4e91e47d82f55e102b3fb1b58d12f9289db0375428367d8dbe9bacc471b9f66e715d121fa2d2fa5c27b56e6634e3e6"
                + "61d5982460318f73d528278be47275a4c760d93a44e916e7c499686f0639b41cff54b0c2483d3f4537ed856ea2c07eeaa076"
                + "143654cc68275bd9e812ef66ad590e5d25fd55cc0c507eaaa1c711aa4caae8895b7a45515915c0d0482c8d6dba1ec4d859b7"
                + "b617d2d08963d196532211796f1f4f824990549988ebf6c16e10e34bd0b53726b758e41c52fac46267889409f497eb17d7f7"
                + "b467980ba79d8c3b9d7a211b98c6938ba963607e85bcaac10c095c176dae522266f2083282af8f74513b3d0504224e9c243c"
                + "3c3ad0bb7273be0d38bbd2f496a11086716d33e3b9ec3b56491f3bf96dd7fad28ae8";

        assertEquals("235a3770ef2577a5a4c34ac6f95027e5838426925eb95222e25e34579d433add3cad66ebc63a052310681e52b69659cc1390"
                + "32b1b3382131fd871bc3ea4ba2979ce04174331cc5d46880b7789c1b2cd04006065b434be7f1606eae574bf6b6b1ad25ffbf"
                + "fb7f39d2285707b930b699276620da00a042e22526f57e5a8a227d9e1cca91e3103d282d5f7fbd5f48c16246586b0eade385"
                + "053a416fb9c9118afcde7715dbc795502f0ef96939b0764a31981a6eb55bbd1d58b6ee7e83106d3c705add802725d831e3a3"
                + "e06cef4d11bb8bba4e654492bb8e3c4ec3324a0fa29f11b92fcc14f53872eb0740075f63eeac3e7c56e1772a4c1b030f9e33"
                + "396f6344bc64a7bddb762d009ece80caf36574e48adc300d14a20a6c418c580a3dd294a906eee4403f92c825190310497be6"
                + "a77045a04d47272b72713a20c259d853f50b97be3a6351358a57bb3bc9f203518111eba998cdf206a60b94f57bfe01a1bd7c"
                + "27ab1989bec65f95663f56898a1d8693872e89b2254bb5dc090fa4be996b1b54f494", client.srpA());
        assertEquals("6781efd3732cb5b1d6e7989acbb9fcf6d89e04159fafe66287eac2b1f01684af",
                SrpSuite.COGNITO.scrambler(hex(client.srpA()), hex(b)).toString(16));
        char[] password = "correct horse battery staple".toCharArray();
        assertArrayEquals(HEX.parseHex("31edeb28623adc897d2ab84e5c0ebe6b"),
                client.passwordKey("AbCdEf123", "alice", password, b, "c0ffee0123456789abcdef0123456789"));

        PasswordClaim claim = client.passwordClaim("AbCdEf123", "alice", password, b,
                "c0ffee0123456789abcdef0123456789", "b3BhcXVlIHNlY3JldCBibG9jayBmcm9tIHRoZSBzZXJ2ZXIsICMx",
                "Tue Feb 3 04:05:06 UTC 2026");
        assertEquals("9BIPGFMx6ajt8IhObLWfK4SuCLAZCpXOlox5XW+t8BM=", claim.signature());
        assertEquals("Tue Feb 3 04:05:06 UTC 2026", claim.timestamp());
        assertArrayEquals("correct horse battery staple".toCharArray(), password, "the caller's password is left as it was");
    }

    @Test
    void amazonCognitoIdentityJsVector2WithEveryPaddingCase() {
        SrpClient client = new SrpClient(SrpSuite.COGNITO, BigInteger.valueOf(0x1f));
        assertEquals("80000000", client.srpA(), "2^31: the top bit of A's first byte is set");
        String b = "27bf5291137909bced9845788fb79bd2c8acd11d8612162f58db8d1af8963f5d24ba3d21dbac21e75a2b9cbf183db1884c19"
                + "b1ab8b68c0ef269ba987232fb9edb6e157424315f902940d5980fcf5ba881efdb0503b99d2ef535f41d6c9197361bca0e089"
                + "c93733ac3118c3294f3b018d4e125f280b1ed447e0f4a6d35d97f304cf3f8dea8cbcaf8b8d23e36c43191c305b4bc4f48931"
                + "d266d5fc18b0a9b9d30d3c85331e5cfa3dccb639832d982226f3a97c43de36ad53f262386dc255f0a7437e0bd873052e361e"
                + "15625cdeec31a2387f3d882a0e59887bc92b44900c60c787e8b58a0bc87dea8abc3a36955c493c06c4f1a82fdc00297e9d8d"
                + "ce3937a9337ec48fbd18c4a4aeda88513b8f4242bf85162897381a137d8e9d432c79ff8dedb78b462458d699fd98aa360edf"
                + "c011fdb8583ea74cfec49d73587f87f1844ec52d9a6ff1423b22b940b1cbe2c1cd7559a8845e7ad31caae8f521d685f3e810"
                + "84efb8befb1184358153ad05df02fcefa508af53a7b4fa663644d22a27a40d2931a9";
        assertEquals("63431126233dca59a3805d9fb8c15c82f25dcba5aaded9ade16b6b693d1754a",
                SrpSuite.COGNITO.scrambler(hex(client.srpA()), hex(b)).toString(16), "u has 63 hex digits");

        PasswordClaim claim = client.passwordClaim("Zz9_x", "3f2a8c1e-7b6d-4e5f-9a0b-1c2d3e4f5a6b",
                "P\u00e4ssw\u00f6rd-\u00df\u2713".toCharArray(), b, "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                "NhFqm6w1yA2E0ehb6ID2MDiofgnd88dOEO6auce17qkv4rz1P9xCYKZig4JtGGWOwL9GHU3zQDD6Prcbbs002Q==",
                "Sat Dec 31 23:59:59 UTC 2033");
        assertEquals("A1b2E24WYpEVn62OucWaPtfgiJ+PvzfM+YY0gN+Lotc=", claim.signature());
    }

    @Test
    void sotoCognitoAuthenticationKitVector() {
        SrpClient client = new SrpClient(SrpSuite.COGNITO, hex(
                "37981750af33fdf93fc6dce831fe794aba312572e7c3347252854e5ce7c7f40343f5ad82f9ad3585c8cb1184c54c562f8317fc"
                + "2924c6c7ade72f1e8d964f606e040c8f9f0b12e3fe6b6828202a5e40ca0103e880531921e56de3acc410331b8e5ddcd0dbf249"
                + "bfa104f6b797719613aa50eabcdb40fd5457f64861dd71890eba"));
        assertEquals("f93b917abccc667f4fac29d1e4c111bcd37d2c37577e7f113ad85030ec6157c70dfee728ac4aee9a7631d85a68aec3ef7286"
                + "4b6e8a134f5c5eef8940b93bb1db1ada9c1de770db282d644eeb3c551d35ce8de4d2cf98d0d799b6a7f1fe51568d11162ce0cd"
                + "ed8246b630169dcfc2d5a43817d52f121b3d75ab1a43dc30b7cec02e42e332d5fd781023d9c1fd44f3d1129d211550ce57c004"
                + "aca95a367592705b517298f724e6314ffbac2425b2beb5095f23b75dd3dd232adda700080d7a22a87383d3746d39f6427b7daf"
                + "2a00683038ff7dc099081b2bf43eb5e2e30465487dafb3cc875fdd9b475d46a0ac1d07cf928fd11e06c5999596160168fc3122"
                + "8f7f3329d4b873acbf1540a16418a3ee5a0a5070a3db558f5cf8cf15388ff0a6e4234bf1de3e5bade8e4aa607d633a94a06bee"
                + "4386c7444e06fd584282b9d576be318f0f203057e80996f79a2bb0a63ad4786d5cc12b1321bd6644e001cee194171f5b04fcd6"
                + "5f3f280b6dadabae0401a9ae557ad27939730ce146319aa7f08d1e33", client.srpA());
        String b = "a0812a0ee3fa8484a73addeb6a9afa145cff1eca2a6b86537a5d15132d5811dd088d16e7d581b2798229350e6e473503cebd"
                + "df19cabd3f14fb3450a6858bafc972a29702d8772a22b000a160812a7fe29bcac2c36d43b91c118224626c2f0782d70f79c82a"
                + "c5183e0d7d8c7b23ad0bda1f4fba941998bfc82e46415e49026bb33f8271cb9a56e69f518e90bc2f4c42c7bb27720e25a14dcf"
                + "bb5176effb3069a2bc627f18ec07a3e4118f61402dda56a6da3f331d8c2cf78513d767b2bf040809e5a334c7bb98cb720ef565"
                + "4100cfa57d21155fc7630654964370fd512b30febc6c61bfa3415c72660c5dad3444881d272c3abd7ecec0e483493b1491391b"
                + "ef4348d1c27be700e443301fc856a9d1b6ca36fdc46eec9f3c51f0ea566f5a85c87d395d3d9fc2a594945a860841d5b328f191"
                + "0058b2bb822ac976d961736fac42e84b46074762de8b254f37260e3b1da88529dd1060ca52b2dc9de5d77372b1d74ea111de40"
                + "6aac964993133a6f172e8fae54eb885e6a3cd774f1ca6be98b6ddc35";
        assertArrayEquals(HEX.parseHex("b70fad71e9658b24b0ec678774ecca30"),
                client.passwordKey("poolid", "testuser", "testpassword".toCharArray(), b, "8dbcb21f18ae3216"));
    }

    private static BigInteger hex(String digits) {
        return new BigInteger(digits, 16);
    }
}
