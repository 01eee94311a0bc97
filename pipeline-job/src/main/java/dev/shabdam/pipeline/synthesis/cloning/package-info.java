/**
 * Cloning: taking a generation engine's speech to a voice profile's voice. {@link
 * dev.shabdam.pipeline.synthesis.cloning.VoiceMatcher} is the DSP matcher that runs everywhere
 * (pitch, formants, long-term spectrum, speaking rate); it cannot give the speaker's accent or
 * prosodic style, which live in the engine's phonemes and timing.
 */
package dev.shabdam.pipeline.synthesis.cloning;
