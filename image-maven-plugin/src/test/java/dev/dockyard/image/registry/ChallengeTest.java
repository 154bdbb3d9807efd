package dev.dockyard.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void bearerChallengeGivesRealmServiceAndScope() {
        Challenge challenge = Challenge.parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry"
                        + ".example.com\",scope=\"repository:shop/orders:pull,push\"")
                .orElseThrow();
        assertTrue(challenge.isBearer());
        assertEquals("https://auth.example.com/token", challenge.realm());
        assertEquals("registry.example.com", challenge.service());
        assertEquals("repository:shop/orders:pull,push", challenge.parameters().get("scope"));
    }

    @Test
    void basicChallengeAsTheDistributionRegistrySendsIt() {
        Challenge challenge = Challenge.parse("Basic realm=\"dockyard-it\"").orElseThrow();
        assertTrue(challenge.isBasic());
        assertEquals("dockyard-it", challenge.realm());
    }

    @Test
    void unquotedValuesAndEscapes() {
        Challenge challenge = Challenge.parse("bearer realm=https://a/token, service=\"a \\\"b\\\"\"")
                .orElseThrow();
        assertEquals("https://a/token", challenge.realm());
        assertEquals("a \"b\"", challenge.service());
    }

    @Test
    void noHeaderNoChallenge() {
        assertTrue(Challenge.parse(null).isEmpty());
        assertTrue(Challenge.parse(" ").isEmpty());
    }
}
