package dev.shabdam.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a Flink process's configuration folder: {@code config.yaml} and {@code log4j.properties}. */
final class FlinkConfigFile {
    private static final String LOG4J = String.join(
            "\n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = file",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n",
            "logger.kafka.name = org.apache.kafka",
            "logger.kafka.level = WARN",
            "");

    private FlinkConfigFile() {}

    /** Writes {@code options} as Flink 2's {@code config.yaml} (flat keys, quoted values) into {@code confDir}. */
    static Path write(Path confDir, Map<String, String> options) throws IOException {
        Files.createDirectories(confDir);
        String yaml = options.entrySet().stream()
                .map(option -> option.getKey() + ": " + quoted(option.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(confDir.resolve("config.yaml"), yaml);
        Files.writeString(confDir.resolve("log4j.properties"), LOG4J);
        return confDir;
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
