package org.switchboard.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectionFileTest {
    @TempDir
    Path dir;

    @Test
    void writesOneSequentialLinePerUserWithTheAuthenticationKeyword() throws Exception {
        Path file = InjectionFile.write(dir.resolve("u.csv"), List.of(new Credentials("1001", "Alice-Pass-1")));

        assertThat(Files.readAllLines(file)).containsExactly("SEQUENTIAL",
                "1001;Alice-Pass-1;[authentication username=1001 password=Alice-Pass-1]");
    }

    @Test
    void refusesAPasswordSippCannotCarry() {
        assertThatThrownBy(() -> InjectionFile.write(dir.resolve("u.csv"),
                List.of(new Credentials("1001", "semi;colon")))).hasMessageContaining("1001").hasMessageContaining("';'");
    }

    @Test
    void numberedUsersHaveDistinctPasswordsOfAtLeastEightCharacters() {
        List<Credentials> users = Credentials.numbered(2001, 100);

        assertThat(users).extracting(Credentials::password).doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(8));
        assertThat(users.getFirst().toString()).doesNotContain(users.getFirst().password());
    }
}
