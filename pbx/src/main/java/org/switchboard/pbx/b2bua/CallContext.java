package org.switchboard.pbx.b2bua;

import java.time.InstantSource;
import org.switchboard.media.codec.Codecs;
import org.switchboard.media.relay.MediaEndpoints;
import org.switchboard.pbx.extension.ExtensionDirectory;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.SipStack;

/**
 * The services every call of one B2BUA shares.
 *
 * @param moh    the music a held party hears ({@link Hold})
 * @param codecs the codecs the server can speak itself, to play that music on a leg
 * @param directory the extensions, read in memory during a call (the holding extension's music class)
 * @param voice  the applications the server answers callers with ({@link ServerAnswer}) and their threads
 * @param recording how calls are recorded ({@link RecordingHook}); empty when never
 */
record CallContext(SipStack stack, Scheduler scheduler, InstantSource clock, B2buaSettings settings,
                   CallTable table, RecordSink records, MediaEndpoints media, MusicOnHold moh, Codecs codecs,
                   ExtensionDirectory directory, VoiceServices voice,
                   java.util.Optional<CallRecordingFeature> recording) { }
