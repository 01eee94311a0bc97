package dev.shabdam.gateway.generation;

/** The sample layout of linear PCM audio, as a WAV file's {@code fmt } chunk gives it. */
record PcmFormat(int channels, int sampleRateHz, int bitsPerSample) {

    int blockAlign() {
        return channels * (bitsPerSample / 8);
    }

    int byteRate() {
        return sampleRateHz * blockAlign();
    }
}
