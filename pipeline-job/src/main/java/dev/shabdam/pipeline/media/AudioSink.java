package dev.shabdam.pipeline.media;

import java.io.IOException;

/**
 * Takes audio block by block (a WAV file, an encoder). {@link #finish()} completes the output once the last
 * block is in; {@link #close()} releases it, and without a finish abandons it: a mix that failed half-way must
 * not spend minutes padding and encoding a file that is thrown away.
 */
public interface AudioSink extends AutoCloseable {
    void write(DecodedAudio block) throws IOException;

    /** The last block is in: completes the output (a declared length checked, a track padded, a trailer written). */
    default void finish() throws IOException {}

    @Override
    void close() throws IOException;
}
