package dev.shabdam.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxJsonBytes the largest body a request other than an upload may have (JSON: a text to speak, a
 *                     persona). 5,000 characters of Malayalam are 15 KB of UTF-8, or 30 KB written as JSON
 *                     {@code \\u} escapes; SSML markup adds a few KB: 64 KB leaves room and no more.
 */
@ConfigurationProperties("shabdam.requests")
public record RequestLimits(DataSize maxJsonBytes) {}
