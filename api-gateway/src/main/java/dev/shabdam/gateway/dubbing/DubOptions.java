package dev.shabdam.gateway.dubbing;

import dev.shabdam.schemas.jobs.DubJob;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The options of {@code POST /voice/dub}, as the query or the form's fields give them: text, checked by
 * {@link DubJob} (which refuses a flag that is not exactly {@code true} or {@code false}, where Spring's
 * boolean conversion would read {@code yes} as true). Absent options take DubJob's defaults.
 */
record DubOptions(
        String sourceLanguage,
        String targetLanguage,
        String voiceId,
        String keepBackground,
        String keepOriginalTrack,
        String lipSync) {

    /** These options where given, else {@code others}': the query's options win over the form's. */
    DubOptions over(DubOptions others) {
        return new DubOptions(
                either(sourceLanguage, others.sourceLanguage),
                either(targetLanguage, others.targetLanguage),
                either(voiceId, others.voiceId),
                either(keepBackground, others.keepBackground),
                either(keepOriginalTrack, others.keepOriginalTrack),
                either(lipSync, others.lipSync));
    }

    /** The dub these options ask for; {@code voiceOf} turns the voiceId given (a persona's name or id, say) into a voice id. */
    DubJob job(UnaryOperator<String> voiceOf) {
        Map<String, String> given = new LinkedHashMap<>();
        putGiven(given, "sourceLanguage", sourceLanguage);
        putGiven(given, "targetLanguage", targetLanguage);
        putGiven(given, DubJob.VOICE_ID, voiceId == null || voiceId.isBlank() ? null : voiceOf.apply(voiceId.strip()));
        putGiven(given, "keepBackground", keepBackground);
        putGiven(given, "keepOriginalTrack", keepOriginalTrack);
        putGiven(given, "lipSync", lipSync);
        return DubJob.fromParameters(given);
    }

    private static void putGiven(Map<String, String> given, String name, String value) {
        if (value != null) {
            given.put(name, value);
        }
    }

    private static String either(String mine, String theirs) {
        return mine != null ? mine : theirs;
    }
}
