package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.analysis.speech.SpeechDownmix;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.MediaDecodeException;

import java.util.Arrays;

/**
 * What a comparison takes from one recording, gathered in one pass block by block: its duration and
 * its integrated loudness over the whole of it, and the 16 kHz mono speech track of its first
 * {@value #SPEECH_SECONDS} seconds only. The speaker embedding, the mel-cepstral distortion (a DTW
 * whose memory grows with the frames it aligns: about 30 MB for a minute) and the pitch are measured
 * on that excerpt, so comparing two long recordings costs what comparing two one-minute ones does; a
 * minute says as much about a voice as an hour.
 *
 * @param loudnessLufs integrated loudness (BS.1770, original channels), null for silence
 */
public record ComparedRecording(double durationSec, Double loudnessLufs, SpeechSignal speech) {
    public static final int SPEECH_SECONDS = 60;
    private static final int SPEECH_SAMPLES = SPEECH_SECONDS * SpeechSignal.RATE;

    public static ComparedRecording of(DecodedAudio audio) {
        Reader reader = new Reader(audio.sampleRate(), audio.channelCount());
        reader.add(audio);
        return reader.finish();
    }

    public static ComparedRecording read(AudioBlocks audio) throws MediaDecodeException, JobTimeoutException {
        Reader reader = new Reader(audio.sampleRate(), audio.channelCount());
        for (DecodedAudio block; (block = audio.next()) != null; ) {
            reader.add(block);
        }
        return reader.finish();
    }

    private static final class Reader {
        private final int sampleRate;
        private final LoudnessMeter.Measurement loudness;
        private final SpeechDownmix downmix;
        private float[] speech = new float[4096];
        private int kept;
        private long frames;

        Reader(int sampleRate, int channels) {
            this.sampleRate = sampleRate;
            this.loudness = new LoudnessMeter().start(sampleRate, channels);
            this.downmix = new SpeechDownmix(sampleRate, channels);
        }

        void add(DecodedAudio block) {
            loudness.add(block);
            frames += block.frames();
            if (kept < SPEECH_SAMPLES) {
                keep(downmix.add(block));
            }
        }

        ComparedRecording finish() {
            if (kept < SPEECH_SAMPLES) {
                keep(downmix.finish());
            }
            return new ComparedRecording(
                    frames / (double) sampleRate,
                    loudness.result().integratedLufs(),
                    new SpeechSignal(Arrays.copyOf(speech, kept)));
        }

        private void keep(float[] x) {
            int n = Math.min(x.length, SPEECH_SAMPLES - kept);
            if (kept + n > speech.length) {
                speech = Arrays.copyOf(speech, Math.min(SPEECH_SAMPLES, Math.max(speech.length * 2, kept + n)));
            }
            System.arraycopy(x, 0, speech, kept, n);
            kept += n;
        }
    }
}
