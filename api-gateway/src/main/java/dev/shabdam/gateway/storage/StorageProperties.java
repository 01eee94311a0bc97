package dev.shabdam.gateway.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * @param uri {@code file:///abs/dir} or {@code s3://bucket[/prefix]}
 * @param s3  connection settings, used for {@code s3://} URIs
 */
@ConfigurationProperties("shabdam.storage")
public record StorageProperties(URI uri, S3 s3) {

    /**
     * @param endpoint  an S3-compatible endpoint (MinIO, s3proxy); empty for AWS itself
     * @param accessKey empty to use the SDK's default credential chain
     */
    public record S3(String endpoint, String accessKey, String secretKey, String region) {}
}
