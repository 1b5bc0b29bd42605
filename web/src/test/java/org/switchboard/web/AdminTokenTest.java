package org.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

    @Test
    void generatedTokenIs32BytesOfBase64Url() {
        AdminToken token = AdminToken.generate(new SecureRandom());
        assertThat(token.reveal()).matches("[A-Za-z0-9_-]{43}");
        assertThat(AdminToken.generate(new SecureRandom()).reveal()).isNotEqualTo(token.reveal());
    }

    @Test
    void matchesOnlyTheSameText() {
        AdminToken token = AdminToken.of("abc_DEF-123\n");
        assertThat(token.matches("abc_DEF-123")).isTrue();
        assertThat(token.matches("abc_DEF-124")).isFalse();
        assertThat(token.matches("abc_DEF-1234")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void neverShowsItselfInText() {
        assertThat(AdminToken.of("secret-token").toString()).doesNotContain("secret");
    }

    @Test
    void rejectsTextThatIsNotAToken() {
        assertThatThrownBy(() -> AdminToken.of("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdminToken.of("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
