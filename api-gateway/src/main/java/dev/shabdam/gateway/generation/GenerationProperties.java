package dev.shabdam.gateway.generation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param recentAudio how much generated audio this gateway keeps in memory ({@link RecentAudio}) */
@ConfigurationProperties("shabdam.generation")
public record GenerationProperties(DataSize recentAudio) {
}
