package dev.shabdam.pipeline.dubbing.transcription;

import java.util.Arrays;
import java.util.List;

/**
 * The constraints Whisper's own decoder puts on each greedy step when it predicts timestamps
 * ({@code ApplyTimestampRules} in openai/whisper), so that the tokens come out as
 * {@code <|t0|> text <|t1|>} segments: the model was trained on that shape and drifts without it.
 * Forbidden tokens get a logit of −∞.
 */
final class TimestampRules {
    /** Whisper's default: the first segment starts within the first second. */
    private static final int MAX_INITIAL_TIMESTAMP_INDEX = 50;

    private final int endOfText;
    private final int timestampBegin;

    TimestampRules(WhisperTokenizer tokenizer) {
        this.endOfText = tokenizer.endOfText();
        this.timestampBegin = tokenizer.timestampBegin();
    }

    /** Masks in {@code logits} what may not follow {@code sampled}, the tokens chosen after the prompt. */
    void apply(float[] logits, List<Integer> sampled) {
        // only text, <|endoftext|> and timestamps are ever chosen: the other special tokens belong in prompts
        forbid(logits, endOfText + 1, timestampBegin);
        int n = sampled.size();
        if (n == 0) {
            forbid(logits, 0, timestampBegin);
            forbid(logits, timestampBegin + MAX_INITIAL_TIMESTAMP_INDEX + 1, logits.length);
        }
        boolean lastWasTimestamp = n >= 1 && sampled.get(n - 1) >= timestampBegin;
        boolean penultimateWasTimestamp = n < 2 || sampled.get(n - 2) >= timestampBegin;
        if (lastWasTimestamp) {
            if (penultimateWasTimestamp) {
                forbid(logits, timestampBegin, logits.length); // a segment just opened: text comes next
            } else {
                forbid(logits, 0, endOfText); // text then a timestamp closed it: the next one opens, or the end
            }
        }
        int lastTimestamp = lastTimestamp(sampled);
        if (lastTimestamp >= 0) {
            // time never goes back, and a segment that opens after one closed is not empty
            boolean closedJustNow = lastWasTimestamp && !penultimateWasTimestamp;
            forbid(logits, timestampBegin, closedJustNow ? lastTimestamp : lastTimestamp + 1);
        }
        // all timestamps together likelier than the best single other token: take a timestamp
        if (logSumExp(logits, timestampBegin, logits.length) > max(logits, 0, timestampBegin)) {
            forbid(logits, 0, timestampBegin);
        }
    }

    private int lastTimestamp(List<Integer> sampled) {
        for (int i = sampled.size() - 1; i >= 0; i--) {
            if (sampled.get(i) >= timestampBegin) {
                return sampled.get(i);
            }
        }
        return -1;
    }

    private static void forbid(float[] logits, int from, int to) {
        if (from < to) {
            Arrays.fill(logits, from, Math.min(to, logits.length), Float.NEGATIVE_INFINITY);
        }
    }

    private static double max(float[] logits, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, logits[i]);
        }
        return max;
    }

    private static double logSumExp(float[] logits, int from, int to) {
        double max = max(logits, from, to);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(logits[i] - max);
        }
        return max + Math.log(sum);
    }
}
