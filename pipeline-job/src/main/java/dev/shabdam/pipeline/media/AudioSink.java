package dev.shabdam.pipeline.media;

import java.io.IOException;

/** Takes audio block by block (a WAV file, an encoder) and finishes its output on {@link #close()}. */
public interface AudioSink extends AutoCloseable {
    void write(DecodedAudio block) throws IOException;

    @Override
    void close() throws IOException;
}
