package dev.shabdam.pipeline.synthesis.cloning;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.pipeline.training.PreparedSample;
import dev.shabdam.pipeline.training.QualityGate;
import dev.shabdam.pipeline.training.SamplePreprocessor;
import dev.shabdam.pipeline.training.SampleVerdict;
import dev.shabdam.pipeline.training.VoiceDistance;
import dev.shabdam.pipeline.training.VoiceFeatureExtractor;
import dev.shabdam.pipeline.training.VoiceFeatures;
import dev.shabdam.pipeline.training.VoiceProfileAssembler;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import dev.shabdam.testsupport.CommandLineTool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether cloning gets closer, on target speakers whose truth is known: espeak-ng's English voice with
 * other variants (a different voice, same engine), and real speech ({@code jfk.flac}) pitch- and
 * formant-shifted by known factors with FFmpeg. Per speaker a profile is trained on some of its speech;
 * held-out speech of the target is then compared with the same sentences from the default voice
 * (plain) and from the default voice through the {@link VoiceMatcher} (cloned). Shared by
 * VoiceCloningTest (which asserts) and the bench module's CloningBench (which prints the table).
 */
public final class CloningTrial {
    static final String[] TRAINING = {
        "The quick brown fox jumps over the lazy dog near the quiet river bank.",
        "Every morning she walks to the market and buys fresh bread and fruit.",
        "A voice engine listens carefully before it learns to speak like you.",
        "We measured the loudness of the recording twice to be completely sure.",
        "Please call me back tomorrow afternoon when the meeting has finished.",
    };
    private static final String JFK_THIRD = "Ask what you can do for your country.";
    static final String[] HELD_OUT = {
        "Ask not what your country can do for you.",
        "Bright sunshine warmed the old stone houses of the village all day long.",
        "Nobody expected the train to arrive so early on a cold winter morning.",
    };

    /** A speaker to clone: what it was trained on, and its own speech of the held-out text. */
    public record Speaker(String name, String truth, List<Fold> folds) {}

    /** A split of a speaker's speech: a profile is trained on {@code training} and judged on {@code heldOut}. */
    public record Fold(List<DecodedAudio> training, DecodedAudio heldOut, String heldOutText) {}

    /** One speaker's distances from its held-out speech; {@code profileNote} says how the profile was made. */
    public record Row(String speaker, String truth, VoiceDistance plain, VoiceDistance cloned, String profileNote) {}

    private final EspeakSynthesizer engine;
    private final SamplePreprocessor preprocessor = SamplePreprocessor.standard();
    private final QualityGate gate = new QualityGate();
    private final VoiceFeatureExtractor extractor = VoiceFeatureExtractor.withoutEmbedding();
    private final VoiceMatcher matcher = new VoiceMatcher();

    public CloningTrial(EspeakSynthesizer engine) {
        this.engine = engine;
    }

    /**
     * espeak-ng variants of the English voice: three female ones (its male variants differ from the
     * default by less than the measures' own spread, 0.6 semitone and 3 %, too little to show anything).
     */
    public List<Speaker> espeakSpeakers() {
        List<Speaker> speakers = new ArrayList<>();
        for (String[] voice : new String[][] {
            {"en+f2", "espeak-ng variant f2 (female)"},
            {"en+f4", "espeak-ng variant f4 (female)"},
            {"en+f1", "espeak-ng variant f1 (female)"}
        }) {
            List<DecodedAudio> training = new ArrayList<>();
            for (int i = 0; i < TRAINING.length; i += 2) {
                training.add(
                        recorded(engine, voice[0], Arrays.copyOfRange(TRAINING, i, Math.min(TRAINING.length, i + 2))));
            }
            String text = String.join(" ", Arrays.copyOfRange(HELD_OUT, 1, HELD_OUT.length));
            speakers.add(new Speaker(voice[0], voice[1], List.of(new Fold(training, speak(text, voice[0]), text))));
        }
        return speakers;
    }

    /**
     * jfk.flac with pitch and formants scaled by {@code factor} (FFmpeg: asetrate resamples both,
     * atempo restores the duration): two folds, trained on two of its sentences and judged on the third.
     */
    public Speaker jfkShifted(Path jfk, Path dir, double factor) throws Exception {
        Path shifted = dir.resolve("jfk-" + factor + ".wav");
        CommandLineTool.FFMPEG.run(
                "-y",
                "-v",
                "error",
                "-i",
                jfk.toString(),
                "-ac",
                "1",
                "-af",
                "asetrate=44100*" + factor + ",aresample=44100,atempo=" + (1 / factor),
                shifted.toString());
        DecodedAudio all = new AudioDecoder().decode(shifted.toFile());
        int rate = all.sampleRate();
        float[] x = all.channels()[0];
        // jfk.en.srt: 0.3–2.15 s, 3.25–7.55 s, 8.15–10.25 s. Two folds, the second and the third sentence
        // held out in turn: 5 s of profile speech make formants that depend on the words, and the mean of
        // two folds depends on them less than either
        int second = (int) (2.7 * rate);
        int third = (int) (7.85 * rate);
        List<DecodedAudio> sentences = List.of(
                DecodedAudio.mono(rate, Arrays.copyOfRange(x, 0, second)),
                DecodedAudio.mono(rate, Arrays.copyOfRange(x, second, third)),
                DecodedAudio.mono(rate, Arrays.copyOfRange(x, third, x.length)));
        return new Speaker(
                "jfk×" + factor,
                "jfk.flac, pitch and formants ×" + factor + " (ffmpeg asetrate + atempo)",
                List.of(
                        new Fold(List.of(sentences.get(0), sentences.get(2)), sentences.get(1), HELD_OUT[0]),
                        new Fold(List.of(sentences.get(0), sentences.get(1)), sentences.get(2), JFK_THIRD)));
    }

