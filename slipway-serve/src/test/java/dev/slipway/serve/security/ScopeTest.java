package dev.slipway.serve.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"predict", "PREDICT", "Predict", " predict "})
    void parse_predictInAnyCase_predict(String label) {
        assertThat(Scope.parse(label)).isEqualTo(Scope.PREDICT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ADMIN", "Admin"})
    void parse_adminInAnyCase_admin(String label) {
        assertThat(Scope.parse(label)).isEqualTo(Scope.ADMIN);
    }

    @Test
    void parse_unknown_invalidInputListingTheValidOnes() {
        assertThatThrownBy(() -> Scope.parse("write"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'write'")
                .hasMessageContaining("predict, admin");
    }

    @Test
    void label_underTurkishLocale_isAscii() {
        assertThat(Scope.ADMIN.label()).isEqualTo("admin");
        assertThat(Scope.PREDICT.label()).isEqualTo("predict");
    }

    @Test
    void allows_predictToken_predictOnly() {
        ApiToken t = token(Set.of(Scope.PREDICT));

        assertThat(t.allows(Scope.PREDICT)).isTrue();
        assertThat(t.allows(Scope.ADMIN)).isFalse();
    }

    @Test
    void allows_adminToken_adminAndPredict() {
        ApiToken t = token(Set.of(Scope.ADMIN));

        assertThat(t.allows(Scope.ADMIN)).isTrue();
        assertThat(t.allows(Scope.PREDICT)).isTrue();
    }

    @Test
    void apiToken_noScopes_refused() {
        assertThatThrownBy(() -> token(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static ApiToken token(Set<Scope> scopes) {
        return new ApiToken("0123456789ab", "ci", scopes, Instant.parse("2026-11-22T10:00:00Z"));
    }
}
