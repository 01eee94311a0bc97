package dev.shabdam.gateway.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Objects in an S3 bucket under an optional prefix ({@code s3://bucket/prefix} storage URIs).
 *
 * <p>An upload is spooled to a temporary file (counting bytes against the limit) and then sent with one
 * {@code PutObject} of known length, rather than as a multipart upload: a single PUT takes up to 5 GB,
 * above our largest limit; an upload over the limit never reaches the bucket, so nothing needs
 * aborting; and the S3-compatible server of the local stack (s3proxy) answered 500 to
 * {@code CompleteMultipartUpload} when tried.
 */
class S3ObjectStore implements ObjectStore {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3ObjectStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** Creates the bucket when it does not exist yet (a fresh local stack or test). */
    void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public long put(String key, InputStream content, long maxBytes) throws IOException {
        Path spool = Files.createTempFile("shabdam-upload-", ".part");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(spool)) {
                size = LimitedCopy.copy(content, out, maxBytes);
            }
            s3.putObject(b -> b.bucket(bucket).key(objectKey(key)).contentLength(size), RequestBody.fromFile(spool));
            return size;
        } catch (S3Exception e) {
            throw new IOException("storing " + key + " failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        try {
            return OptionalLong.of(
                    s3.headObject(b -> b.bucket(bucket).key(objectKey(key))).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw new IOException("reading " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        try {
            String range = "bytes=" + offset + "-" + (offset + length - 1);
            return s3.getObject(b -> b.bucket(bucket).key(objectKey(key)).range(range));
        } catch (S3Exception e) {
            throw new IOException("reading " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (S3Exception e) {
            throw new IOException("deleting " + key + " failed: " + e.getMessage(), e);
        }
    }

    /** One DeleteObject per key: the batch DeleteObjects wants request checksums that S3-compatible servers differ on. */
    @Override
    public int deleteAll(String prefix) throws IOException {
        try {
            int deleted = 0;
            for (S3Object object : s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(objectKey(prefix)))
                    .contents()) {
                s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
                deleted++;
            }
            return deleted;
        } catch (S3Exception e) {
            throw new IOException("deleting " + prefix + "* failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkHealth() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            throw new IOException("bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** Spring calls this at shutdown (inferred destroy method). */
    public void close() {
        s3.close();
    }

    private String objectKey(String key) {
        return prefix + key;
    }
}
