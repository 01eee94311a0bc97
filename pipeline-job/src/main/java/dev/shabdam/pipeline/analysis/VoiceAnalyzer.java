package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.analysis.loudness.SampleStatistics;
import dev.shabdam.pipeline.analysis.pitch.PitchSummary;
import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.EnergyVoiceActivity;
import dev.shabdam.pipeline.analysis.speech.FrameLevels;
import dev.shabdam.pipeline.analysis.speech.SnrEstimator;
import dev.shabdam.pipeline.analysis.speech.SpeechDownmix;
import dev.shabdam.pipeline.analysis.speech.SpeechFrames;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.analysis.speech.SyllableCounter;
import dev.shabdam.pipeline.analysis.speech.VoiceActivity;
import dev.shabdam.pipeline.analysis.voicequality.VoiceQualityAnalyzer;
import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.pipeline.media.TrackSpill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Measures a recording and advises on it: the whole of {@code POST /voice/analyze} after decoding.
 *
 * <p>Loudness, peaks, clipping and DC are measured on the original channels at the original rate;
 * everything about the voice on a 16 kHz mono mix ({@link SpeechDownmix}). All of it in one pass over
 * the audio, block by block ({@link Session}), so memory does not grow with the recording's length
 * beyond the per-frame results (about 100 numbers a second). Voice quality needs the samples of the
 * voiced runs, and which runs count is known only at the end (the voice activity detector's noise
 * floor comes from the whole recording): so the 16 kHz track goes to a temporary file
 * ({@link TrackSpill}) on the way, and voice quality reads its runs back from there.
 *
 * <p>Instances hold no state between calls and may be shared by threads if the {@link VoiceActivity} may.
 */
public final class VoiceAnalyzer {
    private final VoiceActivity voiceActivity;
    private final SuggestionRules rules;
    private final LoudnessMeter loudnessMeter = new LoudnessMeter();
    private final PitchTracker pitchTracker = new PitchTracker();
    private final SyllableCounter syllableCounter = new SyllableCounter();
    private final VoiceQualityAnalyzer voiceQualityAnalyzer = new VoiceQualityAnalyzer();

    public VoiceAnalyzer() {
        this(new EnergyVoiceActivity(), new SuggestionRules());
    }

    public VoiceAnalyzer(VoiceActivity voiceActivity, SuggestionRules rules) {
        this.voiceActivity = voiceActivity;
        this.rules = rules;
    }

    /** Analyses audio in memory: one block through the same pass a long file takes. */
    public AnalysisResult analyze(DecodedAudio audio, AnalysisOptions options) {
        try (Session session = start(audio.sampleRate(), audio.channelCount())) {
            session.add(audio);
            options.progress().progress(0.5);
            return session.finish(options);
        } catch (IOException e) {
            throw new UncheckedIOException("the analysis could not use its temporary file", e);
        }
    }

    /** Analyses audio read block by block, e.g. from {@link dev.shabdam.pipeline.media.AudioDecoder#open}. */
    public AnalysisResult analyze(AudioBlocks audio, AnalysisOptions options)
            throws MediaDecodeException, JobTimeoutException, IOException {
        try (Session session = start(audio.sampleRate(), audio.channelCount())) {
            for (DecodedAudio block; (block = audio.next()) != null; ) {
                session.add(block);
            }
            options.progress().progress(0.5);
            return session.finish(options);
        }
    }

    private Session start(int sampleRate, int channels) throws IOException {
        return new Session(sampleRate, channels);
    }

    /** One recording's analysis in the making; closing it deletes its temporary file. */
    private final class Session implements AutoCloseable {
        private final int sampleRate;
        private final int channels;
        private final LoudnessMeter.Measurement loudness;
        private final SampleStatistics.Counter samples;
        private final SpeechDownmix downmix;
        private final SpeechFrames speech = new SpeechFrames(pitchTracker);
        private final TrackSpill speechTrack = TrackSpill.create();
        private long frames;

        Session(int sampleRate, int channels) throws IOException {
            this.sampleRate = sampleRate;
            this.channels = channels;
            this.loudness = loudnessMeter.start(sampleRate, channels);
            this.samples = new SampleStatistics.Counter(channels);
            this.downmix = new SpeechDownmix(sampleRate, channels);
        }

        void add(DecodedAudio block) throws IOException {
            loudness.add(block);
            samples.add(block);
            addSpeech(downmix.add(block));
            frames += block.frames();
        }

        private void addSpeech(float[] x) throws IOException {
            speech.add(x, 0, x.length);
            speechTrack.append(x, 0, x.length);
        }

        AnalysisResult finish(AnalysisOptions options) throws IOException {
            ProgressListener progress = options.progress();
            addSpeech(downmix.finish());
            FrameLevels levels = speech.levels();
            boolean[] speechFrames = voiceActivity.speechFrames(levels);
            int speechCount = count(speechFrames);
            progress.progress(0.6);
            // the voice's pitch: periodic sound outside speech (mains hum in the pauses) is not the speaker
            PitchTrack pitch = speech.pitch().onlyWhere(speechFrames);
            progress.progress(0.9);
            SampleStatistics statistics = samples.result();
            AnalysisResult result = new AnalysisResult(
                    frames / (double) sampleRate,
                    sampleRate,
                    channels,
                    loudness.result(),
                    SnrEstimator.snrDb(levels, speechFrames),
                    statistics.clippingRatio(),
                    speechFrames.length == 0 ? 1.0 : 1.0 - speechCount / (double) speechFrames.length,
                    statistics.dcOffset(),
                    PitchSummary.of(pitch),
                    syllableCounter.rate(levels, speechFrames, pitch),
                    voiceQualityAnalyzer.measure(speechTrack, pitch),
                    List.of(),
                    SpeechSignal.frameSeconds(speechCount));
            result = result.withSuggestions(rules.suggest(result, options));
            progress.progress(1.0);
            return result;
        }

        @Override
        public void close() throws IOException {
            speechTrack.close();
        }
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
