package org.switchboard.pbx.b2bua;

import java.util.Objects;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.recording.CallRecordings;

/**
 * What the B2BUA needs to record calls ({@link RecordingHook}): where recordings go, and the
 * prompts to announce them with, in an extension's language or {@code defaultLanguage}.
 */
public record CallRecordingFeature(CallRecordings recordings, PromptLibrary prompts, String defaultLanguage) {
    public CallRecordingFeature {
        Objects.requireNonNull(recordings, "recordings");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }
}
