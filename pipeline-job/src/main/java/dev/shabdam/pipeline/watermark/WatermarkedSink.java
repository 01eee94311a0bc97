package dev.shabdam.pipeline.watermark;

import dev.shabdam.pipeline.media.AudioSink;
import dev.shabdam.pipeline.media.DecodedAudio;

import java.io.IOException;

/** An audio sink that marks each block on its way to another: a mix written block by block is marked as it goes. */
public final class WatermarkedSink implements AudioSink {
    private final Watermarker.Stream marking;
    private final AudioSink target;

    public WatermarkedSink(Watermarker watermarker, AudioSink target) {
        this.marking = watermarker.stream();
        this.target = target;
    }

    @Override
    public void write(DecodedAudio block) throws IOException {
        target.write(marking.mark(block));
    }

    @Override
    public void finish() throws IOException {
        target.finish();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
