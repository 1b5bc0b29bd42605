/**
 * Voice prompts: the bundled recordings in English, French and German, the administrator's own
 * recordings over them, and the grammar that says numbers, dates, times and counts.
 * <ul>
 *   <li>{@link org.switchboard.pbx.prompt.PromptKey}: every prompt that exists, named as its file;</li>
 *   <li>{@link org.switchboard.pbx.prompt.Phrasing}: a language's grammar, turning a number, a
 *       date, a time, a message count or an envelope into the keys to play, in order;</li>
 *   <li>{@link org.switchboard.pbx.prompt.PromptLibrary}: the recording of a key in a language,
 *       {@code DATA/prompts/LANG/KEY.wav} first, then the bundled one, then English.</li>
 * </ul>
 * The bundled recordings are made once by {@code scripts/make-prompts.sh} (espeak-ng and sox)
 * from {@code phrases-LANG.tsv} and committed as G.711 u-law, mono, 8 kHz: phone quality,
 * what most legs (PCMU) send without any conversion, and a quarter of the size of 16-bit
 * wideband files (4.8 MB against 19 MB for the three languages). Speaking numbers by concatenating recorded pieces is
 * what Asterisk's {@code say.c} and FreeSWITCH's {@code say} modules do; the grammar here is
 * written per language because the pieces and their order differ (French "quatre-vingt-onze",
 * German "einundzwanzig").
 */
package org.switchboard.pbx.prompt;