    /**
     * Per fold, trains the speaker's profile, then measures plain and cloned speech of the held-out text
     * against the speaker's own; the distances are the folds' means.
     */
    public Row run(Speaker speaker) {
        List<VoiceDistance> plain = new ArrayList<>();
        List<VoiceDistance> cloned = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Fold fold : speaker.folds()) {
            List<String> rejected = new ArrayList<>();
            VoiceFeatures profile = profile(fold.training(), rejected, notes);
            if (!rejected.isEmpty()) {
                notes.add("rejected " + rejected);
            }
            Audio spoken =
                    engine.synthesize(new SynthesisRequest(fold.heldOutText(), Language.EN, null, Prosody.NEUTRAL));
            VoiceFeatures target = features(fold.heldOut());
            plain.add(VoiceDistance.between(features(mono(spoken)), target));
            cloned.add(VoiceDistance.between(features(mono(matcher.match(spoken, profile))), target));
        }
        return new Row(speaker.name(), speaker.truth(), mean(plain), mean(cloned), String.join("; ", notes));
    }

    /** The profile through the quality gate and the 10 s rule; for real speech under the rule, its features without it. */
    private VoiceFeatures profile(List<DecodedAudio> training, List<String> rejected, List<String> notes) {
        List<PreparedSample> accepted = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            DecodedAudio sample = training.get(i);
            PreparedSample prepared = preprocessor.prepare(sample);
            SampleVerdict verdict = gate.judge("sample " + i, sample, prepared);
            if (verdict.accepted()) {
                accepted.add(prepared);
            } else {
                rejected.add(verdict.name() + " " + verdict.reasons());
            }
        }
        VoiceProfileAssembler assembler = new VoiceProfileAssembler(extractor);
        VoiceProfileAssembler.Outcome outcome = assembler.assemble(accepted);
        if (outcome.succeeded()) {
            notes.add(String.format("%.1f s accepted", outcome.features().speechSec()));
            return outcome.features();
        }
        VoiceFeatures features = assembler
                .featuresOf(training.stream().map(preprocessor::prepare).toList())
                .orElseThrow();
        notes.add(String.format("%.1f s, under the 10 s rule", features.speechSec()));
        return features;
    }

    private static VoiceDistance mean(List<VoiceDistance> distances) {
        return new VoiceDistance(
                distances.stream()
                        .mapToDouble(VoiceDistance::f0Semitones)
                        .average()
                        .orElseThrow(),
                distances.stream()
                        .mapToDouble(VoiceDistance::formantPercent)
                        .average()
                        .orElseThrow(),
                distances.stream().mapToDouble(VoiceDistance::ltasDb).average().orElseThrow());
    }

    private VoiceFeatures features(DecodedAudio audio) {
        return extractor.measure(preprocessor.prepare(audio).speech()).orElseThrow();
    }

    private DecodedAudio speak(String text, String voice) {
        return mono(engine.synthesize(new SynthesisRequest(text, Language.EN, voice, Prosody.NEUTRAL)));
    }

    /** Sentences in one espeak-ng voice with half a second of silence after each, as a person would record them. */
    public static DecodedAudio recorded(EspeakSynthesizer engine, String voice, String... sentences) {
        float[] all = new float[0];
        int rate = engine.sampleRate();
        for (String sentence : sentences) {
            Audio a = engine.synthesize(new SynthesisRequest(sentence, Language.EN, voice, Prosody.NEUTRAL));
            all = Resampler.join(all, Resampler.join(a.samples(), new float[rate / 2]));
        }
        return DecodedAudio.mono(rate, all);
    }

    private static DecodedAudio mono(Audio audio) {
        return DecodedAudio.mono(audio.sampleRate(), audio.samples());
    }

    /** ../shared/samples/jfk.flac seen from the repository root or from a module; null when absent. */
    public static Path jfkSample() {
        return Stream.of("../shared/samples/jfk.flac", "../../shared/samples/jfk.flac")
                .map(Path::of)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
    }
}
