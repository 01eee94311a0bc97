package dev.shabdam.pipeline.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns speech probabilities, one per 32 ms frame (what {@link SileroVad} gives at 16 kHz), into
 * speech spans a dub can be timed against. Knows nothing of the model, so its rules are tested on
 * made-up sequences.
 *
 * <p>The steps, in this order: hysteresis (speech starts at {@code onThreshold}, and ends only after
 * {@code minSilenceMs} below {@code offThreshold}, so a breath inside a sentence does not cut it), drop
 * blips shorter than {@code minSpeechMs}, pad both ends by {@code padMs} so that consonants at the edges
 * are not clipped, merge what the padding left closer than {@code mergeGapMs} (a dubbed line that
 * starts again after a quarter second is one line), and split what is still longer than
 * {@code maxSpanMs} at its least speech-like frame, because translation and synthesis work per
 * span and a long one stretches badly.
 */
public final class VoiceActivitySegmenter {
    public static final int FRAME_MS = 32;

    /** Thresholds and durations of the rules above. */
    public record Settings(
            float onThreshold,
            float offThreshold,
            long minSpeechMs,
            long minSilenceMs,
            long padMs,
            long mergeGapMs,
            long maxSpanMs) {
        public static final Settings DEFAULT = new Settings(0.5f, 0.35f, 250, 300, 100, 300, 12_000);

        public Settings {
            if (offThreshold > onThreshold) {
                throw new IllegalArgumentException("the off threshold must not exceed the on threshold");
            }
            if (minSpeechMs < 0 || minSilenceMs < 0 || padMs < 0 || mergeGapMs < 0) {
                throw new IllegalArgumentException("durations must not be negative");
            }
            // a split must leave at least minSpeechMs on both sides, or it could not shorten anything
            if (maxSpanMs < 2 * minSpeechMs + FRAME_MS) {
                throw new IllegalArgumentException("maxSpanMs must exceed twice minSpeechMs by a frame");
            }
        }
    }

    private record Span(long startMs, long endMs) {
        long length() {
            return endMs - startMs;
        }
    }

    private final Settings settings;

    public VoiceActivitySegmenter() {
        this(Settings.DEFAULT);
    }

    public VoiceActivitySegmenter(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param probabilities speech probability of frame i, which covers [i·32, (i+1)·32) ms
     * @param durationMs    the audio's length: padding never reaches past it (the last frame may have
     *                      been filled up with silence)
     */
    public List<SpeechSpan> segment(float[] probabilities, long durationMs) {
        List<Span> spans = new ArrayList<>();
        for (Span speech : hysteresis(probabilities, durationMs)) {
            if (speech.length() >= settings.minSpeechMs()) {
                Span padded = new Span(
                        Math.max(0, speech.startMs() - settings.padMs()),
                        Math.min(durationMs, speech.endMs() + settings.padMs()));
                Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                if (last != null && padded.startMs() - last.endMs() < settings.mergeGapMs()) {
                    spans.set(spans.size() - 1, new Span(last.startMs(), padded.endMs()));
                } else {
                    spans.add(padded);
                }
            }
        }
        List<SpeechSpan> speech = new ArrayList<>();
        for (Span span : spans) {
            splitLong(span, probabilities, speech);
        }
        return speech;
    }

    private List<Span> hysteresis(float[] probabilities, long durationMs) {
        List<Span> found = new ArrayList<>();
        int start = -1;
        int silenceFrom = -1;
        for (int i = 0; i < probabilities.length; i++) {
            float p = probabilities[i];
            if (start < 0) {
                if (p >= settings.onThreshold()) {
                    start = i;
                }
            } else if (p >= settings.onThreshold()) {
                silenceFrom = -1;
            } else if (p < settings.offThreshold()) {
                if (silenceFrom < 0) {
                    silenceFrom = i;
                }
                if ((long) (i + 1 - silenceFrom) * FRAME_MS >= settings.minSilenceMs()) {
                    found.add(frames(start, silenceFrom, durationMs));
                    start = -1;
                    silenceFrom = -1;
                }
            }
        }
        if (start >= 0) {
            found.add(frames(start, silenceFrom >= 0 ? silenceFrom : probabilities.length, durationMs));
        }
        return found;
    }

    private static Span frames(int from, int to, long durationMs) {
        return new Span(Math.min((long) from * FRAME_MS, durationMs), Math.min((long) to * FRAME_MS, durationMs));
    }

    /**
     * Cuts at the middle of the least speech-like frame that leaves minSpeechMs on both sides, recursively.
     * Of equally low frames the one nearest the middle wins, so flat stretches split into even halves
     * rather than shaving minSpeechMs off the front again and again.
     */
    private void splitLong(Span span, float[] probabilities, List<SpeechSpan> out) {
        if (span.length() <= settings.maxSpanMs()) {
            out.add(new SpeechSpan(out.size(), span.startMs(), span.endMs()));
            return;
        }
        int first = (int) Math.ceil((span.startMs() + settings.minSpeechMs() - FRAME_MS / 2.0) / FRAME_MS);
        int last = (int) Math.floor((span.endMs() - settings.minSpeechMs() - FRAME_MS / 2.0) / FRAME_MS);
        int middle = (first + last) / 2;
        int lowest = first;
        for (int i = first + 1; i <= Math.min(last, probabilities.length - 1); i++) {
            if (probabilities[i] < probabilities[lowest]
                    || probabilities[i] == probabilities[lowest] && Math.abs(i - middle) < Math.abs(lowest - middle)) {
                lowest = i;
            }
        }
        long cut = (long) lowest * FRAME_MS + FRAME_MS / 2;
        splitLong(new Span(span.startMs(), cut), probabilities, out);
        splitLong(new Span(cut, span.endMs()), probabilities, out);
    }
}
