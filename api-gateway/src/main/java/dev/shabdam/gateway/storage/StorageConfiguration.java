package dev.shabdam.gateway.storage;

import dev.shabdam.gateway.GatewaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Chooses the {@link ObjectStore} by the scheme of {@code shabdam.storage.uri}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ObjectStore objectStore(GatewaySettings.Storage properties) throws IOException {
        URI uri = properties.uri();
        ObjectStore store = switch (String.valueOf(uri.getScheme())) {
            case "file" -> new LocalObjectStore(Path.of(uri));
            case "s3" -> s3Store(uri, properties.s3());
            default ->
                throw new IllegalArgumentException(
                        "SHABDAM_STORAGE_URI must be file:///dir or s3://bucket[/prefix], got " + uri);
        };
        log.info("Object storage: {}", store.describe());
        return store;
    }

    private static S3ObjectStore s3Store(URI uri, GatewaySettings.S3 settings) {
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        S3ObjectStore store = new S3ObjectStore(s3Client(settings), uri.getHost(), path.isEmpty() ? "" : path + "/");
        store.createBucketIfMissing();
        return store;
    }

    private static S3Client s3Client(GatewaySettings.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                // S3-compatible servers (MinIO, s3proxy) want path-style addressing and no default checksums
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (hasText(settings.endpoint())) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        builder.credentialsProvider(
                hasText(settings.accessKey())
                        ? StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        return builder.build();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
