package dev.computestudio.service;

import java.util.List;
import java.util.random.RandomGenerator;

/** Names for jobs submitted without one, in the cloud's style: two words and a random suffix. */
final class JobNames {

    private static final List<String> ADJECTIVES = List.of("amber", "brave", "calm", "eager", "gentle", "happy",
            "jolly", "keen", "lively", "mellow", "nifty", "olive", "plucky", "quiet", "shy", "tidy", "witty", "zen");
    private static final List<String> NOUNS = List.of("apple", "bridge", "cloud", "dream", "engine", "forest",
            "garden", "harbor", "island", "lamp", "meadow", "night", "ocean", "pepper", "river", "stone", "tiger");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final RandomGenerator random;

    JobNames(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        StringBuilder name = new StringBuilder()
                .append(ADJECTIVES.get(random.nextInt(ADJECTIVES.size()))).append('_')
                .append(NOUNS.get(random.nextInt(NOUNS.size()))).append('_');
        for (int i = 0; i < 8; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}
