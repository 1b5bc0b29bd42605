package org.switchboard.pbx.voicemail.greeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@link GreetingRepository} contract in a map, for tests here and in other modules. */
public final class MemoryGreetingRepository implements GreetingRepository {
    private final Map<String, Greeting> greetings = new TreeMap<>();

    @Override public synchronized void put(Greeting greeting) { greetings.put(key(greeting.mailbox(), greeting.kind()), greeting); }

    @Override public synchronized boolean remove(String mailbox, GreetingKind kind) {
        return greetings.remove(key(mailbox, kind)) != null;
    }

    @Override public synchronized List<Greeting> list(String mailbox) {
        List<Greeting> list = new ArrayList<>(greetings.values().stream().filter(g -> g.mailbox().equals(mailbox)).toList());
        list.sort(Comparator.comparing((Greeting g) -> g.kind() instanceof GreetingKind.Custom)
                .thenComparing(g -> g.kind().stem()));
        return List.copyOf(list);
    }

    @Override public synchronized List<Greeting> all() { return List.copyOf(greetings.values()); }

    private static String key(String mailbox, GreetingKind kind) { return mailbox + "/" + kind.stem(); }
}
