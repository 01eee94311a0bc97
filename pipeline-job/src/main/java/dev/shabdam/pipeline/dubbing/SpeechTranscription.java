package dev.shabdam.pipeline.dubbing;

import ai.onnxruntime.OrtException;
import dev.shabdam.pipeline.dubbing.transcription.TimedText;
import dev.shabdam.pipeline.dubbing.transcription.WhisperTranscriber;
import dev.shabdam.pipeline.jobs.JobDeadline;
import dev.shabdam.pipeline.jobs.JobFailedException;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.pipeline.media.SileroVad;
import dev.shabdam.pipeline.media.SpeechSpan;
import dev.shabdam.pipeline.media.TrackSpill;
import dev.shabdam.pipeline.media.VoiceActivitySegmenter;
import dev.shabdam.speech.subtitles.Cue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a dub has no subtitles: the speech track cut into speech spans by Silero VAD (merged and split
 * to sensible lengths, {@link VoiceActivitySegmenter}), each heard by Whisper. The spans become
 * the cues the dub is timed by. Both models are loaded on first use and kept.
 *
 * <p>Memory: the track is read block by block; Silero judges each block as it comes, and the block
 * goes on to a temporary file ({@link TrackSpill}). Where the spans are is known once the
 * segmenter has seen all the probabilities (31 a second), since a pause may merge two lines or a long
 * stretch be split at its quietest point; then each span (12 s at most) is read back from the
 * file and heard. So only one span's samples are held, however long the film.
 */
public final class SpeechTranscription implements AutoCloseable {
    private final Path modelsDir;
    private WhisperTranscriber whisper;
    private SileroVad vad;

    public SpeechTranscription(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    /** Fails with {@code model_missing} unless both models are installed: before any media is read. */
    public void requireModels() throws JobFailedException, OrtException {
        if (whisper == null) {
            whisper = WhisperTranscriber.load(modelsDir);
        }
        if (vad == null) {
            try {
                vad = SileroVad.open(modelsDir, true);
            } catch (FileNotFoundException e) {
                throw new JobFailedException("model_missing", e.getMessage());
            }
        }
    }

    /**
     * @param speech   the 16 kHz mono speech track, block by block
     * @param language as Whisper takes it ({@code en}, {@code auto})
     */
    public List<Cue> transcribe(AudioBlocks speech, String language)
            throws JobFailedException, OrtException, MediaDecodeException, IOException {
        requireModels();
        try (TrackSpill track = TrackSpill.create()) {
            SileroVad.Track judged = vad.track();
            for (DecodedAudio block; (block = speech.next()) != null; ) {
                float[] samples = block.channels()[0];
                judged.add(samples, 0, samples.length);
                track.append(samples, 0, samples.length);
            }
            long durationMs = Math.round(track.length() / (double) speech.sampleRate() * 1000);
            List<SpeechSpan> spans = new VoiceActivitySegmenter().segment(judged.finish(), durationMs);
            List<Cue> cues = new ArrayList<>();
            for (SpeechSpan span : spans) {
                JobDeadline.check(); // a film's worth of speech spans is minutes of recognition
                int from = (int) (span.startMs() * speech.sampleRate() / 1000);
                int to = (int) Math.min(track.length(), span.endMs() * speech.sampleRate() / 1000);
                String text = whisper.transcribe(track.read(from, to - from), language).stream()
                        .map(TimedText::text)
                        .map(String::strip)
                        .collect(Collectors.joining(" "))
                        .strip();
                if (!text.isEmpty()) {
                    cues.add(new Cue(cues.size() + 1, span.startMs(), span.endMs(), text, null));
                }
            }
            return cues;
        }
    }

    @Override
    public void close() throws OrtException {
        if (whisper != null) {
            whisper.close();
        }
        if (vad != null) {
            vad.close();
        }
    }
}
