package dev.shabdam.pipeline.media;

import java.io.File;
import java.io.Serializable;

/**
 * Reads what a media file contains. Serializable because Flink ships the operator that holds it to the
 * task managers; an implementation keeps no open native resources between calls, so it is also
 * safe to call from several threads.
 */
public interface MediaProbe extends Serializable {

    /**
     * @throws MediaDecodeException when the file is not decodable audio or video
     */
    ProbeResult probe(File file) throws MediaDecodeException;
}
