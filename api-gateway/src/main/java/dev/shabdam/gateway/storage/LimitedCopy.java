package dev.shabdam.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies a stream while counting, stopping as soon as it passes a limit. */
final class LimitedCopy {
    private static final int BUFFER = 64 * 1024;

    private LimitedCopy() {}

    static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new ObjectTooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
