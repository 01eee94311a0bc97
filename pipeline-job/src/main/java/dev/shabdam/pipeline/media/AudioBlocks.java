package dev.shabdam.pipeline.media;

import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;

/**
 * Audio handed out a bounded block at a time, from its start to its end: how media of any length is
 * read without ever holding all of it. Every block has the same rate and channel count; all but the
 * last have the same length. A block is the caller's to keep (the next one is a new one), but like
 * any {@link DecodedAudio} it must not be written to.
 */
public interface AudioBlocks extends AutoCloseable {
    int sampleRate();

    int channelCount();

    /** The next block, or null after the last one. */
    DecodedAudio next() throws MediaDecodeException, JobTimeoutException;

    @Override
    void close();

    /** Audio that can be read from its start as often as needed: a file decodes the same way each time. */
    @FunctionalInterface
    interface Source {
        AudioBlocks open() throws MediaDecodeException;
    }
}
