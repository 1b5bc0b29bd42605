/**
 * The mailbox menus by phone ({@code *97}, {@code *98}, or {@code *} during the greeting): log in
 * with the PIN (or choose one on the owner's own phone), hear the summary, listen to, delete and
 * save messages, record greetings and the name, choose the active greeting, change the PIN. A
 * class per menu; the keys are those the bundled prompts announce.
 */
package org.switchboard.pbx.voicemail.menu;
