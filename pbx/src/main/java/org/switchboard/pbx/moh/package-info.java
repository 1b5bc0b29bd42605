/**
 * Music on hold: named classes of music that a held party hears while the other phone has put
 * the call on hold (RFC 3264 §8.4; the B2BUA in package {@code b2bua} decides when). A class is
 * a list of WAV files played in order and looped ({@link org.switchboard.pbx.moh.MusicClass});
 * {@link org.switchboard.pbx.moh.MusicOnHold} finds them: the bundled class {@code default}
 * (made by this project with {@code scripts/make-moh.sh}, royalty-free) and the administrator's
 * folders {@code DATA/moh/CLASS/*.wav}. Nothing here knows SIP: the call hands the chosen
 * music, an {@link org.switchboard.media.channel.AudioSource}, to its terminated media leg.
 */
package org.switchboard.pbx.moh;
