package dev.shabdam.local;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/** An S3-compatible server in this process (s3proxy over a local folder), the local MinIO. */
public final class ObjectStoreServer implements AutoCloseable {
    public static final String BUCKET = "shabdam";
    private static final String ACCESS_KEY = "shabdam-local";
    private static final String SECRET_KEY = "shabdam-local-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private ObjectStoreServer(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    public static ObjectStoreServer start(Path directory) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        BlobStoreContext context =
                ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
        BlobStore blobStore = context.getBlobStore();
        blobStore.createContainerInLocation(null, BUCKET);

        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        return new ObjectStoreServer(proxy, context);
    }

    public StorageTarget target() {
        return new StorageTarget("s3://" + BUCKET, "http://127.0.0.1:" + proxy.getPort(), ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
