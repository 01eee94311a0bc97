package dev.shabdam.speech.prosody;

import dev.shabdam.speech.text.TsvTable;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The emotion table, read once from {@code synthesis/emotions.tsv}; immutable. */
public final class EmotionTable {

    private final Map<Emotion, EmotionStyle> styles;

    private EmotionTable(Map<Emotion, EmotionStyle> styles) {
        this.styles = styles;
    }

    public static EmotionTable fromClasspath() {
        Map<Emotion, EmotionStyle> styles = new EnumMap<>(Emotion.class);
        for (List<String> r : TsvTable.read("synthesis/emotions.tsv", 6)) {
            styles.put(
                    Emotion.fromName(r.get(0)),
                    new EmotionStyle(
                            Double.parseDouble(r.get(1)),
                            Double.parseDouble(r.get(2)),
                            Double.parseDouble(r.get(3)),
                            Double.parseDouble(r.get(4)),
                            Integer.parseInt(r.get(5))));
        }
        for (Emotion emotion : Emotion.values()) {
            if (!styles.containsKey(emotion)) {
                throw new IllegalStateException("synthesis/emotions.tsv lacks " + emotion.wireName());
            }
        }
        return new EmotionTable(styles);
    }

    public EmotionStyle style(Emotion emotion) {
        return styles.get(emotion);
    }
}
