package org.switchboard.media.dsp;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The call-progress tones of a country, so that a caller hears the ringback and busy tones of
 * their own network. Cadences are those of Asterisk's {@code indications.conf} (themselves from
 * ITU-T E.180 Supplement 2 and the national operators' specifications).
 *
 * @param country ISO 3166 code, lower case ({@code us}, {@code gb}...)
 * @param description the country's name
 * @param dial dial tone
 * @param ringback ringing tone: the callee's phone rings
 * @param busy the callee is busy
 * @param congestion the network is congested (reorder)
 */
public record TonePlan(String country, String description, ToneList dial, ToneList ringback, ToneList busy,
        ToneList congestion) {

    /**
     * The voicemail beep, the same everywhere: 1000 Hz for 250 ms, once. 1 kHz sits in the middle of
     * every codec's band and is no DTMF frequency; a quarter second is heard without being mistaken
     * for a tone of the network.
     */
    public static final ToneList BEEP = ToneList.parse("!1000/250");

    private static final Map<String, TonePlan> PLANS = Map.of(
            "us", plan("us", "United States / North America", "350+440", "440+480/2000,0/4000",
                    "480+620/500,0/500", "480+620/250,0/250"),
            "gb", plan("gb", "United Kingdom", "350+440", "400+450/400,0/200,400+450/400,0/2000",
                    "400/375,0/375", "400/400,0/350,400/225,0/525"),
            "de", plan("de", "Germany", "425", "425/1000,0/4000", "425/480,0/480", "425/240,0/240"),
            "fr", plan("fr", "France", "440", "440/1500,0/3500", "440/500,0/500", "440/250,0/250"),
            "ch", plan("ch", "Switzerland", "425", "425/1000,0/4000", "425/500,0/500", "425/200,0/200"));

    private static final SortedSet<String> COUNTRIES = Collections.unmodifiableSortedSet(new TreeSet<>(PLANS.keySet()));

    private static TonePlan plan(String country, String description, String dial, String ringback, String busy,
            String congestion) {
        return new TonePlan(country, description, ToneList.parse(dial), ToneList.parse(ringback),
                ToneList.parse(busy), ToneList.parse(congestion));
    }

    /**
     * The plan of a country by its ISO 3166 code, any case; {@code uk} is taken for {@code gb} as
     * Asterisk names it. Empty for a country without a plan here.
     */
    public static Optional<TonePlan> forCountry(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String key = code.strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(PLANS.get(key.equals("uk") ? "gb" : key));
    }

    /** The codes that {@link #forCountry} knows, sorted. */
    public static SortedSet<String> countries() {
        return COUNTRIES;
    }
}
