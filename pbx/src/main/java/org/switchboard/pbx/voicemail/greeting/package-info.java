/**
 * Greetings: what a caller hears before leaving a message. A mailbox may have recorded an
 * unavailable, a busy and a temporary greeting, its owner's name, and any number of named
 * custom greetings ("holiday", "closed", "emergency"). {@link org.switchboard.pbx.voicemail.greeting.GreetingSelector}
 * decides which one plays; {@link org.switchboard.pbx.voicemail.greeting.GreetingStore} keeps the
 * recordings in {@code DATA/voicemail/MAILBOX/greetings/KIND.wav}, written durably then indexed.
 */
package org.switchboard.pbx.voicemail.greeting;
