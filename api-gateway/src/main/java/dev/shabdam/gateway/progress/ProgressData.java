package dev.shabdam.gateway.progress;

import dev.shabdam.schemas.VoiceEvent;

/** The data of an SSE {@code progress} event. */
record ProgressData(String stage, int percent, Integer segment) {

    static ProgressData of(VoiceEvent event) {
        int percent = (int) Math.round(Math.max(0, Math.min(1, event.progress())) * 100);
        return new ProgressData(event.stage(), percent, event.segment());
    }
}
