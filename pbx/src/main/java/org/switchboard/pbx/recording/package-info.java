/**
 * Call recording: per extension always, on demand ({@code *1}) or never; one stereo WAV per
 * recording (caller left, callee right) in {@code DATA/recordings/YYYY/MM/DD/ID.wav}, indexed with
 * the id of the call's record (CDR), kept {@code recording.retention-days} days.
 *
 * <ul>
 *   <li>{@link org.switchboard.pbx.recording.CallRecordings} and
 *       {@link org.switchboard.pbx.recording.CallRecordingSession}: the hook the B2BUA calls; the
 *       media side is {@code media.record} (a tap on the call's two endpoints, whatever their mode).</li>
 *   <li>{@link org.switchboard.pbx.recording.CallRecordingStore}: files and index kept consistent
 *       (temporary file, fsync, atomic rename, then the row; delete file then row;
 *       {@code recover()} at start), over a {@link org.switchboard.pbx.recording.RecordingRepository}.</li>
 *   <li>{@link org.switchboard.pbx.recording.RecordingRetention}: the daily clean-up.</li>
 *   <li>{@link org.switchboard.pbx.recording.RecordingAdmin}: what the REST API and the CLI see.</li>
 * </ul>
 *
 * <h2>The hook, in {@code pbx.b2bua.Call}</h2>
 * On the call's executor, once the call is answered and both legs' audio is known:
 * <pre>{@code
 * RecordedCall rc = new RecordedCall(id,
 *         new RecordedCall.Side(callerEndpoint, RecordingFormat.of(callerLegAudioConfig), callerNumber),
 *         new RecordedCall.Side(calleeEndpoint, RecordingFormat.of(calleeLegAudioConfig), calleeNumber));
 * Map<Party, Trigger> onDemand = new EnumMap<>(Party.class);       // who may press *1
 * if (callerPolicy == ON_DEMAND) onDemand.put(Party.CALLER, Trigger.onDemand(callerNumber));
 * if (calleePolicy == ON_DEMAND) onDemand.put(Party.CALLEE, Trigger.onDemand(calleeNumber));
 * if (callerPolicy == ALWAYS || calleePolicy == ALWAYS || !onDemand.isEmpty()) {
 *     recording = recordings.open(media, rc, executor, onDemand, (party, on) -> {
 *         if (on && recordings.settings().announce()) announce();      // prompt call-recorded
 *     });
 *     if (callerPolicy == ALWAYS) recording.start(Trigger.always(callerNumber));
 *     else if (calleePolicy == ALWAYS) recording.start(Trigger.always(calleeNumber));
 *     if (recording.isRecording() && recordings.settings().announce()) announce();
 * }
 * // after a re-INVITE changed a party's codec: recording.formatChanged(party, newFormat)
 * // on every way the call ends, before closing the endpoints:   recording.close()
 * }</pre>
 * {@code RecordingFormat.of(LegAudioConfig)} takes what {@code NegotiatedAudio#config} builds for
 * the leg (codec, payload types, telephone-event). The session's methods return at once; files are
 * created and stored on virtual threads. Nothing here throws for a full disk or a missing
 * directory: the call goes on unrecorded, with one WARN line.
 */
package org.switchboard.pbx.recording;
