package org.switchboard.pbx.prompt;

/**
 * The grammatical gender of the noun a number counts, which changes how "one" is said:
 * fr "un"/"une", de "eins" (counting) / "ein" / "eine". English ignores it.
 */
public enum Gender {
    /** Counting, no noun: en "one", fr "un", de "eins". */
    NONE,
    /** Before a masculine or neuter noun: fr "un message", de "ein" (also the idiom "ein Uhr"). */
    MASCULINE,
    /** Before a feminine noun: fr "une minute", de "eine Nachricht". */
    FEMININE
}
