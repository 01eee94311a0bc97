package dev.shabdam.gateway.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * For how long each consumer group has failed to keep up: a group keeps up while it has nothing left to read
 * or its committed offsets move between two readings. Plain Java, fed one reading at a time.
 */
final class GroupWatch {
    private final Map<String, Long> lastCommitted = new HashMap<>();
    private final Map<String, Instant> keptUpAt = new HashMap<>();

    /** How long {@code position}'s group has not kept up, as of {@code now}; zero when it keeps up. */
    synchronized Duration behindFor(ConsumerGroups.Position position, Instant now) {
        Long before = lastCommitted.put(position.group(), position.committed());
        // the first reading of a group counts as a move: nothing is known of it before
        if (position.lag() == 0 || before == null || before != position.committed()) {
            keptUpAt.put(position.group(), now);
        }
        return Duration.between(keptUpAt.get(position.group()), now);
    }
}
