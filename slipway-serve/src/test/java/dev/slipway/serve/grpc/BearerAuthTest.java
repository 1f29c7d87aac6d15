package dev.slipway.serve.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerAuthTest {

    @Test
    void token_bearerInAnyCase_isTheSecret() {
        assertThat(BearerAuth.token("Bearer abc")).hasValue("abc");
        assertThat(BearerAuth.token("BEARER  abc ")).hasValue("abc");
    }

    @Test
    void token_noneOrAnotherScheme_isEmpty() {
        assertThat(BearerAuth.token(null)).isEmpty();
        assertThat(BearerAuth.token("Basic dXNlcjpwdw==")).isEmpty();
        assertThat(BearerAuth.token("Bearer ")).isEmpty();
        assertThat(BearerAuth.token("Bearerabc")).isEmpty();
    }
}
