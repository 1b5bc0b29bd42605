package org.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.app.MemoryStorage;
import org.switchboard.app.cli.CliRig.Run;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.RecordingPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard extension add|set|list} with {@code --language}, {@code --moh} and
 * {@code --recording}, against a real server in this JVM (loopback, storage in memory).
 */
class ExtensionCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path data;
    private final MemoryStorage storage = new MemoryStorage();
    private CliRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = CliRig.start(data, storage);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private Extension stored(String number) {
        return storage.extensions().find(number).orElseThrow();
    }

    @Test
    void addTakesLanguageMusicClassAndRecordingAndSaysWhatItStored() {
        Run add = rig.cli("extension", "add", "1001", "--name", "Hall", "--password", "hall-password", "--language", "fr_ch",
                "--moh", "jazz", "--recording", "on-demand");
        assertThat(add.err()).isEmpty();
        assertThat(add.status()).isZero();
        assertThat(add.out()).isEqualTo("Extension 1001 (Hall) added: language fr-CH, music class jazz, recording on-demand.\n");
        assertThat(stored("1001").language()).contains("fr-CH");
        assertThat(stored("1001").mohClass()).contains("jazz");
        assertThat(stored("1001").recording()).isEqualTo(RecordingPolicy.ON_DEMAND);

        Run plain = rig.cli("extension", "add", "1002", "--name", "Lab", "--password", "lab-password");
        assertThat(plain.out()).isEqualTo("Extension 1002 (Lab) added.\n");
        assertThat(stored("1002").recording()).isEqualTo(RecordingPolicy.NEVER);
    }

    @Test
    void setChangesThemAndDefaultReturnsToTheServers() {
        rig.cli("extension", "add", "1001", "--name", "Hall", "--password", "hall-password");

        Run set = rig.cli("extension", "set", "1001", "--language", "DE", "--moh", "piano", "--recording", "ALWAYS");
        assertThat(set.status()).isZero();
        assertThat(set.out()).isEqualTo("Extension 1001 (Hall) updated: ring timeout 30 s (default), language de, music class"
                + " piano, recording always.\n");
        assertThat(stored("1001").language()).contains("de");

        Run back = rig.cli("extension", "set", "1001", "--language", "default", "--moh", "default");
        assertThat(back.out()).isEqualTo("Extension 1001 (Hall) updated: ring timeout 30 s (default), language (server"
                + " default), music class (server default).\n");
        assertThat(stored("1001").language()).isEmpty();
        assertThat(stored("1001").mohClass()).isEmpty();
        assertThat(stored("1001").recording()).as("not named, so kept").isEqualTo(RecordingPolicy.ALWAYS);
    }

    @Test
    void listShowsThemInColumnsAndInJson() throws Exception {
        rig.cli("extension", "add", "1001", "--name", "Hall", "--password", "hall-password");
        rig.cli("extension", "add", "1002", "--name", "Doctor", "--password", "doctor-password", "--language", "fr-CH",
                "--moh", "jazz", "--recording", "on-demand");

        List<String> rows = rig.cli("extension", "list").out().lines().toList();
        assertThat(rows).containsExactly(
                "NUMBER  NAME    RING            SRTP      LANGUAGE  MOH      RECORDING  CREATED",
                "1001    Hall    30 s (default)  optional  default   default  never      " + stored("1001").createdAt(),
                "1002    Doctor  30 s (default)  optional  fr-CH     jazz     on-demand  " + stored("1002").createdAt());

        JsonNode json = JSON.readTree(rig.cli("extension", "list", "--json").out());
        assertThat(json.get(0).get("language").isNull()).as("null: the server default").isTrue();
        assertThat(json.get(0).get("mohClass").isNull()).isTrue();
        assertThat(json.get(0).get("recording").asString()).isEqualTo("never");
        assertThat(json.get(1).get("language").asString()).isEqualTo("fr-CH");
        assertThat(json.get(1).get("mohClass").asString()).isEqualTo("jazz");
        assertThat(json.get(1).get("recording").asString()).isEqualTo("on-demand");
    }

    @Test
    void badValuesAreUsageErrorsNamingWhatIsAllowedAndChangeNothing() {
        rig.cli("extension", "add", "1001", "--name", "Hall", "--password", "hall-password", "--language", "fr");

        Run language = rig.cli("extension", "set", "1001", "--language", "es");
        assertThat(language.status()).isEqualTo(2);
        assertThat(language.err()).isEqualTo("--language takes en, fr, de (a region may follow: fr-CH) or default, got 'es':"
                + " for example --language fr\n");
        Run moh = rig.cli("extension", "set", "1001", "--moh", "../../etc");
        assertThat(moh.status()).isEqualTo(2);
        assertThat(moh.err()).isEqualTo("--moh takes a music class or default, got '../../etc': music on hold class must be"
                + " 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit, for example"
                + " --moh jazz\n");
        Run recording = rig.cli("extension", "set", "1001", "--recording", "sometimes");
        assertThat(recording.status()).isEqualTo(2);
        assertThat(recording.err()).isEqualTo("--recording takes always, on-demand or never, got 'sometimes': for example"
                + " --recording on-demand\n");
        Run add = rig.cli("extension", "add", "1002", "--name", "Lab", "--recording", "yes");
        assertThat(add.status()).isEqualTo(2);
        assertThat(storage.extensions().find("1002")).isEmpty();
        assertThat(stored("1001")).isEqualTo(new Extension("1001", "Hall", stored("1001").createdAt())
                .withLanguage(Optional.of("fr")));
    }

    @Test
    void helpSaysHowToReturnToTheServersDefault() {
        Run help = rig.cli("extension", "set", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).as("help text, its wrapping undone")
                .contains("--language=LANG|default").contains("'default' for the server's voicemail.language")
                .contains("--moh=CLASS|default").contains("'default' for the server's moh.default-class")
                .contains("--recording=always|on-demand|never");
    }
}
