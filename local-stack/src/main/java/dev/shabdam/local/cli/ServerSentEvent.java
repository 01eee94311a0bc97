package dev.shabdam.local.cli;

import java.util.function.Consumer;
import java.util.stream.Stream;

/** One event of a {@code text/event-stream}: its name and its data lines joined. */
public record ServerSentEvent(String name, String data) {

    /** Reads events line by line (the SSE wire format: fields, then a blank line ends an event). */
    static void parse(Stream<String> lines, Consumer<ServerSentEvent> listener) {
        StringBuilder data = new StringBuilder();
        String[] name = {"message"};
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    listener.accept(new ServerSentEvent(name[0], data.toString()));
                }
                data.setLength(0);
                name[0] = "message";
            } else if (line.startsWith("event:")) {
                name[0] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        });
    }
}
