package dev.shabdam.gateway.uploads;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** One part of a multipart request as it arrives; what reading it throws is a {@link PartReadException}. */
final class PartStream extends FilterInputStream {

    PartStream(InputStream part) {
        super(part);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw new PartReadException(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw new PartReadException(e);
        }
    }
}
