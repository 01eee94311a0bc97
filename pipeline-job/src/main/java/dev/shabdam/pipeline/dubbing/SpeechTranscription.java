package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.dubbing.transcription.TimedText;
import dev.shabdam.pipeline.dubbing.transcription.WhisperTranscriber;
import dev.shabdam.pipeline.jobs.JobFailedException;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.SileroVad;
import dev.shabdam.pipeline.media.Utterance;
import dev.shabdam.pipeline.media.VoiceActivitySegmenter;
import dev.shabdam.speech.subtitles.Cue;
import ai.onnxruntime.OrtException;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a dub has no subtitles: the speech track cut into utterances by Silero VAD (merged and split
 * to sensible lengths, {@link VoiceActivitySegmenter}), each heard by Whisper. The utterances become
 * the cues the dub is timed by. Both models are loaded on first use and kept.
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

    /** @param speech the 16 kHz mono speech track; {@code language} as Whisper takes it ({@code en}, {@code auto}) */
    public List<Cue> transcribe(DecodedAudio speech, String language) throws JobFailedException, OrtException {
        requireModels();
        float[] samples = speech.channels()[0];
        long durationMs = Math.round(speech.durationSec() * 1000);
        List<Utterance> utterances = new VoiceActivitySegmenter().segment(vad.speechProbabilities(samples), durationMs);
        List<Cue> cues = new ArrayList<>();
        for (Utterance utterance : utterances) {
            int from = (int) (utterance.startMs() * speech.sampleRate() / 1000);
            int to = (int) Math.min(samples.length, utterance.endMs() * speech.sampleRate() / 1000);
            String text = whisper.transcribe(Arrays.copyOfRange(samples, from, to), language).stream()
                    .map(TimedText::text).map(String::strip).collect(Collectors.joining(" ")).strip();
            if (!text.isEmpty()) {
                cues.add(new Cue(cues.size() + 1, utterance.startMs(), utterance.endMs(), text, null));
            }
        }
        return cues;
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
